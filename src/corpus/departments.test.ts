import { describe, expect, it } from 'vitest';
import { lexicon } from '../testing/fixtures.js';
import { createDepartmentRegistry, parseDepartmentList } from './departments.js';

const registry = createDepartmentRegistry(lexicon.departments);

describe('department aliases', () => {
  it.each([
    [['科技厅', '自治区科技厅', '广西科技厅'], '自治区科技厅'],
    [['市场监管局', '市场监督管理局', '自治区市场监督管理局'], '自治区市场监管局'],
    [['广西税务局', '国家税务总局广西税务局'], '国家税务总局广西税务局'],
    [['发改委', '发展改革委', '自治区发展改革委'], '自治区发展改革委'],
    [['工信厅', '工业和信息化厅', '自治区工业和信息化厅'], '自治区工业和信息化厅'],
    [['住房城乡 建设厅', '住建厅'], '自治区住房城乡建设厅'],
  ])('%j all resolve to %s', (names, canonical) => {
    for (const n of names) expect(registry.resolve(n)?.name, n).toBe(canonical);
  });

  it('returns undefined for unknown names', () => {
    expect(registry.resolve('深圳市科技创新委员会')).toBeUndefined();
  });
});

describe('parseDepartmentList', () => {
  it('expands the elided prefix and handles every separator', () => {
    const got = parseDepartmentList('设区市人民政府、自治区发展改革委，工业和信息化厅;财政厅,商务厅', registry);
    expect(got.map((d) => d.written)).toEqual(['设区市人民政府', '自治区发展改革委', '自治区工业和信息化厅', '自治区财政厅', '自治区商务厅']);
  });
  it('keeps names that state their own level and dedupes aliases of one department', () => {
    const got = parseDepartmentList('自治区科技厅、国家税务总局广西税务局、广西税务局、人民银行南宁中心支行。', registry);
    expect(got.map((d) => d.name)).toEqual(['自治区科技厅', '国家税务总局广西税务局', '人民银行南宁中心支行']);
  });
});
