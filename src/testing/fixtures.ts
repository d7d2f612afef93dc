// Shared test setup: the real corpus and lexicon, the native tokenizer, and a knowledge base built once per process.
import { join } from 'node:path';
import { DEFAULT_CORPUS_DIR, nodeTokenizer, PROJECT_ROOT, readCorpus, readLexicon } from '../entry/node-deps.js';
import { buildKnowledgeBaseData, hydrateKnowledgeBase, type KnowledgeBase } from '../index/knowledge-base.js';

export const lexicon = readLexicon();
export const tokenizer = nodeTokenizer(lexicon);
export const sources = readCorpus(DEFAULT_CORPUS_DIR);
export const FIXTURES_DIR = join(PROJECT_ROOT, 'src', 'corpus', 'fixtures');

let cached: KnowledgeBase | undefined;

/** The seed corpus as an in-memory knowledge base with exact vector search. */
export function seedKnowledgeBase(): KnowledgeBase {
  cached ??= hydrateKnowledgeBase(buildKnowledgeBaseData(sources, lexicon, tokenizer), lexicon, tokenizer);
  return cached;
}
