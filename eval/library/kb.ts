// The library the eval asks: the shipped corpus (the seed) plus the real documents of the development set, read as
// the Node entry reads a corpus folder, in one knowledge base.


import type { SourceDocument } from '../../src/corpus/blocks.js';
import { buildKnowledgeBaseData, hydrateKnowledgeBase, type KnowledgeBase } from '../../src/index/knowledge-base.js';
import { readCorpusFile } from '../../src/node/loaders.js';
import { lexicon, sources, tokenizer } from '../../src/testing/fixtures.js';
import { REALDOCS_2_DIR, REALDOCS_DIR, realdocFiles, realdocFiles2 } from '../../src/testing/realdocs.js';

let cached: KnowledgeBase | undefined;

export async function librarySources(): Promise<SourceDocument[]> {
  const docs = await Promise.all(realdocFiles().map((f) => readCorpusFile(REALDOCS_DIR, f)));
  return [...sources, ...docs];
}

/** The seed and the 8 real documents, with exact vector search. */
export async function libraryKnowledgeBase(): Promise<KnowledgeBase> {
  cached ??= hydrateKnowledgeBase(buildKnowledgeBaseData(await librarySources(), lexicon, tokenizer), lexicon, tokenizer);
  return cached;
}


let wide: KnowledgeBase | undefined;

/** The seed and both sets of real documents (realdocs and realdocs-2) in one library, with exact vector search. */
export async function wideLibraryKnowledgeBase(): Promise<KnowledgeBase> {
  const second = await Promise.all(realdocFiles2().map((f) => readCorpusFile(REALDOCS_2_DIR, f)));
  wide ??= hydrateKnowledgeBase(buildKnowledgeBaseData([...(await librarySources()), ...second], lexicon, tokenizer), lexicon, tokenizer);
  return wide;
}
