import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, lexicon, sources } from '../testing/fixtures.js';
import { createDepartmentRegistry } from './departments.js';
import { docIdFromFile, parseDocument, splitSentences } from './parse.js';

const registry = createDepartmentRegistry(lexicon.departments);
const seed = sources.find((s) => s.file === 'guangxi-hitech-zones-2021.txt')!;
const doc = parseDocument(seed.file, seed.text, registry);
const golden = JSON.parse(readFileSync(join(FIXTURES_DIR, 'golden-seed.json'), 'utf8'));

describe('parseDocument on the seed', () => {
  it('reads id, title without breadcrumb or region prefix, and publication time', () => {
    expect(doc.docId).toBe('guangxi-hitech-zones-2021');
    expect(doc.title).toBe('关于促进高新技术产业开发区高质量发展的若干措施');
    expect(doc.region).toBe('广西');
    expect(doc.published).toBe('2021-03-01 10:43');
    expect(doc.preamble).toContain('国发〔2020〕7号');
  });

  it('finds 7 chapters and clauses (一) to (二十七) in order', () => {
    expect(doc.chapters.map((c) => c.title)).toEqual([
      '总体要求', '优化高新区布局', '提升高新区创新能力', '壮大高新技术产业', '加大开放创新力度', '营造高质量发展环境', '建立健全保障机制',
    ]);
    expect(doc.clauses.map((c) => c.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    const c15 = doc.clauses[14];
    expect(c15).toMatchObject({ label: '十五', title: '培育高新区创新企业群', chapter: '四、壮大高新技术产业' });
    expect(doc.clauses[2].title).toBe('发展目标');
    expect(doc.clauses[2].text).toContain('到2025年');
  });

  it('strips the department note from the text and removes layout spaces', () => {
    const c24 = doc.clauses[23];
    expect(c24.text).not.toContain('牵头');
    expect(c24.deptNote).toBe('(牵头:自治区住房城乡建设厅,配合:设区市人民政府、自治区科技厅)');
    expect(doc.clauses[19].text).toContain('园区办结');
  });

  it('matches the hand-checked golden lead and support departments of all 27 clauses', () => {
    const got = Object.fromEntries(doc.clauses.map((c) => [c.number, { lead: c.lead.map((d) => d.name), support: c.support.map((d) => d.name) }]));
    expect(got).toEqual(golden.departments);
  });

  it('expands the elided 自治区 prefix and keeps the written name', () => {
    const c21 = doc.clauses[20];
    const written = c21.support.map((d) => d.written);
    expect(written).toContain('自治区市场监督管理局');
    expect(c21.support.find((d) => d.written === '自治区市场监督管理局')!.name).toBe('自治区市场监管局');
    expect(doc.clauses[10].lead.map((d) => d.name)).toEqual(['自治区工业和信息化厅', '自治区科技厅']);
  });
});

describe('parseDocument on a second document in another style', () => {
  const text = readFileSync(join(FIXTURES_DIR, 'second-policy.md'), 'utf8');
  const d = parseDocument('second-policy.md', text, registry);

  it('parses full-width punctuation, 牵头单位/配合单位/责任单位 labels and nested parentheses', () => {
    expect(d.title).toBe('关于支持科技型中小企业加快发展的若干措施');
    expect(d.region).toBe('南宁市');
    expect(d.published).toBe('2023-05-10');
    expect(d.clauses.map((c) => c.title)).toEqual(['支持企业研发投入', '鼓励企业认定', '加强金融支持', '保障人才住房']);
    expect(d.clauses.map((c) => c.lead.map((x) => x.name))).toEqual([
      ['市科技局'], ['市科技局', '市工业和信息化局'], ['市地方金融监管局'], ['市人力资源社会保障局', '市住房城乡建设局'],
    ]);
    expect(d.clauses[1].support.map((x) => x.name)).toEqual(['各县（区）人民政府']);
    expect(d.clauses[2].support.map((x) => x.name)).toEqual(['人民银行南宁中心支行', '市财政局']);
    expect(d.clauses[0].text).not.toContain('牵头单位');
  });
});

describe('helpers', () => {
  it('derives a stable docId from the file name', () => {
    expect(docIdFromFile('corpus/Guangxi Policy 2021.txt')).toBe('guangxi-policy-2021');
  });
  it('splits sentences at 。；', () => {
    expect(splitSentences('甲乙。丙丁；戊己')).toEqual(['甲乙。', '丙丁；', '戊己']);
  });
});
