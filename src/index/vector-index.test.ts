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
