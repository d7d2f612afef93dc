// BM25 over jieba tokens (synonyms folded to concepts). Serialisable, so the Worker loads it from the bundle.

export interface Bm25Data {
  version: 1;
  k1: number;
  b: number;
  avgLen: number;
  docLens: number[];
  /** term → [docIndex, termFrequency][] */
  postings: Record<string, [number, number][]>;
}

export class Bm25 {
  private constructor(private readonly data: Bm25Data) {}

  static build(docs: string[][], k1 = 1.2, b = 0.75): Bm25 {
    const postings: Record<string, [number, number][]> = {};
    docs.forEach((tokens, i) => {
      const tf = new Map<string, number>();
      for (const t of tokens) tf.set(t, (tf.get(t) ?? 0) + 1);
      for (const [t, n] of tf) (postings[t] ??= []).push([i, n]);
    });
    const docLens = docs.map((d) => d.length);
    const avgLen = docLens.reduce((a, b2) => a + b2, 0) / Math.max(1, docs.length);
    return new Bm25({ version: 1, k1, b, avgLen, docLens, postings });
  }

  static fromJSON(data: Bm25Data): Bm25 {
    if (data?.version !== 1 || !Array.isArray(data.docLens)) throw new Error('unsupported BM25 data');
    return new Bm25(data);
  }

  toJSON(): Bm25Data {
    return this.data;
  }

  get size(): number {
    return this.data.docLens.length;
  }

  /** The best `limit` documents with at least one query term, best first (ties: the earlier document). */
  search(query: string[], limit = 20): { index: number; score: number }[] {
    const { k1, b, avgLen, docLens, postings } = this.data;
    const n = docLens.length;
    // Scores in a reused buffer and the best picked by selection: a common word's postings cover most of a large
    // library, and a Map of every match sorted whole cost more than the rest of the search.
    if (this.scores.length !== n) this.scores = new Float64Array(n);
    const scores = this.scores;
    const touched: number[] = [];
    for (const term of new Set(query)) {
      const list = postings[term];
      if (!list) continue;
      const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
      for (const [i, tf] of list) {
        const s = idf * ((tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * docLens[i]) / avgLen)));
        if (scores[i] === 0) touched.push(i);
        scores[i] += s;
      }
    }
    const top: { index: number; score: number }[] = [];
    for (const index of touched.sort((x, y) => x - y)) {
      const score = scores[index];
      scores[index] = 0;
      if (limit <= 0 || (top.length === limit && top[limit - 1].score >= score)) continue;
      let at = top.length;
      while (at > 0 && top[at - 1].score < score) at--;
      top.splice(at, 0, { index, score });
      if (top.length > limit) top.pop();
    }
    return top;
  }

  private scores = new Float64Array(0);
}
