import { describe, expect, it } from 'vitest';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import { buildHnsw, hnswVectorIndex } from '../node/hnsw.js';
import { createExactIndex } from './vector-index.js';

describe('vector search', () => {
  const kb = seedKnowledgeBase();
  const queries = ['自治区级孵化器补助多少', '土地这块归谁管', '独角兽企业奖励', '研发经费占比目标', '科技支行贷款', '摘牌'];

  it('HNSW through LangChain returns the same neighbours as exact search', async () => {
    const dense = kb.chunks.map((c) => kb.embedder.embedDense(c.text));
    const hnsw = hnswVectorIndex(await buildHnsw(dense, kb.embedder));
    const exact = createExactIndex(kb.chunks.map((_, i) => dense[i].flatMap((x, j) => (x ? [[j, x] as [number, number]] : []))));
    for (const q of queries) {
      const v = kb.embedder.embedDense(q);
      const a = await hnsw.search(v, 10);
      const b = await exact.search(v, 10);
      expect(a.map((h) => h.index), q).toEqual(b.map((h) => h.index));
      for (const [i, h] of a.entries()) expect(h.score).toBeCloseTo(b[i].score, 4);
    }
  });

  it('exact search selects the same top k as sorting every match, ties by chunk order, and never returns a zero', async () => {
    // Weights from a small set, so many chunks tie exactly; every query touches most chunks.
    let seed = 7;
    const rnd = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
    const vectors = Array.from({ length: 500 }, () => Array.from({ length: 6 }, (_, j) => [j * 5 + Math.floor(rnd() * 5), [0.25, 0.5, -0.5][Math.floor(rnd() * 3)]] as [number, number]));
    const index = createExactIndex(vectors);
    for (let t = 0; t < 20; t++) {
      const q = Array.from({ length: 30 }, () => (rnd() < 0.5 ? 0 : [1, 0.5][Math.floor(rnd() * 2)]));
      const all = vectors
        .map((v, i) => ({ index: i, score: v.reduce((a, [d, x]) => a + q[d] * x, 0) }))
        .filter((h) => h.score > 1e-6)
        .sort((a, b) => (Math.abs(b.score - a.score) > 1e-6 ? b.score - a.score : a.index - b.index));
      for (const k of [1, 10, 30]) {
        const got = await index.search(q, k);
        expect(got.map((h) => h.index)).toEqual(all.slice(0, k).map((h) => h.index));
        for (const [i, h] of got.entries()) expect(h.score).toBeCloseTo(all[i].score, 9);
      }
    }
    expect(await index.search(new Array(30).fill(1), 0)).toEqual([]);
  });

  it('ranks the right clause first for plain topic words', async () => {
    const top = async (q: string) => kb.chunks[(await kb.vectors.search(kb.embedder.embedDense(q), 1))[0].index].clause;
    expect(await top('土地资源配置 用地')).toBe(22);
    expect(await top('独角兽企业培育库')).toBe(15);
    expect(await top('科技金融 科技支行')).toBe(21);
  });

  it('BM25 folds synonyms: 补贴 finds clauses that say 补助', () => {
    const words = ['孵化器', '补贴'].map((w) => kb.concepts.concept(w));
    const hits = kb.bm25.search(words, 5).map((h) => kb.chunks[h.index].clause);
    expect(hits[0]).toBe(14);
  });
});
