import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { FIXTURES_DIR, gazetteer, lexicon, sources } from '../testing/fixtures.js';
import { createDepartmentRegistry } from './departments.js';
import { docIdFromFile, parseDocument, splitSentences } from './parse.js';
import { sourceFromText } from './readers/txt.js';

const registry = createDepartmentRegistry(lexicon.departments, gazetteer);
const parse = (file: string, text: string) => parseDocument(sourceFromText(file, text), { registry, gazetteer });
const seed = parseDocument(sources.find((s) => s.fileName === 'guangxi-hitech-zones-2021.txt')!, { registry, gazetteer });

describe('parseDocument on the seed', () => {
  it('reads id, title without breadcrumb or region prefix, region, level and publication date', () => {
    expect(seed).toMatchObject({ docId: 'guangxi-hitech-zones-2021', title: '关于促进高新技术产业开发区高质量发展的若干措施', region: ['广西'], level: 'province', published: '2021-03-01' });
    expect(seed.preamble).toContain('国发〔2020〕7号');
    expect(seed.structure).toBe('27 项（（一）），分 7 组');
  });

  it('finds clauses （一）…（二十七） under 7 chapters, each citable by its own label', () => {
    expect(seed.clauses.map((c) => c.number)).toEqual(Array.from({ length: 27 }, (_, i) => i + 1));
    expect(seed.clauses[14]).toMatchObject({ label: '（十五）', cite: '（十五）', title: '培育高新区创新企业群', chapter: '四、壮大高新技术产业', chapterNumber: 4, pathLabel: '四、（十五）' });
    expect(seed.clauses[2]).toMatchObject({ title: '发展目标' });
    expect(seed.clauses[2].text).toContain('到2025年');
  });

  it('strips the department note from the text and removes layout spaces', () => {
    const c24 = seed.clauses[23];
    expect(c24.text).not.toContain('牵头');
    expect(c24.deptNote).toBe('(牵头:自治区住房城乡建设厅,配合:设区市人民政府、自治区科技厅)');
    expect(c24.lead.map((d) => d.name)).toEqual(['自治区住房城乡建设厅']);
    expect(seed.clauses[19].text).toContain('园区办结');
  });
});

describe('parseDocument on other styles', () => {
  it('parses markdown, full-width punctuation, 牵头单位/配合单位/责任单位 labels and nested parentheses', () => {
    const d = parse('second-policy.md', readFileSync(join(FIXTURES_DIR, 'second-policy.md'), 'utf8'));
    expect(d.title).toBe('关于支持科技型中小企业加快发展的若干措施');
    expect(d.region).toEqual(['广西', '南宁']);
    expect(d.published).toBe('2023-05-10');
    expect(d.clauses.map((c) => c.title)).toEqual(['支持企业研发投入', '鼓励企业认定', '加强金融支持', '保障人才住房']);
    expect(d.clauses.map((c) => c.lead.map((x) => x.name))).toEqual([['市科技局'], ['市科技局', '市工业和信息化局'], ['市地方金融监管局'], ['市人力资源社会保障局', '市住房城乡建设局']]);
    expect(d.clauses[1].support.map((x) => x.name)).toEqual(['各县（区）人民政府']);
    expect(d.clauses[0].text).not.toContain('牵头单位');
  });

  it('finds the body inside a 印发通知, repairs split markers and reads validity from the text', () => {
    const d = parse('county.txt', [
      '某县人民政府关于印发某县促进电商发展实施办法的通知',
      '某政发〔2022〕3号',
      '各乡镇人民政府，县直各单位：',
      '现将《某县促进电商发展实施办法》印发给你们，请认真贯彻执行。',
      '某县人民政府',
      '2022年3月1日',
      '某县促进电商发展实施办法',
      '第一章 总则',
      '第 1 条 为促进电商发展，制定本办法。',
      '第 2 条 对年销售额超过 500 万元的电商企业，给予一次性奖励 10 万元（由县商务局负责）。',
      '第二章 附则',
      '第 1 0 条 本办法自印发之日起施行，有效期3年。',
    ].join('\n'));
    expect(d).toMatchObject({ docNumber: '某政发〔2022〕3号', bodyTitle: '某县促进电商发展实施办法', shortTitle: '某县促进电商发展实施办法', signed: '2022-03-01', effective: '2022-03-01', validUntil: '2025-02-28' });
    expect(d.notice).toContain('现将《某县促进电商发展实施办法》印发给你们');
    expect(d.clauses.map((c) => [c.label, c.number])).toEqual([['第1条', 1], ['第2条', 2], ['第10条', 10]]);
    expect(d.clauses[1].lead.map((x) => x.name)).toEqual(['县商务局']);
    expect(d.warnings.join('\n')).toContain('numbering skips from 第2条 to 第10条');
  });

  it('lets a group heading note cover its items, and keeps trailing paragraphs out of the last clause', () => {
    const d = parse('city.txt', [
      '关于加快会展业发展的若干措施',
      '一、培育会展主体（牵头单位：市商务局；配合单位：市财政局）',
      '1.对新引进的会展企业给予20万元奖励。',
      '2.对年办展面积超过1万平方米的，给予最高不超过50万元奖励。（牵头单位：市贸促会）',
      '本措施自发布之日起施行，由市商务局负责解释。',
    ].join('\n'));
    expect(d.clauses.map((c) => [c.label, c.lead.map((x) => x.name)])).toEqual([['1.', ['市商务局']], ['2.', ['市贸促会']]]);
    expect(d.clauses[0].support.map((x) => x.name)).toEqual(['市财政局']);
    expect(d.closing).toContain('由市商务局负责解释');
    expect(d.clauses[1].text).not.toContain('负责解释');
  });

  it('tells apart labels that repeat in one document by their path', () => {
    const d = parse('list.txt', ['扶持政策清单', '面向单位的政策', '一、社保补贴', '按规定给予补贴。', '面向个人的政策', '一、求职补贴', '每人3000元。'].join('\n'));
    expect(d.clauses.map((c) => [c.cite, c.number])).toEqual([['面向单位的政策 一、', 1], ['面向个人的政策 一、', 2]]);
  });

  it('warns, and yields no clauses, for text with no numbered items', () => {
    const d = parse('memo.txt', '关于开会的通知\n请各单位于周五下午参加会议。');
    expect(d.clauses).toEqual([]);
    expect(d.warnings.join()).toContain('no numbered clauses');
  });
});

describe('helpers', () => {
  it('derives a stable docId from the file name', () => {
    expect(docIdFromFile('corpus/Guangxi Policy 2021.txt')).toBe('guangxi-policy-2021');
    expect(docIdFromFile('政策.pdf')).toBe('政策');
  });
  it('splits sentences at 。；', () => {
    expect(splitSentences('甲乙。丙丁；戊己')).toEqual(['甲乙。', '丙丁；', '戊己']);
  });
});
