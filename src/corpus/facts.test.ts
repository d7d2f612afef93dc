import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, gazetteer, lexicon, sources } from '../testing/fixtures.js';
import { golden, SEED_FILE } from '../testing/realdocs.js';
import { createDepartmentRegistry } from './departments.js';
import { extractFacts } from './facts.js';
import { parseDocument } from './parse.js';
import { sourceFromText } from './readers/txt.js';
import type { AmountFact, SanctionFact, TargetFact } from './types.js';

const registry = createDepartmentRegistry(lexicon.departments, gazetteer);
const doc = parseDocument(sources[0], { registry, gazetteer });
const facts = doc.clauses.flatMap(extractFacts);
// The golden list holds the granted amounts; thresholds (排名前35名) are conditions of their own kind.
const amounts = facts.filter((f): f is AmountFact => f.type === 'amount' && f.role !== 'threshold');
const seedGolden = golden(SEED_FILE);
const goldenAmounts = seedGolden.clauses.flatMap((c, i) => c.amounts.filter((a) => a.kind !== 'threshold-condition').map((a) => ({ clause: i + 1, display: a.text, subject: a.subject })));

describe('amount facts of the seed', () => {
  it('match the hand-checked golden list: every amount with its subject', () => {
    expect(amounts.map((f) => ({ clause: f.clause, display: f.display, subject: f.subject }))).toEqual(goldenAmounts);
    expect(amounts.filter((f) => f.kind === 'money').length).toBeGreaterThan(15);
  });

  it('resolves 分别给予100万元和50万元 into one fact per level', () => {
    const c14 = amounts.filter((f) => f.clause === 14);
    expect(c14.map((f) => [f.subject, f.display, f.level])).toEqual([
      ['新认定为国家级科技企业孵化器', '100万元', 'national'],
      ['新认定为自治区级科技企业孵化器', '50万元', 'province'],
      ['国家备案的众创空间', '50万元', 'national'],
      ['国家绩效考核评价为A的国家级科技企业孵化器', '100万元', 'national'],
    ]);
  });

  it('records qualifiers, the money form and the verbatim sentence', () => {
    const f5 = amounts.find((f) => f.clause === 5)!;
    expect(f5.qualifiers).toContain('最高不超过');
    expect(f5.form).toBe('经费支持');
    expect(f5.sentence).toContain('800万元');
    const f9 = amounts.filter((f) => f.clause === 9);
    expect(f9.map((f) => f.display)).toEqual(['1:1', '1000万元']);
    expect(f9[1].qualifiers).toEqual(expect.arrayContaining(['最高不超过', '每年']));
    for (const f of amounts) expect(doc.clauses[f.clause - 1].text).toContain(f.sentence);
  });

  it('reads percentages with their subject and 300万 without 元', () => {
    const c22 = amounts.filter((f) => f.clause === 22);
    expect(c22.map((f) => [f.display, f.subject])).toEqual([
      ['7%', '行政办公及生活服务设施的用地比例'],
      ['15%', '生产性服务业用地比例'],
    ]);
    expect(amounts.find((f) => f.clause === 27 && f.display === '300万')!.value).toBe(3_000_000);
  });
});

describe('targets and sanctions', () => {
  it('extracts the 2025 and 2035 targets of (三)', () => {
    const targets = facts.filter((f): f is TargetFact => f.type === 'target');
    expect(targets.every((t) => t.clause === 3)).toBe(true);
    expect(targets.map((t) => t.display)).toEqual(['4家', '6家', '20家', '1000亿元', '5家', '1万亿元', '3%', '65%', '1-2个']);
    expect(targets.find((t) => t.display === '20家')!.year).toBe(2025);
    expect(targets.find((t) => t.display === '1-2个')!.year).toBe(2035);
  });

  it('extracts the measurable sanctions of (二十七)', () => {
    const s = facts.filter((f): f is SanctionFact => f.type === 'sanction');
    expect(s.map((f) => [f.measure, f.subject])).toEqual([
      ['约谈', '年度全国排名下降5位以上的国家高新区'],
      ['黄牌警告', '年度评价考核末2位的自治区级高新区'],
      // "予以黄牌警告，并由…约谈该高新区管委会主要负责人": the second measure has the same subject.
      ['约谈', '年度评价考核末2位的自治区级高新区'],
      ['摘牌警示', '连续3年排序末3位'],
      ['摘牌', '仍无明显改观'],
    ]);
  });
});

describe('facts of the second fixture document', () => {
  const text = readFileSync(join(FIXTURES_DIR, 'second-policy.md'), 'utf8');
  const d = parseDocument(sourceFromText('second-policy.md', text), { registry, gazetteer });
  const fs = d.clauses.flatMap(extractFacts).filter((f): f is AmountFact => f.type === 'amount' && f.role !== 'threshold');
  it('skips condition figures and distributes 分别 after 给予', () => {
    expect(fs.map((f) => f.display)).toEqual(['10%', '200万元', '30万元', '10万元', '50%', '50万元', '100万元', '60万元']);
    expect(fs.at(-2)!.subject).toContain('国家级人才团队');
    expect(fs.at(-1)!.subject).toContain('市级人才团队');
  });
});
