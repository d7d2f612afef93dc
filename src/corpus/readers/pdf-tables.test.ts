import { describe, expect, it } from 'vitest';
import type { TextRun } from './pdf-lines.js';
import type { HRule, VRule } from './pdf-rules.js';
import { findTables } from './pdf-tables.js';
import { resolveTable } from './table-grid.js';

const run = (text: string, x: number, y: number): TextRun => ({ text, x, y, width: text.length * 10, size: 10 });

describe('tables from ruling lines', () => {
  // Three rows (y 300–270–240–210), three columns (x 100–150–250–350); the last row's right two cells are merged.
  const h: HRule[] = [300, 270, 240, 210].map((y) => ({ y, x0: 100, x1: 350 }));
  const v: VRule[] = [
    { x: 100, y0: 210, y1: 300 },
    { x: 150, y0: 210, y1: 300 },
    { x: 250, y0: 240, y1: 300 }, // stops above the last row: the merged cell
    { x: 350, y0: 210, y1: 300 },
  ];

  it('finds the grid, resolves the merged cell and keeps wrapped cell text in its cell', () => {
    const runs = [
      run('序号', 105, 282), run('职工', 160, 282), run('居民', 260, 282),
      run('1', 105, 252), run('200元/', 160, 256), run('月', 160, 245), run('50元', 260, 252),
      run('2', 105, 222), run('3000元', 200, 222),
      run('表外的正文', 100, 400),
    ];
    const { tables, rest } = findTables(h, v, runs);
    expect(tables).toHaveLength(1);
    expect(rest.map((r) => r.text)).toEqual(['表外的正文']);
    expect(resolveTable(tables[0].rows)).toEqual({ header: ['序号', '职工', '居民'], rows: [['1', '200元/月', '50元'], ['2', '3000元', '3000元']] });
  });

  it('keeps the row a page break cut (column rules running past the last row rule)', () => {
    const cut: VRule[] = v.map((r) => ({ ...r, y0: r.y0 - 30 }));
    const { tables } = findTables(h, cut, [run('3', 105, 190)]);
    expect(tables[0].rows.at(-1)?.[0].text).toBe('3');
  });

  it('takes a lone box or rule for no table', () => {
    const box = findTables([{ y: 300, x0: 100, x1: 200 }, { y: 280, x0: 100, x1: 200 }], [{ x: 100, y0: 280, y1: 300 }, { x: 200, y0: 280, y1: 300 }], []);
    expect(box.tables).toEqual([]);
  });
});
