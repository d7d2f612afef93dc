import { describe, expect, it } from 'vitest';
import { fixtureKnowledgeBase, seedKnowledgeBase } from '../testing/fixtures.js';
import { createPreparer } from './prepare.js';

// Typo correction pinned on a document other than the seed, so it cannot rest on the seed's wording.
describe('typo correction', () => {
  const prepare = createPreparer(fixtureKnowledgeBase());

  it('fixes one wrong character in a dictionary word the corpus uses', () => {
    expect(prepare('高新技术企叶认定奖励多少')).toBe('高新技术企业认定奖励多少');
  });

  it('leaves correctly written words and words the corpus never uses alone', () => {
    expect(prepare('国家高新技术企业认定奖多少')).toBe('国家高新技术企业认定奖多少');
    expect(prepare('研发投入后补助最高多少')).toBe('研发投入后补助最高多少');
  });

  it('never turns a real corpus phrase into a neighbouring dictionary word (加速产业 is not 加速器)', () => {
    const seed = createPreparer(seedKnowledgeBase());
    expect(seed('加速产业集聚有什么支持')).toBe('加速产业集聚有什么支持');
    expect(seed('孵化气给多少钱')).toBe('孵化器给多少钱');
  });

  it('corrects only to a character of the same reading: 教育扣 is not a typo of 教育厅', () => {
    const seed = createPreparer(seedKnowledgeBase());
    expect(seed('子女教育扣多少')).toBe('子女教育扣多少');
    expect(seed('独脚兽企业奖多少')).toBe('独角兽企业奖多少');
  });

  it('never swaps a character for its opposite: 排名靠前 is not a typo of the dictionary word 排名靠后', () => {
    const seed = createPreparer(seedKnowledgeBase());
    expect(seed('考核排名靠前有什么奖励')).toBe('考核排名靠前有什么奖励');
  });
});
