// Saving and loading the index artifacts on disk (Node): manifest.json, kb.json and the HNSW files.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDocument } from '../corpus/blocks.js';
import { createError, isAppError } from '../errors.js';
import type { Lexicon } from '../text/lexicon.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { embedderId } from '../index/embeddings.js';
import { buildHnsw, hnswVectorIndex } from './hnsw.js';
import {
  buildKnowledgeBaseData,
  hydrateKnowledgeBase,
  lexiconHash,
  withRemoteVectors,
  type KnowledgeBase,
  type KnowledgeBaseData,
  type RemoteEmbeddings,
} from '../index/knowledge-base.js';
import { checkManifest, corpusHash, type Manifest } from '../index/manifest.js';
import { hydrateOrCorrupt, INDEX_FILES, requireDocuments, requireHashes, requireShape } from '../index/integrity.js';

type Sources = SourceDocument[];

const sha256 = (bytes: Buffer) => createHash('sha256').update(bytes).digest('hex');

/** sha256 of each artifact file in `dir`; undefined for one that is missing or unreadable. */
async function hashFiles(dir: string): Promise<Record<string, string | undefined>> {
  const entries = await Promise.all(INDEX_FILES.map(async (f) => [f, await readFile(join(dir, f)).then(sha256, () => undefined)] as const));
  return Object.fromEntries(entries);
}

/** An index folder we cannot create or write is an operator's problem with one fix, not a stack trace. */
async function writable<T>(dir: string, write: () => Promise<T>): Promise<T> {
  try {
    return await write();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS' || code === 'ENOTDIR' || code === 'ENOSPC') {
      throw createError('DATA_DIR_UNWRITABLE', `cannot write the index to ${dir}: ${(e as Error).message}`);
    }
    throw e;
  }
}

export async function saveIndex(dir: string, data: KnowledgeBaseData, kb: KnowledgeBase): Promise<void> {
  requireDocuments(data.manifest.counts.documents, data.manifest.counts.clauses, 'the corpus');
  // Write into a temp folder and swap it in, so a crash mid-write never leaves a half index behind.
  const tmp = `${dir}.tmp-${process.pid}`;
  await writable(dir, async () => {
    await rm(tmp, { recursive: true, force: true });
    await mkdir(tmp, { recursive: true });
  });
  // Vectors from a remote embedder cannot be recomputed here: the HNSW graph is built from the stored ones.
  const dense = data.manifest.embedder === kb.embedder.id ? data.chunks.map((c) => kb.embedder.embedDense(c.text)) : densify(data.vectors);
  const store = await buildHnsw(dense, kb.embedder);
  await store.save(join(tmp, 'hnsw'));
  const { manifest, ...rest } = data;
  await writable(dir, async () => {
    await writeFile(join(tmp, 'kb.json'), JSON.stringify(rest));
    // The manifest is written last and carries the hash of every other file, so any later damage to one shows.
    const files = (await hashFiles(tmp)) as Record<string, string>;
    await writeFile(join(tmp, 'manifest.json'), JSON.stringify({ ...manifest, files }, null, 2));
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  });
}

function densify(vectors: KnowledgeBaseData['vectors']): number[][] {
  const dim = vectors.reduce((d, v) => v.reduce((m, [i]) => Math.max(m, i + 1), d), 1);
  return vectors.map((v) => {
    const out = new Array<number>(dim).fill(0);
    for (const [i, x] of v) out[i] = x;
    return out;
  });
}

/** `embeddings`: the remote embedder the index must have been built with (EMBEDDINGS_*); absent means the local one. */
export async function loadIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings): Promise<KnowledgeBase> {
  if (!existsSync(join(dir, 'manifest.json'))) throw createError('INDEX_MISSING', `no index at ${dir}`);
  let manifest: Manifest;
  try {
    manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable manifest in ${dir}: ${(e as Error).message}`);
  }
  checkManifest(manifest, {
    tokenizer: tokenizer.id,
    lexiconHash: lexiconHash(lex),
    embedder: embeddings?.id ?? embedderId(),
    corpusHash: corpusHash(sources),
  });
  // Every byte is checked before anything is parsed or handed to the native HNSW reader: a damaged file is
  // refused here instead of answering "80万元" from an edited kb.json or crashing hnswlib.
  requireHashes(manifest, await hashFiles(dir), dir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readFile(join(dir, 'kb.json'), 'utf8'));
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable kb.json in ${dir}: ${(e as Error).message}`);
  }
  const rest = requireShape(parsed, manifest, dir);
  const data: KnowledgeBaseData = { manifest, ...rest };
  let store: HNSWLib;
  try {
    store = await HNSWLib.load(join(dir, 'hnsw'), { embedDocuments: async () => [], embedQuery: async () => [] });
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable HNSW index in ${dir}: ${(e as Error).message}`);
  }
  const count = store.index.getCurrentCount();
  if (count !== data.chunks.length) throw createError('INDEX_CORRUPT', `index in ${dir} holds ${count} vectors for ${data.chunks.length} chunks`);
  return hydrateOrCorrupt(() => hydrateKnowledgeBase(data, lex, tokenizer, hnswVectorIndex(store), embeddings), dir);
}

export interface LoadOrBuildResult {
  kb: KnowledgeBase;
  built: boolean;
  reason?: string;
  ms: number;
}

/** Missing or stale (corpus/dictionary changed) → rebuild; incompatible or corrupt → throw. */
export async function loadOrBuildIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings): Promise<LoadOrBuildResult> {
  const t0 = performance.now();
  try {
    const kb = await loadIndex(dir, sources, lex, tokenizer, embeddings);
    return { kb, built: false, ms: performance.now() - t0 };
  } catch (e) {
    if (!isAppError(e, 'INDEX_MISSING') && !isAppError(e, 'INDEX_STALE')) throw e;
    const kb = await buildAndSave(dir, sources, lex, tokenizer, embeddings);
    return { kb, built: true, reason: e.message, ms: performance.now() - t0 };
  }
}

export async function buildAndSave(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings): Promise<KnowledgeBase> {
  const local = buildKnowledgeBaseData(sources, lex, tokenizer);
  const data = embeddings ? await withRemoteVectors(local, embeddings) : local;
  const exact = hydrateKnowledgeBase(data, lex, tokenizer);
  await saveIndex(dir, data, exact);
  return loadIndex(dir, sources, lex, tokenizer, embeddings);
}
