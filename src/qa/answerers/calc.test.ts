// Rules applied to the user's figures, through the whole engine, on the seed and on a national document.
import { describe, expect, it } from 'vitest';
import { fixtureKnowledgeBase, seedKnowledgeBase } from '../../testing/fixtures.js';
import { checkComputation } from '../arith.js';
import { createEngine } from '../engine.js';

const seed = createEngine(seedKnowledgeBase(), { cacheSize: 0 });
const iit = createEngine(fixtureKnowledgeBase('realdocs/national-iit-special-deductions-2018.txt'), { cacheSize: 0 });
const liuhe = createEngine(fixtureKnowledgeBase('realdocs/liuhe-tourism-2019.txt'), { cacheSize: 0 });

async function computed(engine: typeof seed, q: string) {
  const { answer } = await engine.ask(q);
  const part = answer.parts?.find((p) => p.computed);
  expect(part, answer.answer).toBeDefined();
  // Every computation shown checks out against the clause quoted and the question.
  expect(checkComputation(part!.computed!, answer.citations.map((c) => c.quote).join(''), q)).toBe(true);
  return { answer, c: part!.computed! };
}

describe('rules applied to the user\'s figures', () => {
  it('a ratio of the user\'s figure, then the cap: 1500万 at 1:1 is capped at 1000万元', async () => {
    const { answer, c } = await computed(seed, '重点研发计划拿了1500万元，自治区配套最多多少？');
    expect(c.result).toBe('1000万元');
    expect(answer.answer.split('\n')[0]).toContain('1000万元');
    expect(answer.answer).toContain('1:1');
  });

  it('under the cap the ratio stands: 600万 → 600万元', async () => {
    const { c } = await computed(seed, '国家支持了600万，自治区能配套多少？');
    expect(c.result).toBe('600万元');
  });

  it('per-recipient awards times counts, by level: 2 national and 3 regional incubators → 350万元', async () => {
    const { c } = await computed(seed, '新认定了2家国家级科技企业孵化器、3家自治区级的，配套资助一共多少？');
    expect(c.result).toBe('350万元');
    expect(c.steps).toContain('2 × 100万元 = 200万元');
  });

  it('a rank change against the rank rules: 50 → 38 rose 12, in the top 60 (800万元), not the top 35', async () => {
    const { answer } = await computed(seed, '国家高新区全国排名从第50升到第38，能拿多少？');
    expect(answer.answer.split('\n')[0]).toContain('800万元');
    expect(answer.answer).toMatch(/前35名[^\n]*不符合/);
  });

  it('the part above a threshold within a limit: 5万元 of own costs → 35000元', async () => {
    const { c } = await computed(iit, '去年看病医保目录内自付了5万元，大病医疗能扣除多少？');
    expect(c.result).toBe('35000元');
  });

  it('a step rule: 每满一万人奖励一万元 for 3万人次 → 3万元; 8000人次 reaches no step', async () => {
    const { answer, c } = await computed(liuhe, '旅行社一年组织了3万人次游客来柳河景区，能奖多少钱？');
    expect(c.result).toBe('3万元');
    expect(answer.answer).toContain('旅行社');
    const { answer: none } = await liuhe.ask('旅行社一年组织了8000人次游客来柳河景区，能奖多少钱？');
    expect(none.answer).not.toContain('3万元');
    expect(none.parts?.find((p) => p.computed)?.computed?.result ?? '0万元').toMatch(/^0/);
  });

  it('never applies a ratio to a figure of another base (a loan is not an interest rate)', async () => {
    const { answer } = await seed.ask('国家支持了600万，孵化器配套比例多少？');
    expect(answer.parts?.some((p) => p.computed && p.computed.result === '600万元' && /孵化器/.test(p.computed.rule))).toBeFalsy();
  });
});
