// A figure that excludes what was asked does not answer it: "物业管理费多少" against "…元/平方米/月（上述费用不含物业
// 管理费）" says the policy does not state it, then what it does state; the rent itself is still answered.
import { describe, expect, it } from 'vitest';
import { fixtureKnowledgeBase } from '../../testing/fixtures.js';
import { createEngine } from '../engine.js';

const engine = createEngine(fixtureKnowledgeBase('realdocs/tianhe-talent-apartments-2025.txt'), { cacheSize: 0 });

describe('amounts that exclude what was asked', () => {
  it('says the policy does not state the fee the figures exclude', async () => {
    const { answer } = await engine.ask('天河人才公寓的物业管理费每平米多少钱？');
    expect(answer.answer.split('\n')[0]).toBe('本政策未写明物业管理费的具体金额。');
    expect(answer.citations[0].quote).toContain('不含物业管理费');
  });
  it('still answers the rent the figures are', async () => {
    const { answer } = await engine.ask('天河人才公寓富力大厦租金多少？');
    expect(answer.answer.split('\n')[0]).toContain('32.5元/平方米/月');
  });
});
