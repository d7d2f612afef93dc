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

/** Brute-force cosine over normalised sparse vectors: exact, and fast enough for thousands of chunks. */
export function createExactIndex(vectors: SparseVectors): VectorIndex {
  return {
    id: 'exact',
    async search(query, k) {
      const hits = vectors.map((vec, index) => {
        let dot = 0;
        for (const [i, x] of vec) dot += x * query[i];
        return { index, score: dot };
      });
      // Zero similarity is no match at all; dropping it also keeps results free of arbitrary ties.
      return hits.filter((h) => h.score > 1e-6).sort((a, b) => (Math.abs(b.score - a.score) > 1e-6 ? b.score - a.score : a.index - b.index)).slice(0, k);
    },
  };
}
