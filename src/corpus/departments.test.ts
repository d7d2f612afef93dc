import { describe, expect, it } from 'vitest';
import { gazetteer, lexicon } from '../testing/fixtures.js';
import { createDepartmentRegistry } from './departments.js';

const registry = createDepartmentRegistry(lexicon.departments, gazetteer);
const guangxi = { level: 'province' as const, ownPrefix: '自治区' };

describe('department names in a document of a region', () => {
  it.each([
    [['科技厅', '自治区科技厅', '广西科技厅', '科学技术厅'], '自治区科技厅'],
    [['市场监管局', '市场监督管理局', '自治区市场监督管理局'], '自治区市场监管局'],
    [['发改委', '发展改革委', '自治区发展改革委', '发展和改革委员会'], '自治区发展改革委'],
    [['工信厅', '工业和信息化厅', '自治区工业和信息化厅'], '自治区工业和信息化厅'],
    [['住房城乡 建设厅', '住建厅', '住房和城乡建设厅'], '自治区住房城乡建设厅'],
  ])('%j share one key in a Guangxi document', (names, canonical) => {
    const want = registry.resolve(canonical, guangxi)!;
    for (const n of names) expect(registry.resolve(n, guangxi)?.key, n).toBe(want.key);
    expect(registry.resolve(names[0], guangxi)?.name).toBe(canonical);
  });

  it('gives a bare body the prefix its own document uses for its level', () => {
    expect(registry.resolve('财政局', { level: 'city', ownPrefix: '市' })?.name).toBe('市财政局');
    expect(registry.resolve('财政厅', { level: 'province', ownPrefix: '省' })?.name).toBe('省财政厅');
    expect(registry.resolve('财政部', { level: 'national' })?.name).toBe('财政部');
  });

  it('keeps fixed full names and resolves their aliases', () => {
    expect(registry.resolve('广西税务局')?.name).toBe('国家税务总局广西税务局');
    expect(registry.resolve('人行南宁中心支行')?.name).toBe('人民银行南宁中心支行');
  });

  it('reads a caller\'s short name as a body, level ignored', () => {
    expect(registry.bodyOf('发改委')).toBe('发展改革委');
    expect(registry.bodyOf('人社局')).toBe('人力资源社会保障局');
    expect(registry.bodyOf('金融办')).toBe('地方金融监管局');
  });

  it('returns undefined for words that are not departments', () => {
    expect(registry.resolve('孵化器')).toBeUndefined();
    expect(registry.resolve('高新区')).toBeUndefined();
    expect(registry.bodyOf('新材料')).toBeUndefined();
  });
});
