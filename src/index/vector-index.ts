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
 * Exact cosine over normalised sparse vectors. Vectors are stored by dimension (compressed rows in typed arrays,
 * 12 bytes per weight instead of a JS pair), so a query touches only the chunks that share one of its (few)
 * non-zero dimensions, not every chunk, and a large library does not cost a heap object per weight.
 */
/** Ranking order of hits: higher similarity first; within float noise, the earlier chunk first. */
const before = (a: VectorHit, b: VectorHit) => (Math.abs(b.score - a.score) > 1e-6 ? b.score < a.score : a.index < b.index);

export function createExactIndex(vectors: SparseVectors): VectorIndex {
  let dims = 0;
  let nnz = 0;
  for (const vec of vectors) for (const [i] of vec) (dims = Math.max(dims, i + 1)), nnz++;
  const start = new Int32Array(dims + 1);
  for (const vec of vectors) for (const [i] of vec) start[i + 1]++;
  for (let i = 0; i < dims; i++) start[i + 1] += start[i];
  const chunk = new Int32Array(nnz);
  const weight = new Float64Array(nnz);
  const fill = start.slice(0, dims);
  vectors.forEach((vec, index) => {
    for (const [i, x] of vec) {
      chunk[fill[i]] = index;
      weight[fill[i]++] = x;
    }
  });
  // One score buffer, reused: a search runs to its end without yielding, so two never share it.
  const scores = new Float64Array(vectors.length);
  const seen = new Uint8Array(vectors.length);
  return {
    id: 'exact',
    async search(query, k) {
      if (k <= 0) return [];
      const touched: number[] = [];
      const limit = Math.min(query.length, dims);
      for (let i = 0; i < limit; i++) {
        const q = query[i];
        if (q === 0) continue;
        for (let p = start[i]; p < start[i + 1]; p++) {
          const c = chunk[p];
          if (!seen[c]) (seen[c] = 1), touched.push(c);
          scores[c] += q * weight[p];
        }
      }
      // The best k by selection, not a sort of every chunk touched (at 200 documents nearly all of 27,000 are).
      // Zero similarity is no match at all; dropping it also keeps results free of arbitrary ties.
      const top: VectorHit[] = [];
      for (const index of touched) {
        const score = scores[index];
        scores[index] = 0;
        seen[index] = 0;
        if (score <= 1e-6) continue;
        const hit = { index, score };
        if (top.length === k && before(top[k - 1], hit)) continue;
        let at = top.length;
        while (at > 0 && before(hit, top[at - 1])) at--;
        top.splice(at, 0, hit);
        if (top.length > k) top.pop();
      }
      return top;
    },
  };
}
