// A table as the parser wants it: rows of cells under named columns, whatever spans the source used. Published
// tables are laid out in Word, so their grids are often finer than their columns (the 门特 table has 7 grid
// columns for 6 columns of meaning, and one row splits a column differently from the header). Columns are
// therefore taken from the header's lowest row, each cell goes to the column it overlaps most, and a column no
// cell of its own reaches repeats the merged cell that covers it.

/** One source cell: its text and spans, and whether the source marked it as a header cell (<th>, tblHeader). */
export interface SourceCell {
  text: string;
  rowspan?: number;
  colspan?: number;
  header?: boolean;
}

export interface ResolvedTable {
  /** One name per column; multi-row headers joined per column with "/"; [] when the table has no header. */
  header: string[];
  /** Every row that has any text, one cell per column. */
  rows: string[][];
}

/** Spans beyond this are treated as errors in the source (browsers cap colspan at 1000 and rowspan at 65534). */
const MAX_SPAN = 1000;

interface Placed {
  id: number;
  text: string;
  header: boolean;
  r0: number;
  c0: number;
  r1: number; // inclusive
  c1: number; // inclusive
}

const span = (n: number | undefined, max: number) => (n === undefined || !Number.isFinite(n) || n < 1 ? 1 : Math.min(Math.floor(n), max));

/** Places cells on a grid as the HTML table algorithm does: each cell takes the first free slot of its row. */
function place(rows: SourceCell[][]): { grid: (Placed | undefined)[][]; cells: Placed[]; width: number } {
  const grid: (Placed | undefined)[][] = rows.map(() => []);
  const cells: Placed[] = [];
  let width = 0;
  rows.forEach((row, r) => {
    let c = 0;
    for (const cell of row) {
      while (grid[r][c]) c++;
      const rs = span(cell.rowspan, Math.min(MAX_SPAN, rows.length - r));
      const cs = span(cell.colspan, MAX_SPAN);
      const p: Placed = { id: cells.length, text: cell.text, header: cell.header === true, r0: r, c0: c, r1: r + rs - 1, c1: c + cs - 1 };
      cells.push(p);
      for (let i = r; i <= p.r1; i++) for (let j = c; j <= p.c1; j++) grid[i][j] = p;
      c += cs;
      width = Math.max(width, c);
    }
  });
  return { grid, cells, width };
}

/** Cells written as "label:" are a form or a metadata block, not column names. */
const LABEL = /[:：]\s*$/;
const NUMERIC = /^[\d\s.,%％元万亿/-]+$/;
/** Column names are short; a long first row is a form's text (附表5's 申领单位意见：经手人：…). */
const MAX_HEADER_CELL = 40;

/**
 * How many leading rows name the columns. Marked header rows when the source marks them; otherwise the first row
 * when every cell of it has text and none reads as a form label or a figure, extended down by its rowspans (a
 * two-row header: 序号 spans both rows while 统筹基金最高支付限额 splits into 职工医保 / 城乡居民医保).
 */
function headerRows(grid: (Placed | undefined)[][], width: number): number {
  let marked = 0;
  while (marked < grid.length - 1 && grid[marked].length > 0 && grid[marked].every((p) => p?.header)) marked++;
  if (marked > 0) return marked;
  if (grid.length < 2) return 0;
  const first = grid[0];
  const distinct = [...new Set(first)];
  if (first.length < width || distinct.length < 2) return 0;
  if (distinct.some((p) => !p?.text.trim() || LABEL.test(p!.text) || NUMERIC.test(p!.text) || p!.text.length > MAX_HEADER_CELL)) return 0;
  const depth = Math.max(...distinct.map((p) => p!.r1 + 1));
  return depth < grid.length ? depth : 0;
}

/** Column ranges [from, to] over the grid: the lowest header row's cell boundaries, or every boundary any row has. */
function columns(grid: (Placed | undefined)[][], width: number, header: number): [number, number][] {
  const boundary = (j: number) =>
    header > 0 ? grid[header - 1][j] !== grid[header - 1][j - 1] : grid.some((row) => row[j] !== row[j - 1]);
  const cols: [number, number][] = [];
  let from = 0;
  for (let j = 1; j < width; j++) {
    if (boundary(j)) {
      cols.push([from, j - 1]);
      from = j;
    }
  }
  if (width > 0) cols.push([from, width - 1]);
  return cols;
}

const overlap = (p: Placed, [a, b]: [number, number]) => Math.max(0, Math.min(p.c1, b) - Math.max(p.c0, a) + 1);

/** Joins the texts of cells that fall into one column; the source split it finer than its header. */
const joinTexts = (texts: string[]) => texts.filter((t) => t !== '').join(' ');

function resolveRow(row: (Placed | undefined)[], cols: [number, number][]): string[] {
  const inRow = [...new Set(row.filter((p): p is Placed => p !== undefined))];
  const owned: string[][] = cols.map(() => []);
  for (const p of inRow) {
    let best = -1;
    let bestOverlap = 0;
    cols.forEach((col, k) => {
      const o = overlap(p, col);
      if (o > bestOverlap) (best = k), (bestOverlap = o);
    });
    if (best >= 0) owned[best].push(p.text);
  }
  return cols.map((col, k) => {
    if (owned[k].length > 0) return joinTexts(owned[k]);
    let cover: Placed | undefined;
    for (const p of inRow) if (overlap(p, col) > (cover ? overlap(cover, col) : 0)) cover = p;
    return cover?.text ?? '';
  });
}

function headerNames(grid: (Placed | undefined)[][], header: number, cols: [number, number][]): string[] {
  return cols.map((col) => {
    const names: string[] = [];
    const seen = new Set<number>();
    for (let r = 0; r < header; r++) {
      for (const p of grid[r]) {
        if (!p || seen.has(p.id) || overlap(p, col) === 0) continue;
        seen.add(p.id);
        if (p.text.trim() && !names.includes(p.text)) names.push(p.text);
      }
    }
    return names.join('/');
  });
}

/** Resolves spans and headers: every remaining row has one cell per column, merged text repeated. */
export function resolveTable(rows: SourceCell[][]): ResolvedTable {
  const { grid, width } = place(rows.filter((r) => r.length > 0));
  if (width === 0) return { header: [], rows: [] };
  const header = headerRows(grid, width);
  const cols = columns(grid, width, header);
  const body = grid
    .slice(header)
    .map((row) => resolveRow(row, cols))
    .filter((cells) => cells.some((c) => c.trim() !== ''));
  const names = header > 0 ? headerNames(grid, header, cols) : [];
  // A blank form (附表6's 花名册: column names over empty rows) keeps its names as its one row of text.
  if (body.length === 0 && names.length > 0) return { header: [], rows: [names] };
  return { header: names, rows: body };
}
