import { describe, expect, it } from 'vitest';
import { resolveTable } from './table-grid.js';

describe('resolveTable', () => {
  it('joins a two-row header per column and repeats a merged data cell in every column it spans', () => {
    const t = resolveTable([
      [{ text: '序号', rowspan: 2 }, { text: '限额', colspan: 2 }],
      [{ text: '职工' }, { text: '居民' }],
      [{ text: '1' }, { text: '200元' }, { text: '50元' }],
      [{ text: '2' }, { text: '3000元', colspan: 2 }],
    ]);
    expect(t).toEqual({ header: ['序号', '限额/职工', '限额/居民'], rows: [['1', '200元', '50元'], ['2', '3000元', '3000元']] });
  });

  it('takes columns from the header when a row splits the grid differently (Word layouts)', () => {
    // Grid of 4: the header's second column spans grid 2–3; a data row splits 1–2 | 3 instead.
    const t = resolveTable([
      [{ text: '名称' }, { text: '职工' }, { text: '居民', colspan: 2 }],
      [{ text: '甲' }, { text: '18000元', colspan: 2 }, { text: '14400元' }],
    ]);
    expect(t.rows).toEqual([['甲', '18000元', '14400元']]);
  });

  it('repeats a rowspan downwards and drops empty rows', () => {
    const t = resolveTable([
      [{ text: '类别' }, { text: '项目' }],
      [{ text: '孵化器', rowspan: 2 }, { text: '国家级' }],
      [{ text: '自治区级' }],
      [{ text: '' }, { text: ' ' }],
    ]);
    expect(t.rows).toEqual([['孵化器', '国家级'], ['孵化器', '自治区级']]);
  });

  it('gives a form (label cells, empty cells) no header', () => {
    const t = resolveTable([
      [{ text: '单位名称' }, { text: '', colspan: 3 }],
      [{ text: '联系人' }, { text: '' }, { text: '电话' }, { text: '' }],
    ]);
    expect(t.header).toEqual([]);
    expect(t.rows).toEqual([['单位名称', '', '', ''], ['联系人', '', '电话', '']]);
  });

  it('survives absurd spans', () => {
    expect(resolveTable([[{ text: 'a', colspan: 1e9, rowspan: -3 }], [{ text: 'b' }]]).rows.length).toBe(2);
  });
});
