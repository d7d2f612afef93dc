// Saving and loading the index on disk (Node). The folder holds manifest.json, one part per document
// (docs/<docId>.<hash>.json, parts.ts) and, while the graph search is exact, the HNSW files. The manifest is
// written last and carries the hash of every file, so damage to any of them is refused before it is read.
// Adding or replacing a document writes that document's part and a new manifest; the other parts are reused.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { SourceDocument } from '../corpus/blocks.js';
import { createError, isAppError } from '../errors.js';
import type { Lexicon } from '../text/lexicon.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { densify, embedderId } from '../index/embeddings.js';
import { buildHnsw, hnswVectorIndex } from './hnsw.js';
import { hydrateKnowledgeBase, type KnowledgeBase, type KnowledgeBaseData, type RemoteEmbeddings } from '../index/knowledge-base.js';
import { checkManifest, corpusHash, INDEX_FORMAT_VERSION, lexiconHash, type Manifest, type PartEntry } from '../index/manifest.js';
import { HNSW_FILES, hydrateOrCorrupt, indexFiles, requireDocuments, requireHashes, requirePart } from '../index/integrity.js';
import { assembleParts, buildParts, sourceHash, type DocumentPart } from '../index/parts.js';
import { createExactIndex, toSparse, type VectorIndex } from '../index/vector-index.js';

type Sources = SourceDocument[];

/**
 * Which vector index serves the chunks. `auto`: HNSW (LangChain's HNSWLib over hnswlib-node) while its graph search
 * visits every point (ef ≥ the chunk count, so it answers exactly as the inverted lists do), and for a remote
 * embedder's dense vectors at any size; beyond that, for the local embedder's sparse vectors, the exact inverted
 * index: at 200 documents (27,000 chunks) the graph took 29 s to build and 4 KB per chunk, for the same answers.
 */
export type VectorIndexChoice = 'auto' | 'hnsw' | 'exact';
export const HNSW_EXACT_LIMIT = 1000;

export interface IndexOptions {
  vectorIndex?: VectorIndexChoice;
}

/** VECTOR_INDEX as set (auto, hnsw or exact); anything else is a configuration error, not a silent default. */
export function vectorIndexFromEnv(value: string | undefined): VectorIndexChoice {
  const v = value?.trim() || 'auto';
  if (v !== 'auto' && v !== 'hnsw' && v !== 'exact') throw createError('CONFIG_INVALID', `VECTOR_INDEX must be auto, hnsw or exact, not ${v}`);
  return v;
}

export function chooseVectorIndex(chunks: number, remote: boolean, want: VectorIndexChoice = 'auto'): 'hnswlib' | 'exact' {
  if (want === 'hnsw') return 'hnswlib';
  if (want === 'exact') return 'exact';
  return remote || chunks <= HNSW_EXACT_LIMIT ? 'hnswlib' : 'exact';
}

const sha256 = (bytes: Buffer | string) => createHash('sha256').update(bytes).digest('hex');
const partPath = (p: DocumentPart) => `docs/${p.docId}.${p.sourceHash.slice(0, 12)}.json`;

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

/** Parts of these sources, with a remote embedder's vectors when one is configured (only these parts are embedded). */
async function partsOf(sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings): Promise<DocumentPart[]> {
  const parts = buildParts(sources, lex, tokenizer);
  if (embeddings) {
    for (const p of parts) p.vectors = (await embeddings.embedDocuments(p.chunks.map((c) => c.text))).map(toSparse);
  }
  return parts;
}

function assemble(parts: DocumentPart[], sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings): KnowledgeBaseData {
  const data = assembleParts(parts, { corpusHash: corpusHash(sources), tokenizer: tokenizer.id, lexiconHash: lexiconHash(lex), embedder: embeddings?.id });
  requireDocuments(data.manifest.counts.documents, data.manifest.counts.clauses, 'the corpus');
  return data;
}

const dimOf = (data: KnowledgeBaseData) => (data.manifest.embedder === embedderId(data.embedder.version, data.embedder.dim) ? data.embedder.dim : data.vectors.reduce((d, v) => v.reduce((m, [i]) => Math.max(m, i + 1), d), 1));

/**
 * Writes the parts not yet on disk, the HNSW files when they are used, then the manifest (atomically, by rename).
 * `known`: hashes of part files already in the folder and verified. Returns the manifest written.
 */
async function writeIndex(dir: string, parts: DocumentPart[], data: KnowledgeBaseData, known: Record<string, string>, opts: IndexOptions, remote: boolean): Promise<{ manifest: Manifest; store?: HNSWLib }> {
  const files: Record<string, string> = {};
  const entries: PartEntry[] = [];
  await writable(dir, () => mkdir(join(dir, 'docs'), { recursive: true }));
  for (const p of parts) {
    const path = partPath(p);
    entries.push({ docId: p.docId, file: p.file, sourceHash: p.sourceHash, path });
    if (known[path]) {
      files[path] = known[path];
      continue;
    }
    const text = JSON.stringify(p);
    await writable(dir, () => writeFile(join(dir, path), text));
    files[path] = sha256(text);
  }
  const vectorIndex = chooseVectorIndex(data.chunks.length, remote, opts.vectorIndex);
  let store: HNSWLib | undefined;
  let hnswDir: string | undefined;
  if (vectorIndex === 'hnswlib') {
    // A new folder each time: the manifest on disk keeps naming the old one, intact, until the new manifest replaces it.
    hnswDir = `hnsw-${Date.now().toString(36)}${process.pid.toString(36)}`;
    const embedder = { embedDocuments: async () => [], embedQuery: async () => [] };
    const dim = dimOf(data);
    store = await buildHnsw(data.vectors.map((v) => densify(v, dim)), embedder);
    await writable(dir, () => store!.save(join(dir, hnswDir!)));
    for (const f of HNSW_FILES) files[`${hnswDir}/${f}`] = sha256(await readFile(join(dir, hnswDir, f)));
  }
  const manifest: Manifest = { ...data.manifest, vectorIndex, hnswDir, parts: entries, files };
  await writable(dir, async () => {
    const tmp = join(dir, `manifest.json.tmp-${process.pid}`);
    await writeFile(tmp, JSON.stringify(manifest, null, 2));
    await rename(tmp, join(dir, 'manifest.json'));
  });
  // What the new manifest no longer names (a replaced or removed document's part, an old graph) goes.
  const keep = new Set(Object.keys(files));
  for (const f of await readdir(join(dir, 'docs'))) if (!keep.has(`docs/${f}`)) await rm(join(dir, 'docs', f), { force: true });
  for (const f of await readdir(dir)) if (/^hnsw/.test(f) && f !== hnswDir) await rm(join(dir, f), { recursive: true, force: true });
  return { manifest, store };
}

async function readManifest(dir: string): Promise<Manifest> {
  if (!existsSync(join(dir, 'manifest.json'))) throw createError('INDEX_MISSING', `no index at ${dir}`);
  try {
    return JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8'));
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable manifest in ${dir}: ${(e as Error).message}`);
  }
}

/** Reads one part and checks it against the manifest's hash and entry. */
async function readPart(dir: string, manifest: Manifest, entry: PartEntry, bytes?: Buffer): Promise<DocumentPart> {
  const raw = bytes ?? (await readFile(join(dir, entry.path)));
  requireHashes(manifest, { [entry.path]: sha256(raw) }, dir);
  let parsed: unknown;
  try {
    parsed = JSON.parse(raw.toString('utf8'));
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable ${entry.path} in ${dir}: ${(e as Error).message}`);
  }
  return requirePart(parsed, entry, `${dir}/${entry.path}`);
}

function vectorsFor(data: KnowledgeBaseData, store?: HNSWLib): VectorIndex {
  if (!store) return createExactIndex(data.vectors);
  const count = store.index.getCurrentCount();
  if (count !== data.chunks.length) throw createError('INDEX_CORRUPT', `the HNSW index holds ${count} vectors for ${data.chunks.length} chunks`);
  return hnswVectorIndex(store);
}

/** The assembled data of a saved index (for the Worker bundle and Vectorize), every file verified first. */
export async function readIndexData(dir: string): Promise<KnowledgeBaseData> {
  const manifest = await readManifest(dir);
  const files = indexFiles(manifest, dir);
  // Every byte is checked before it is parsed or handed to the native HNSW reader: a damaged file is refused
  // instead of answering "80万元" from an edited part or crashing hnswlib. Parts are read one at a time, so a
  // large library is never held twice in memory.
  const graph = files.filter((f) => !f.startsWith('docs/'));
  requireHashes(manifest, Object.fromEntries(await Promise.all(graph.map(async (f) => [f, await readFile(join(dir, f)).then(sha256, () => undefined)] as const))), dir);
  const parts: DocumentPart[] = [];
  for (const entry of manifest.parts!) {
    const bytes = await readFile(join(dir, entry.path)).catch(() => undefined);
    if (!bytes) throw createError('INDEX_CORRUPT', `${dir}: ${entry.path} is missing`);
    parts.push(await readPart(dir, manifest, entry, bytes));
  }
  return assembleFromManifest(parts, manifest, dir);
}

function assembleFromManifest(parts: DocumentPart[], manifest: Manifest, dir: string): KnowledgeBaseData {
  return hydrateOrCorrupt(() => {
    const data = assembleParts(parts, { corpusHash: manifest.corpusHash, tokenizer: manifest.tokenizer, embedder: manifest.embedder === embedderId() ? undefined : manifest.embedder, lexiconHash: manifest.lexiconHash });
    for (const [k, n] of Object.entries(data.manifest.counts)) {
      if (manifest.counts?.[k as keyof Manifest['counts']] !== n) throw createError('INDEX_CORRUPT', `${dir}: the parts hold ${n} ${k}, the manifest says ${manifest.counts?.[k as keyof Manifest['counts']]}`);
    }
    requireDocuments(data.manifest.counts.documents, data.manifest.counts.clauses, dir);
    return { ...data, manifest };
  }, dir);
}

/** `embeddings`: the remote embedder the index must have been built with (EMBEDDINGS_*); absent means the local one. */
export async function loadIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings): Promise<KnowledgeBase> {
  const manifest = await readManifest(dir);
  checkManifest(manifest, { tokenizer: tokenizer.id, lexiconHash: lexiconHash(lex), embedder: embeddings?.id ?? embedderId(), corpusHash: corpusHash(sources) });
  const data = await readIndexData(dir);
  let store: HNSWLib | undefined;
  if (manifest.vectorIndex === 'hnswlib') {
    try {
      store = await HNSWLib.load(join(dir, manifest.hnswDir!), { embedDocuments: async () => [], embedQuery: async () => [] });
    } catch (e) {
      throw createError('INDEX_CORRUPT', `unreadable HNSW index in ${dir}: ${(e as Error).message}`);
    }
  }
  return hydrateOrCorrupt(() => hydrateKnowledgeBase(data, lex, tokenizer, vectorsFor(data, store), embeddings), dir);
}

export interface LoadOrBuildResult {
  kb: KnowledgeBase;
  built: boolean;
  reason?: string;
  ms: number;
}

/** Missing or stale (corpus/dictionary changed) → rebuild, reusing the parts of unchanged documents; incompatible or corrupt → throw. */
export async function loadOrBuildIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings, opts: IndexOptions = {}): Promise<LoadOrBuildResult> {
  const t0 = performance.now();
  try {
    const kb = await loadIndex(dir, sources, lex, tokenizer, embeddings);
    return { kb, built: false, ms: performance.now() - t0 };
  } catch (e) {
    if (!isAppError(e, 'INDEX_MISSING') && !isAppError(e, 'INDEX_STALE')) throw e;
    const { kb } = await updateIndex(dir, sources, lex, tokenizer, embeddings, opts);
    return { kb, built: true, reason: e.message, ms: performance.now() - t0 };
  }
}

/** A build from scratch into a temp folder, swapped in whole, then loaded back as a restart would load it. */
export async function buildAndSave(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings, opts: IndexOptions = {}): Promise<KnowledgeBase> {
  const parts = await partsOf(sources, lex, tokenizer, embeddings);
  const data = assemble(parts, sources, lex, tokenizer, embeddings);
  const tmp = `${dir}.tmp-${process.pid}`;
  await writable(dir, () => rm(tmp, { recursive: true, force: true }));
  await writeIndex(tmp, parts, data, {}, opts, !!embeddings);
  await writable(dir, async () => {
    await rm(dir, { recursive: true, force: true });
    await rename(tmp, dir);
  });
  return loadIndex(dir, sources, lex, tokenizer, embeddings);
}

export interface UpdateResult {
  kb: KnowledgeBase;
  /** Documents whose part was reused, and those parsed and segmented anew. */
  reused: number;
  built: number;
}

/**
 * Brings the index in `dir` to `sources`: documents whose source is unchanged keep their part (read and verified,
 * not parsed or segmented again), the others get a new one; the shared statistics are assembled from all parts.
 * An index of another format, dictionary or embedder, or none, is built from scratch.
 */
export async function updateIndex(dir: string, sources: Sources, lex: Lexicon, tokenizer: Tokenizer, embeddings?: RemoteEmbeddings, opts: IndexOptions = {}): Promise<UpdateResult> {
  const old = await readManifest(dir).catch(() => undefined);
  const compatible =
    old?.formatVersion === INDEX_FORMAT_VERSION && old.tokenizer === tokenizer.id && old.lexiconHash === lexiconHash(lex) && old.embedder === (embeddings?.id ?? embedderId()) && Array.isArray(old.parts);
  if (!compatible) return { kb: await buildAndSave(dir, sources, lex, tokenizer, embeddings, opts), reused: 0, built: sources.length };
  const entries = new Map(old.parts!.map((p) => [`${p.file}\u0000${p.sourceHash}`, p]));
  const known: Record<string, string> = {};
  const reusedParts = new Map<SourceDocument, DocumentPart>();
  for (const s of sources) {
    const entry = entries.get(`${s.fileName}\u0000${sourceHash(s)}`);
    if (!entry) continue;
    // A damaged part is not fatal here: it is built again from its source.
    const part = await readPart(dir, old, entry).catch(() => undefined);
    if (!part) continue;
    reusedParts.set(s, part);
    known[entry.path] = old.files![entry.path];
  }
  const fresh = await partsOf(sources.filter((s) => !reusedParts.has(s)), lex, tokenizer, embeddings);
  let k = 0;
  const parts = sources.map((s) => reusedParts.get(s) ?? fresh[k++]);
  const data = assemble(parts, sources, lex, tokenizer, embeddings);
  const { manifest, store } = await writeIndex(dir, parts, data, known, opts, !!embeddings);
  const kb = hydrateKnowledgeBase({ ...data, manifest }, lex, tokenizer, vectorsFor(data, store), embeddings);
  return { kb, reused: reusedParts.size, built: fresh.length };
}
