// What makes saved index artifacts trustworthy enough to answer from, checked by both entries before hydrating:
// every artifact's content hash matches the manifest (Node: files on disk; Worker: the bundled text), the data
// has the shape the runtime reads, its counts agree with the manifest, and it holds at least one document.
// Anything else is INDEX_CORRUPT (or INDEX_EMPTY): one coded line, never a TypeError, a SIGSEGV or a wrong figure.
import { createError, isAppError } from '../errors.js';
import type { KnowledgeBaseData } from './knowledge-base.js';
import type { Manifest } from './manifest.js';
import type { DocumentPart } from './parts.js';

/** The HNSW files of a Node index folder that uses the graph, relative to its folder. */
export const HNSW_FILES = ['hnswlib.index', 'args.json', 'docstore.json'] as const;

/** The files a Node index folder must hold for its manifest: every part, and the HNSW files when it uses them. */
export function indexFiles(manifest: Manifest, where: string): string[] {
  if (!Array.isArray(manifest.parts) || !manifest.parts.length) throw createError('INDEX_CORRUPT', `${where}: the manifest lists no document parts`);
  const parts = manifest.parts.map((p) => {
    if (typeof p?.path !== 'string' || !/^docs\/[^/\\]+\.json$/.test(p.path)) throw createError('INDEX_CORRUPT', `${where}: the manifest lists a part without a valid path`);
    return p.path;
  });
  if (manifest.vectorIndex !== 'hnswlib') return parts;
  if (typeof manifest.hnswDir !== 'string' || !/^hnsw[\w-]*$/.test(manifest.hnswDir)) throw createError('INDEX_CORRUPT', `${where}: the manifest names no HNSW folder`);
  return [...parts, ...HNSW_FILES.map((f) => `${manifest.hnswDir}/${f}`)];
}

/** One document's part as the assembler reads it, or INDEX_CORRUPT naming what is wrong. */
export function requirePart(data: unknown, entry: { docId: string; sourceHash: string }, where: string): DocumentPart {
  if (!isObject(data)) throw createError('INDEX_CORRUPT', `${where}: not an object`);
  if (data.docId !== entry.docId || data.sourceHash !== entry.sourceHash) throw createError('INDEX_CORRUPT', `${where}: holds ${String(data.docId)}, the manifest expects ${entry.docId}`);
  for (const key of ['facts', 'chunks', 'words']) if (!Array.isArray(data[key])) throw createError('INDEX_CORRUPT', `${where}: lacks ${key}`);
  if (!isObject(data.document) || !Array.isArray(data.document.clauses)) throw createError('INDEX_CORRUPT', `${where}: lacks its document`);
  const p = data as unknown as DocumentPart;
  if (p.words.length !== p.chunks.length) throw createError('INDEX_CORRUPT', `${where}: ${p.words.length} word lists for ${p.chunks.length} chunks`);
  if (p.vectors !== undefined && (!Array.isArray(p.vectors) || p.vectors.length !== p.chunks.length)) throw createError('INDEX_CORRUPT', `${where}: vectors do not match its chunks`);
  return p;
}

/** Throws INDEX_CORRUPT unless `actual` (path → sha256 hex, undefined when missing) matches the manifest for every file. */
export function requireHashes(manifest: Manifest, actual: Record<string, string | undefined>, where: string): void {
  for (const file of Object.keys(actual)) {
    const want = manifest.files?.[file];
    if (!want) throw createError('INDEX_CORRUPT', `${where}: the manifest has no hash for ${file}`);
    const got = actual[file];
    if (got === undefined) throw createError('INDEX_CORRUPT', `${where}: ${file} is missing`);
    if (got !== want) throw createError('INDEX_CORRUPT', `${where}: ${file} does not match its hash in the manifest (edited, truncated or overwritten)`);
  }
}

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The parsed kb.json as the runtime reads it, or INDEX_CORRUPT naming what is missing. `vectors: false` for a
 * Worker bundle whose vectors a Vectorize index serves instead.
 */
export function requireShape(data: unknown, manifest: Manifest, where: string, opts: { vectors: boolean } = { vectors: true }): Omit<KnowledgeBaseData, 'manifest'> {
  if (!isObject(data)) throw createError('INDEX_CORRUPT', `${where}: kb.json is not an object`);
  for (const key of ['documents', 'facts', 'chunks', ...(opts.vectors ? ['vectors'] : [])]) {
    if (!Array.isArray(data[key])) throw createError('INDEX_CORRUPT', `${where}: kb.json lacks ${key}`);
  }
  for (const key of ['bm25', 'embedder']) {
    if (!isObject(data[key])) throw createError('INDEX_CORRUPT', `${where}: kb.json lacks ${key}`);
  }
  const d = data as unknown as Omit<KnowledgeBaseData, 'manifest'>;
  const counts = {
    documents: d.documents.length,
    clauses: d.documents.reduce((n, doc) => n + (Array.isArray(doc?.clauses) ? doc.clauses.length : 0), 0),
    chunks: d.chunks.length,
    facts: d.facts.length,
  };
  for (const [k, n] of Object.entries(counts)) {
    if (manifest.counts?.[k as keyof Manifest['counts']] !== n) throw createError('INDEX_CORRUPT', `${where}: kb.json holds ${n} ${k}, its manifest says ${manifest.counts?.[k as keyof Manifest['counts']]}`);
  }
  if (opts.vectors && d.vectors.length !== counts.chunks) throw createError('INDEX_CORRUPT', `${where}: ${d.vectors.length} vectors for ${counts.chunks} chunks`);
  requireDocuments(counts.documents, counts.clauses, where);
  return d;
}

/** An index without documents cannot answer anything: refused rather than reported healthy. */
export function requireDocuments(documents: number, clauses: number, where: string): void {
  if (documents === 0 || clauses === 0) throw createError('INDEX_EMPTY', `${where}: ${documents} documents, ${clauses} clauses`);
}

/** Runs `hydrate` (which trusts the shape checked above) and reports anything it still chokes on as INDEX_CORRUPT. */
export function hydrateOrCorrupt<T>(hydrate: () => T, where: string): T {
  try {
    return hydrate();
  } catch (e) {
    if (isAppError(e)) throw e;
    throw createError('INDEX_CORRUPT', `${where}: ${(e as Error)?.message ?? e}`);
  }
}
