// VectorIndex over Cloudflare Vectorize, for corpora too large to bundle. Each build's vectors live in their own
// namespace (a hash of the manifest), so a Worker only ever queries vectors made by the embedder, dictionary and
// corpus it was bundled with; stale vectors of an older build are never returned.
import type { Chunk } from '../index/chunks.js';
import type { Manifest } from '../index/manifest.js';
import type { SparseVectors, VectorHit, VectorIndex } from '../index/vector-index.js';
import { hashText } from '../text/lexicon.js';

/** What the adapter needs of a Vectorize binding (env.VECTORIZE). */
export interface VectorizeBinding {
  query(
    vector: number[],
    options: { topK: number; namespace?: string; returnValues?: boolean; returnMetadata?: 'none' | 'indexed' | 'all' },
  ): Promise<{ matches: { id: string; score: number }[] }>;
}

/** A vector record as `wrangler vectorize insert` reads it (one JSON object per line). */
export interface VectorizeRecord {
  id: string;
  values: number[];
  namespace: string;
  metadata: { chunk: string; docId: string; clause: number; kind: string };
}

/** Vectorize returns at most 100 matches when it returns neither values nor metadata. */
export const VECTORIZE_MAX_TOP_K = 100;

export const vectorNamespace = (m: Manifest) => `kb-${hashText(m.formatVersion.toString(), m.embedder, m.tokenizer, m.lexiconHash, m.corpusHash)}`;
export const vectorId = (namespace: string, index: number) => `${namespace}:${index}`;

export function createVectorizeIndex(binding: VectorizeBinding, manifest: Manifest, chunkCount: number): VectorIndex {
  const namespace = vectorNamespace(manifest);
  const prefix = `${namespace}:`;
  return {
    id: 'vectorize',
    async search(query, k) {
      const { matches } = await binding.query(query, { topK: Math.min(k, VECTORIZE_MAX_TOP_K), namespace, returnValues: false, returnMetadata: 'none' });
      const hits: VectorHit[] = [];
      for (const m of matches) {
        if (!m.id.startsWith(prefix)) continue;
        const index = Number(m.id.slice(prefix.length));
        if (Number.isInteger(index) && index >= 0 && index < chunkCount && m.score > 1e-6) hits.push({ index, score: m.score });
      }
      // Same order as exact search: by score, near-ties by chunk position.
      return hits.sort((a, b) => (Math.abs(b.score - a.score) > 1e-6 ? b.score - a.score : a.index - b.index)).slice(0, k);
    },
  };
}

/** One record per chunk: the dense vector, this build's namespace, and where the chunk comes from. */
export function vectorizeRecords(manifest: Manifest, chunks: Chunk[], vectors: SparseVectors, dim: number): VectorizeRecord[] {
  const namespace = vectorNamespace(manifest);
  return chunks.map((c, i) => {
    const values = new Array<number>(dim).fill(0);
    for (const [d, x] of vectors[i]) values[d] = x;
    return { id: vectorId(namespace, i), values, namespace, metadata: { chunk: c.id, docId: c.docId, clause: c.clause, kind: c.kind } };
  });
}
