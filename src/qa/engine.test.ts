// Behaviour of the engine through its public surface, on questions written for these tests (not eval sentences).
import { describe, expect, it } from 'vitest';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import type { Focus } from './context.js';
import { createEngine } from './engine.js';

const kb = seedKnowledgeBase();
const engine = createEngine(kb);
const ask = (q: string, f?: Focus) => engine.ask(q, f);
const amountsIn = (s: string) => s.match(/\d+(?:\.\d+)?\s*(?:万元|万|%)|\d+:\d+/g) ?? [];

describe('amount answers', () => {
  it('every amount in the answer is quoted by a citation', async () => {
    for (const q of ['孵化器补助', '国家重点实验室奖多少', '科技重大专项配套', '高新区用地比例上限', '排名前35名奖多少', '新型研发机构补助多少']) {
      const { answer } = await ask(q);
      const quotes = answer.citations.map((c) => c.quote).join('');
      for (const a of amountsIn(answer.answer)) expect(quotes, `${q}: ${a}`).toContain(a.replace(/\s/g, ''));
      expect(answer.facts.length, q).toBeGreaterThan(0);
    }
  });

  it('distinguishes qualifiers: 培育库 vs 榜单, 国家级 vs 自治区级', async () => {
    expect((await ask('刚进独角兽培育库的企业能拿多少')).answer.facts.map((f) => f.display)).toEqual(['100万元']);
    expect((await ask('上了独角兽榜单的奖多少')).answer.facts.map((f) => f.display)).toEqual(['400万元']);
    expect((await ask('自治区级成果转移转化示范区经费')).answer.facts.map((f) => f.display)).toEqual(['100万元']);
    expect((await ask('国家级成果转移转化示范区经费')).answer.facts.map((f) => f.display)).toEqual(['300万元']);
  });

  it('confirms a figure the user states, in full-width or Chinese numerals', async () => {
    const a = (await ask('自治区级孵化器是不是给五十万？')).answer;
    expect(a.facts.map((f) => f.display)).toEqual(['50万元']);
  });

  it('says when the policy names a subject but no amount', async () => {
    const a = (await ask('现代产业学院的奖励是多少钱')).answer;
    expect(a.intent).toBe('search');
    expect(a.answer).toContain('本政策未写明具体金额');
    expect(a.citations[0].number).toBe(7);
  });
});

describe('department answers', () => {
  it('answers yes/no questions about who leads', async () => {
    const no = (await ask('孵化器这条是科技厅牵头吗')).answer;
    expect(no.answer).toMatch(/^不是。自治区科技厅是配合部门，牵头的是自治区发展改革委/);
    const yes = (await ask('土地资源配置是自然资源厅牵头吗')).answer;
    expect(yes.answer).toMatch(/^是的/);
  });

  it('lists the clauses a department leads', async () => {
    const a = (await ask('自然资源厅负责哪些条')).answer;
    expect(a.answer).toContain('牵头1条');
    expect(a.answer).toContain('「优化土地资源配置」');
  });
});

describe('follow-ups decided by form', () => {
  it('a level-only ellipsis keeps the subject; a complete question does not', async () => {
    const t1 = await ask('获批国家高新区经费支持多少');
    const t2 = await ask('自治区级的呢', t1.focus);
    expect(t2.answer.facts.map((f) => f.display)).toEqual(['800万元']);
    const t3 = await ask('众创空间奖励多少', t2.focus);
    expect(t3.answer.facts.map((f) => f.subject)).toEqual(['国家备案的众创空间']);
  });

  it('a pronoun points at the clause in focus', async () => {
    const t1 = await ask('科技金融那条讲了啥');
    expect(t1.answer.citations[0].number).toBe(21);
    const t2 = await ask('它的配合单位有哪些', t1.focus);
    expect(t2.answer.intent).toBe('department');
    expect(t2.answer.departments?.lead).toEqual(['自治区地方金融监管局']);
  });

  it('"还有别的吗" lists the facts not yet given, then says there are no more', async () => {
    const t1 = await ask('自治区级孵化器给多少', undefined);
    const t2 = await ask('还有别的支持吗', t1.focus);
    expect(t2.answer.facts.map((f) => f.subject)).not.toContain(t1.answer.facts[0].subject);
    expect(t2.answer.facts.every((f) => !t1.answer.facts.some((g) => g.id === f.id))).toBe(true);
    expect(t2.answer.facts.length).toBeGreaterThan(0);
  });

  it('an explicit clause switches focus', async () => {
    const t1 = await ask('独角兽奖励多少');
    const t2 = await ask('第二十二条呢', t1.focus);
    expect(t2.answer.intent).toBe('clause');
    expect(t2.answer.citations[0].number).toBe(22);
  });

  it('a foreign place after a follow-up is still out of scope, and the next question recovers', async () => {
    const t1 = await ask('孵化器补多少');
    const t2 = await ask('上海呢', t1.focus);
    expect(t2.answer.intent).toBe('out_of_scope');
    const t3 = await ask('那众创空间呢', t2.focus);
    expect(t3.answer.intent).toBe('amount');
    expect(t3.answer.facts.map((f) => f.display)).toEqual(['50万元']);
  });
});

describe('clauses and scope', () => {
  it('answers a clause that does not exist without inventing one', async () => {
    const a = (await ask('第三十条讲什么')).answer;
    expect(a.answer).toContain('本政策没有第30条');
    expect(a.citations).toEqual([]);
  });

  it('gives the full clause text when asked for the original', async () => {
    const a = (await ask('第九条原文')).answer;
    expect(a.answer).toContain(kb.clause(kb.documents[0].docId, 9)!.text);
  });

  it('answers greetings with example questions and no figures', async () => {
    const a = (await ask('你好')).answer;
    expect(a.intent).toBe('greeting');
    expect(a.answer.split('\n').filter((l) => l.startsWith('·')).length).toBeGreaterThanOrEqual(3);
    expect(amountsIn(a.answer)).toEqual([]);
  });
});

describe('answer cache', () => {
  it('returns the same answer for a repeat, and no caller can change it for the next', async () => {
    const e = createEngine(kb, { cacheSize: 10 });
    const a = await e.ask('独角兽奖励多少');
    expect(() => { (a.answer.facts as unknown[]).length = 0; }).toThrow(TypeError);
    expect(() => { (a.answer as { answer: string }).answer = 'changed'; }).toThrow(TypeError);
    const b = await e.ask('独角兽奖励多少');
    expect(b.answer.facts.map((f) => f.display)).toEqual(['100万元', '400万元']);
    const c = await e.ask('那自治区级的呢', b.focus);
    const d = await createEngine(kb, { cacheSize: 0 }).ask('那自治区级的呢', b.focus);
    expect(c).toEqual(d);
  });
});

describe('clarify', () => {
  it('asks back instead of guessing when nothing is named, and takes the reply as the answer', async () => {
    const t1 = await ask('能给多少补贴？');
    expect(t1.answer.intent).toBe('clarify');
    expect(t1.answer.facts).toEqual([]);
    expect(amountsIn(t1.answer.answer)).toEqual([]);
    expect(t1.answer.answer).toContain('孵化器');
    const t2 = await ask('独角兽企业', t1.focus);
    expect(t2.answer.intent).toBe('amount');
    expect(t2.answer.facts.map((f) => f.display)).toEqual(['100万元', '400万元']);
    expect((await ask('谁负责？')).answer.intent).toBe('clarify');
  });
});
