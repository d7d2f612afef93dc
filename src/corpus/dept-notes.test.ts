import { describe, expect, it } from 'vitest';
import { gazetteer, lexicon } from '../testing/fixtures.js';
import { inlineResponsibility, parseNote, sectionResponsibility, trailingNote } from './dept-notes.js';
import { createDepartmentRegistry, parseDepartmentList } from './departments.js';

const registry = createDepartmentRegistry(lexicon.departments, gazetteer);

describe('department notes', () => {
  it.each([
    ['(牵头:自治区科技厅,配合:设区市人民政府、自治区发展改革委)', ['自治区科技厅'], ['设区市人民政府、自治区发展改革委']],
    ['（牵头单位：市商务局；配合单位：市财政局、各区、县级市）', ['市商务局'], ['市财政局、各区、县级市']],
    ['【牵头单位：县文旅局，配合单位：县财政局】', ['县文旅局'], ['县财政局']],
    ['（责任单位：市科技局、市工业和信息化局；配合单位：各县（区）人民政府）', ['市科技局、市工业和信息化局'], ['各县（区）人民政府']],
    ['（市科技局牵头，市财政局配合）', ['市科技局'], ['市财政局']],
  ])('%s', (note, lead, support) => {
    expect(parseNote(note, false)).toMatchObject({ lead, support });
  });

  it('reads "（X、Y负责）" as co-leads, unless the first-listed convention holds', () => {
    expect(parseNote('（交通运输部、财政部负责）', false)).toMatchObject({ lead: ['交通运输部、财政部'], support: [] });
    const first = parseNote('（人力资源社会保障部、财政部负责。列第一位者为牵头单位，下同）', false);
    expect(first).toMatchObject({ lead: ['人力资源社会保障部'], support: ['财政部'], setsConvention: true });
    expect(parseNote('（财政部、人力资源社会保障部、民政部等有关部门和单位按职责分工负责）', true)).toMatchObject({
      lead: ['财政部'], support: ['人力资源社会保障部', '民政部', '有关部门和单位'],
    });
    expect(parseNote('（国家发展改革委会同有关部门负责）', false)).toMatchObject({ lead: ['国家发展改革委'], support: ['有关部门'] });
  });

  it('finds the note a clause ends with, with brackets inside names, and nothing else', () => {
    expect(trailingNote('给予奖励。（牵头单位：各县（区）人民政府）。')?.note).toBe('（牵头单位：各县（区）人民政府）');
    expect(trailingNote('按规定执行（附件1）')).toBeUndefined();
    expect(trailingNote('对企业给予支持。')).toBeUndefined();
  });

  it('reads responsibility written into the text', () => {
    expect(inlineResponsibility('具体工作由县商务局负责。')).toEqual({ lead: ['县商务局'], support: [] });
    expect(inlineResponsibility('申请由区委统战部牵头负责审核。')).toEqual({ lead: ['区委统战部'], support: [] });
    const three = inlineResponsibility('市人力资源社会保障局是本市主管部门，负责本办法组织实施。\n市服务机构是日常管理机构，负责申请材料受理。\n市财政局按照职责，协同实施本办法。');
    expect(three).toEqual({ lead: ['市人力资源社会保障局'], support: ['市服务机构', '市财政局'] });
    // A task, not a responsibility: nobody is recorded.
    expect(inlineResponsibility('具体规定由市医疗保障局另行制定。')).toEqual({ lead: [], support: [] });
    expect(inlineResponsibility('双创基地经营管理单位负责收集材料。')).toEqual({ lead: [], support: [] });
  });

  it('reads a responsibility section: the unit an item names first leads, one that collects supports', () => {
    expect(sectionResponsibility('各重点企业联系服务部门具体受理，由天河中央商务区管委会企业服务处汇总，咨询电话：020-1。')).toEqual({
      lead: ['各重点企业联系服务部门'], support: ['天河中央商务区管委会企业服务处'],
    });
  });
});

describe('department lists', () => {
  it('expands an elided prefix and keeps 各区、县级市 as one unit', () => {
    const got = parseDepartmentList('设区市人民政府、自治区发展改革委，工业和信息化厅;财政厅', registry, { level: 'province' });
    expect(got.map((d) => d.name)).toEqual(['设区市人民政府', '自治区发展改革委', '自治区工业和信息化厅', '自治区财政厅']);
    expect(parseDepartmentList('市财政局、各区、县级市', registry, { level: 'city' }).map((d) => d.written)).toEqual(['市财政局', '各区、县级市']);
  });

  it('canonicalises aliases within a document level: 发改委 = 发展和改革委员会, 工信厅 = 工业和信息化厅', () => {
    const key = (n: string, level: 'province' | 'city' = 'province') => registry.resolve(n, { level })?.key;
    expect(key('发改委')).toBe(key('自治区发展改革委'));
    expect(key('广西发展和改革委员会')).toBe(key('自治区发展改革委'));
    expect(key('工信厅')).toBe(key('自治区工业和信息化厅'));
    expect(key('广州市人力资源和社会保障局', 'city')).toBe(key('市人社局', 'city'));
    expect(key('市场监督管理局', 'city')).toBe(key('市市场监管局', 'city'));
    // A 厅 is a province-level body wherever it is named; a city's 局 is not the province's 厅.
    expect(key('科技厅', 'city')).not.toBe(key('市科技局', 'city'));
  });
});
