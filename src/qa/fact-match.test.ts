// Which facts a question asks about, on a national document whose tiers hang from a lead-in sentence.
import { describe, expect, it } from 'vitest';
import { libraryKnowledgeBase } from '../../eval/library/kb.js';
import { fixtureKnowledgeBase } from '../testing/fixtures.js';
import type { AmountFact } from '../corpus/types.js';
import { createEngine } from './engine.js';
import { selectFacts } from './fact-match.js';

const iit = createEngine(fixtureKnowledgeBase('realdocs/national-iit-special-deductions-2018.txt'), { cacheSize: 0 });
const library = createEngine(await libraryKnowledgeBase(), { cacheSize: 0 });

describe('fact matching', () => {
  it('credits the lead-in a list of tiers hangs from: 住房租金 is named only in "住房租金支出，可以按照以下标准定额扣除："', async () => {
    // In the library: a place (广州) keeps the national document, and 住房租金 picks its tiers, not another clause's.
    const { answer } = await library.ask('在广州租房住，个税住房租金专项附加扣除标准是每月多少？');
    expect(answer.citations.map((c) => `${c.docId}#${c.number}`)).toEqual(['national-iit-special-deductions-2018#17']);
    expect(answer.answer).toContain('1500元');
    expect(answer.answer).toContain('800元');
  });

  it('does not count a qualifier the subject spells (每月) as the subject: 赡养老人 figures stay out', async () => {
    const { answer } = await iit.ask('住房租金扣除标准每月多少？');
    expect(answer.facts.map((f) => f.display)).not.toContain('1000元');
    expect(answer.facts.map((f) => f.display)).toContain('1500元');
  });

  it('a figure to reach asked with 才 is a condition the clause states, quoted with its limit', async () => {
    const { answer } = await iit.ask('个税大病医疗，自付部分要超过多少才能扣？最多能扣多少？');
    expect(answer.answer).toContain('15000元');
    expect(answer.answer).toContain('80000元');
    expect(answer.answer).not.toContain('未写明具体的条件');
  });
});

describe('figures about another question', () => {
  it('are not offered: a 人才引进 rent subsidy is not the 社保补贴 that shares 毕业生 and 补贴 with it', async () => {
    const { answer } = await library.ask('珠海毕业生人才引进有多少租房补贴？');
    expect(answer.intent).toBe('out_of_scope');
    expect(answer.facts).toEqual([]);
    expect(answer.answer).not.toMatch(/\d+元/);
  });

  it('while figures that hold the question\'s words are still given', async () => {
    const { answer } = await library.ask('广东高校毕业生到粤东粤西粤北地区就业，补贴多少？');
    expect(answer.facts.map((f) => f.display)).toContain('10000元');
  });
});

describe('selectFacts', () => {
  const t = (text: string) => ({ text, forms: [text], weight: 2, known: true, wholeWord: true, place: false, noise: false, df: 1 });
  const fact = (id: string, display: string, subject: string) =>
    ({ id, type: 'amount', docId: 'd', clause: 9, label: '1.', kind: 'percent', role: 'ratio', display, value: 0, unit: '%', qualifiers: [], subject, sentence: 'S', conditions: [] }) as unknown as AmountFact;
  it('keeps a figure of the same sentence whose subject answers a word no picked subject holds (A和B分别多少)', () => {
    const a = t('基层'), b = t('门特');
    const best = { fact: fact('1', '85%', '门特（基层）'), score: 10, subjectHits: [a, b] };
    const other = { fact: fact('2', '65%', '其他'), score: 6, subjectHits: [t('其他机构')] };
    const same = { fact: fact('3', '50%', '门特'), score: 5, subjectHits: [b] };
    expect(selectFacts([best, other, same], 'national').map((s) => s.fact.display)).toEqual(['85%', '65%']);
  });
});
