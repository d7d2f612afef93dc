import { describe, expect, it } from 'vitest';
import { createEngine } from '../qa/engine.js';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import { buildEvidence, sourceLineOf } from './evidence.js';
import { unbackedMentions, withSourceLine } from './guard.js';

const kb = seedKnowledgeBase();
const engine = createEngine(kb);

async function evidenceFor(question: string) {
  const { answer } = await engine.ask(question);
  return { rules: answer, evidence: buildEvidence(kb, answer) };
}
const check = (text: string, e: Awaited<ReturnType<typeof evidenceFor>>) => unbackedMentions(text, e.evidence, kb.departments);

describe('grounding guard', () => {
  it('accepts a paraphrase that keeps to the clause: figures in any spelling, departments by alias', async () => {
    const e = await evidenceFor('国家级孵化器新认定给多少？');
    expect(e.rules.citations[0].number).toBe(14);
    expect(check('新认定的国家级科技企业孵化器可获得一百万元配套资助，自治区级的是五十万元；由发改委牵头，科技厅、财政厅等配合。见第十四条。', e)).toEqual([]);
    expect(check('由自治区发展改革委牵头，该条见（十四）。', e)).toEqual([]);
  });

  it('reports an amount, percentage, ratio, year or clause number the evidence does not have', async () => {
    const e = await evidenceFor('国家级孵化器新认定给多少？');
    expect(check('可获得1000万元配套资助。', e)).toEqual(['1000万元']);
    expect(check('可获得一千万元配套资助。', e)).toEqual(['1000万元']);
    expect(check('补助是一个亿。', e)).toEqual(['1亿元']);
    expect(check('按1:1配套，上限15%，到2030年，见第十五条。', e)).toEqual(['第（十五）条', '1:1', '15%', '2030年']);
  });

  it('reports departments that are invented, not in the clause, or named as lead when they only support', async () => {
    const e = await evidenceFor('国家级孵化器新认定给多少？');
    expect(check('由自治区数字经济局负责。', e)).toEqual(['自治区数字经济局']);
    expect(check('请联系自治区司法厅。', e)).toEqual(['自治区司法厅']);
    expect(check('由自治区财政厅牵头。', e)).toEqual(['牵头：自治区财政厅']);
    expect(check('牵头部门是科技厅。', e)).toEqual(['牵头：自治区科技厅']);
    expect(check('由国家科技部负责。', e)).toEqual(['国家科技部']);
    // Ordinary words with a suffix character are no departments.
    expect(check('优化布局，形成新发展格局，推动全部企业和有关部门参与，北部湾经济区。', e)).toEqual([]);
  });

  it('accepts a body the clause text names, such as 管委会 or 县级人民政府', async () => {
    const e = await evidenceFor('年度评价考核末2位的自治区级高新区怎么处理？');
    expect(e.rules.citations[0].number).toBe(27);
    expect(check('由自治区科技行政部门约谈高新区管委会主要负责人。', e)).toEqual([]);
  });

  it('reports a document title the evidence does not name', async () => {
    const e = await evidenceFor('国家级孵化器新认定给多少？');
    expect(check('根据《广西科技创新条例》，', e)).toEqual(['《广西科技创新条例》']);
    expect(check('根据《关于促进高新技术产业开发区高质量发展的若干措施》，', e)).toEqual([]);
  });

  it('ends the text with the rules source line, replacing any the model wrote', async () => {
    const e = await evidenceFor('国家级孵化器新认定给多少？');
    const source = sourceLineOf(e.rules);
    expect(source).toBe('来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」');
    expect(withSourceLine('<think>想想</think>100万元。\n来源：第十五条', source)).toBe(`100万元。\n${source}`);
    expect(withSourceLine('100万元。', source)).toBe(`100万元。\n${source}`);
  });

  it('builds a source line from the citations when the rules answer has none (clause answers)', async () => {
    const { answer } = await engine.ask('第十四条讲了什么？');
    expect(answer.answer).not.toContain('来源：');
    expect(sourceLineOf(answer)).toBe('来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」');
  });
});
