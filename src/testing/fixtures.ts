// Shared test setup: the real corpus and lexicon, the native tokenizer, and a knowledge base built once per process.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_CORPUS_DIR, nodeTokenizer, PROJECT_ROOT, readCorpus, readLexicon } from '../node/loaders.js';
import { sourceFromText } from '../corpus/readers/txt.js';
import { createGazetteer } from '../text/places.js';
import { buildKnowledgeBaseData, hydrateKnowledgeBase, type KnowledgeBase } from '../index/knowledge-base.js';

export const lexicon = readLexicon();
export const gazetteer = createGazetteer(lexicon.places);
export const tokenizer = nodeTokenizer(lexicon);
export const sources = await readCorpus(DEFAULT_CORPUS_DIR);
export const FIXTURES_DIR = join(PROJECT_ROOT, 'src', 'corpus', 'fixtures');

let cached: KnowledgeBase | undefined;

/** The seed corpus as an in-memory knowledge base with exact vector search. */
export function seedKnowledgeBase(): KnowledgeBase {
  cached ??= hydrateKnowledgeBase(buildKnowledgeBaseData(sources, lexicon, tokenizer), lexicon, tokenizer);
  return cached;
}

const fixtureKbs = new Map<string, KnowledgeBase>();

/**
 * A small knowledge base from one fixture document (src/corpus/fixtures/<file>) with the real lexicon and
 * tokenizer: rules tested on it cannot lean on the seed's own wording.
 */
export function fixtureKnowledgeBase(file = 'second-policy.md'): KnowledgeBase {
  let kb = fixtureKbs.get(file);
  if (!kb) {
    const text = readFileSync(join(FIXTURES_DIR, file), 'utf8');
    kb = hydrateKnowledgeBase(buildKnowledgeBaseData([sourceFromText(file, text)], lexicon, tokenizer), lexicon, tokenizer);
    fixtureKbs.set(file, kb);
  }
  return kb;
}
