// A table as rows of cells → RowBlocks with every column named and merged cells resolved. Readers that know the
// spans (HTML, DOCX) resolve them themselves; plain text (TAB-separated lines) loses them, so the grid is rebuilt
// here from the header: a short row's cell spans the columns that share one upper header (统筹基金最高支付限额 →
// 职工医保 + 城乡居民医保), which is how funding tables merge a figure that holds for both columns.
import type { RowBlock } from '../blocks.js';

const HAS_DIGIT = /\d/;

/**
 * Header rows: the leading rows with no digit in any cell (data rows carry 序号, figures, dates). A row of
 * "label：" cells or with empty cells is a form or a metadata block, not column names.
 */
export function headerRowCount(rows: string[][]): number {
  let n = 0;
  while (n < rows.length - 1 && rows[n].every((c) => !HAS_DIGIT.test(c) && c.trim() !== '' && !/[:：]$/.test(c.trim()))) n++;
  return n;
}

interface Column {
  /** Header cells from top to bottom ("统筹基金最高支付限额", "职工医保"). */
  names: string[];
  /** Index of the upper header cell this column sits under (columns under one cell are siblings). */
  group: number;
}

/**
 * Columns from 1–2 header rows of unequal length. The upper row's edge cells (序号 first, 备注/有效期 last) span
 * down; the remaining upper cells share the lower row's cells evenly.
 */
function columnsOf(header: string[][], width: number): Column[] {
  if (!header.length) return Array.from({ length: width }, (_, i) => ({ names: [], group: i }));
  if (header.length === 1 || header[0].length >= width) {
    return Array.from({ length: width }, (_, i) => ({ names: header.map((r) => r[i] ?? '').filter(Boolean), group: i }));
  }
  const [upper, lower] = [header[0], header.at(-1)!];
  const down = Math.max(0, width - lower.length);
  // Which upper cells span down: alternately from the left and right edges.
  const spanning = new Set<number>();
  for (let k = 0, l = 0, r = upper.length - 1; k < down && l <= r; k++) spanning.add(k % 2 === 0 ? l++ : r--);
  const splitting = upper.map((_, i) => i).filter((i) => !spanning.has(i));
  const per = splitting.length ? Math.max(1, Math.floor(lower.length / splitting.length)) : 1;
  const cols: Column[] = [];
  let next = 0;
  for (const [i, cell] of upper.entries()) {
    if (spanning.has(i)) cols.push({ names: [cell], group: i });
    else for (let k = 0; k < per && next < lower.length; k++) cols.push({ names: [cell, lower[next++]], group: i });
  }
  while (cols.length < width) cols.push({ names: [lower[next++] ?? ''], group: upper.length + cols.length });
  return cols.slice(0, width);
}

const NONE_VALUE = /^(无|——|—|-|－|\/)$/;

/**
 * Places a row with fewer cells than columns: cells align from both edges, and the one cell that lands on a
 * group of sibling columns spans them. Among several such placements, the one whose cells look like their
 * columns' cells in full rows wins (a figure under a figure column). Without such a group the row is padded
 * at the right.
 */
function spread(cells: string[], cols: Column[], numeric: number[]): string[] {
  const width = cols.length;
  if (cells.length >= width) return cells.slice(0, width);
  const missing = width - cells.length;
  let best: { at: number; score: number } | undefined;
  for (let at = 0; at < cells.length; at++) {
    const span = cols.slice(at, at + missing + 1);
    if (span.length !== missing + 1 || !span.every((c) => c.group === span[0].group) || span[0].names.length < 2) continue;
    let score = 0;
    for (const [i, cell] of cells.entries()) {
      const col = i < at ? i : i === at ? at : i + missing;
      if (NONE_VALUE.test(cell)) score += 0.5;
      else score += HAS_DIGIT.test(cell) === numeric[col] > 0.5 ? 1 : 0;
    }
    if (!best || score > best.score) best = { at, score };
  }
  if (!best) return [...cells, ...Array(missing).fill('')];
  const { at } = best;
  return [...cells.slice(0, at), ...Array(missing + 1).fill(cells[at]), ...cells.slice(at + 1)];
}

/** Rows of raw cells (one table) → RowBlocks with per-column header names joined by "/". */
export function gridRows(rows: string[][], table: number): RowBlock[] {
  const trimmed = rows.map((r) => r.map((c) => c.trim()));
  const h = headerRowCount(trimmed);
  const header = trimmed.slice(0, h);
  const data = trimmed.slice(h);
  const width = Math.max(...data.map((r) => r.length), ...header.map((r) => r.length), 1);
  const cols = columnsOf(header, width);
  const names = h ? cols.map((c) => c.names.filter(Boolean).join('/')) : [];
  // How often each column holds a figure in the rows that fill every column.
  const full = data.filter((r) => r.length === width);
  const numeric = cols.map((_, i) => (full.length ? full.filter((r) => HAS_DIGIT.test(r[i])).length / full.length : 0));
  // Header rows become the column names of every row; they are not rows of their own (as HTML tables read).
  return data.map((r) => ({ kind: 'row', table, cells: h ? spread(r, cols, numeric) : r, header: names }));
}
