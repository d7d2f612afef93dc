// Saving and loading the index artifacts on disk (Node): manifest.json, kb.json and the HNSW files.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { errors, isAppError } from '../errors.js';
import type { Lexicon } from '../text/lexicon.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { embedderId } from './embeddings.js';
import { buildHnsw, hnswVectorIndex } from './hnsw-node.js';
import { buildKnowledgeBaseData, hydrateKnowledgeBase, lexiconHash, type KnowledgeBase, type KnowledgeBaseData } from './knowledge-base.js';
import { checkManifest, corpusHash, type Manifest } from './manifest.js';

type Sources = { file: string; text: string }[];

export async function saveIndex(dir: string, data: KnowledgeBaseData, kb: KnowledgeBase): Promise<void> {
  // Write into a temp folder and swap it in, so a crash mid-write never leaves a half index behind.
  const tmp = `${dir}.tmp-${process.pid}`;
  await rm(tmp, { recursive: true, force: true });
  await mkdir(tmp, { recursive: true });
  const dense = data.chunks.map((c) => kb.embedder.embedDense(c.text));
  const store = await buildHnsw(dense, kb.embedder);
  await store.save(join(tmp, 'hnsw'));
  const { manifest, ...rest } = data;
  await writeFile(join(tmp, 'kb.json'), JSON.stringify(rest));
  await writeFile(join(tmp, 'manifest.json'), JSON.stringify(manifest, null, 2));
  await rm(dir, { recursive: true, force: true });
  await rename(tmp, dir);
}

export async function loadIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer): Promise<KnowledgeBase> {
  if (!existsSync(join(dir, 'manifest.json'))) throw errors.indexMissing(`no index at ${dir}`);
  let manifest: Manifest;
  let rest: Omit<KnowledgeBaseData, 'manifest'>;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw errors.indexCorrupt(`unreadable manifest in ${dir}: ${(e as Error).message}`);
  }
  checkManifest(manifest, {
    tokenizer: tokenizer.id,
    lexiconHash: lexiconHash(lex),
    embedder: embedderId(),
    corpusHash: corpusHash(sources),
  });
  try {
    rest = JSON.parse(await readFile(join(dir, 'kb.json'), 'utf8'));
  } catch (e) {
    throw errors.indexCorrupt(`unreadable kb.json in ${dir}: ${(e as Error).message}`);
  }
  const data: KnowledgeBaseData = { manifest, ...rest };
  let store: HNSWLib;
  try {
    store = await HNSWLib.load(join(dir, 'hnsw'), { embedDocuments: async () => [], embedQuery: async () => [] });
  } catch (e) {
    throw errors.indexCorrupt(`unreadable HNSW index in ${dir}: ${(e as Error).message}`);
  }
  const count = store.index.getCurrentCount();
  if (count !== data.chunks?.length || data.vectors?.length !== data.chunks.length || manifest.counts.chunks !== count) {
    throw errors.indexCorrupt(`index in ${dir} holds ${count} vectors for ${data.chunks?.length} chunks`);
  }
  return hydrateKnowledgeBase(data, lex, tokenizer, hnswVectorIndex(store));
}

export interface LoadOrBuildResult {
  kb: KnowledgeBase;
  built: boolean;
  reason?: string;
  ms: number;
}

/** Missing or stale (corpus/dictionary changed) → rebuild; incompatible or corrupt → throw. */
export async function loadOrBuildIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer): Promise<LoadOrBuildResult> {
  const t0 = performance.now();
  try {
    const kb = await loadIndex(dir, sources, lex, tokenizer);
    return { kb, built: false, ms: performance.now() - t0 };
  } catch (e) {
    if (!isAppError(e, 'INDEX_MISSING') && !isAppError(e, 'INDEX_STALE')) throw e;
    const kb = await buildAndSave(dir, sources, lex, tokenizer);
    return { kb, built: true, reason: e.message, ms: performance.now() - t0 };
  }
}

export async function buildAndSave(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer): Promise<KnowledgeBase> {
  const data = buildKnowledgeBaseData(sources, lex, tokenizer);
  const exact = hydrateKnowledgeBase(data, lex, tokenizer);
  await saveIndex(dir, data, exact);
  return loadIndex(dir, sources, lex, tokenizer);
}
