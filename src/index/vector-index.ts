// The VectorIndex interface and an exact in-memory implementation (used by the Worker and as the reference).

export interface VectorHit {
  /** Position of the chunk in the knowledge base's chunk list. */
  index: number;
  /** Cosine similarity, higher is closer. */
  score: number;
}

/** Hits with no similarity (score ≤ 0) are never returned. */
export interface VectorIndex {
  readonly id: string;
  search(query: number[], k: number): Promise<VectorHit[]>;
}

/** Sparse vectors as stored in the artifacts: [index, weight][] per chunk. */
export type SparseVectors = [number, number][][];

export function toSparse(v: number[]): [number, number][] {
  const out: [number, number][] = [];
  v.forEach((x, i) => {
    if (x !== 0) out.push([i, Math.round(x * 1e6) / 1e6]);
  });
  return out;
}

/**
 * Exact cosine over normalised sparse vectors. Vectors are stored by dimension, so a query touches only the
 * chunks that share one of its (few) non-zero dimensions, not every chunk.
 */
export function createExactIndex(vectors: SparseVectors): VectorIndex {
  const byDim = new Map<number, [number, number][]>();
  vectors.forEach((vec, index) => {
    for (const [i, x] of vec) {
      let list = byDim.get(i);
      if (!list) byDim.set(i, (list = []));
      list.push([index, x]);
    }
  });
  return {
    id: 'exact',
    async search(query, k) {
      const scores = new Map<number, number>();
      query.forEach((q, i) => {
        if (q === 0) return;
        for (const [index, x] of byDim.get(i) ?? []) scores.set(index, (scores.get(index) ?? 0) + q * x);
      });
      const hits = [...scores].map(([index, score]) => ({ index, score }));
      // Zero similarity is no match at all; dropping it also keeps results free of arbitrary ties.
      return hits.filter((h) => h.score > 1e-6).sort((a, b) => (Math.abs(b.score - a.score) > 1e-6 ? b.score - a.score : a.index - b.index)).slice(0, k);
    },
  };
}
