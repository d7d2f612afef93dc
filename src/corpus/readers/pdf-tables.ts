// Bordered tables on a PDF page, rebuilt from their ruling lines: the rules that touch each other form one table;
// their distinct positions form its grid; a grid line missing between two grid cells means one merged cell. Each
// text run goes to the cell holding its centre, so text wrapped inside a cell stays in that cell, and the cells,
// with their spans, go through the same resolution as HTML tables (table-grid.ts).
import type { HRule, VRule } from './pdf-rules.js';
import { buildLines, type TextRun } from './pdf-lines.js';
import type { SourceCell } from './table-grid.js';
import { joinPieces } from './html-blocks.js';

export interface PageTable {
  /** Page-space bounds. */
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  rows: SourceCell[][];
}

const TOL = 2;

/** Joins rules on one line that touch or overlap (a border drawn cell by cell). */
function mergeH(rules: HRule[]): HRule[] {
  const sorted = [...rules].sort((a, b) => a.y - b.y || a.x0 - b.x0);
  const out: HRule[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last.y - r.y) <= TOL / 2 && r.x0 <= last.x1 + TOL) last.x1 = Math.max(last.x1, r.x1);
    else out.push({ ...r });
  }
  return out;
}
function mergeV(rules: VRule[]): VRule[] {
  const sorted = [...rules].sort((a, b) => a.x - b.x || a.y0 - b.y0);
  const out: VRule[] = [];
  for (const r of sorted) {
    const last = out.at(-1);
    if (last && Math.abs(last.x - r.x) <= TOL / 2 && r.y0 <= last.y1 + TOL) last.y1 = Math.max(last.y1, r.y1);
    else out.push({ ...r });
  }
  return out;
}

const touches = (h: HRule, v: VRule) => v.x >= h.x0 - TOL && v.x <= h.x1 + TOL && h.y >= v.y0 - TOL && h.y <= v.y1 + TOL;

/** Distinct positions, nearby ones taken as one. */
function positions(values: number[]): number[] {
  const out: number[] = [];
  for (const x of [...values].sort((a, b) => a - b)) if (out.length === 0 || x - out.at(-1)! > TOL) out.push(x);
  return out;
}

/** The tables the rules draw, with the runs inside them; the runs outside are returned for running text. */
export function findTables(hRules: HRule[], vRules: VRule[], runs: TextRun[]): { tables: PageTable[]; rest: TextRun[] } {
  const hs = mergeH(hRules);
  const vs = mergeV(vRules);
  // Union-find over rules: a table is a set of rules connected by crossings.
  const parent = [...hs, ...vs].map((_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  hs.forEach((h, i) => {
    vs.forEach((v, j) => {
      if (touches(h, v)) parent[find(i)] = find(hs.length + j);
    });
  });
  const groups = new Map<number, { h: HRule[]; v: VRule[] }>();
  const group = (root: number) => groups.get(root) ?? (groups.set(root, { h: [], v: [] }), groups.get(root)!);
  hs.forEach((h, i) => {
    group(find(i)).h.push(h);
  });
  vs.forEach((v, j) => {
    group(find(hs.length + j)).v.push(v);
  });

  const tables: PageTable[] = [];
  let rest = runs;
  for (const { h, v } of groups.values()) {
    // A row cut by a page break has no rule on the cut side: its column rules run past the last row rule.
    const hy = h.map((r) => r.y);
    const edges = [Math.min(...v.map((r) => r.y0)), Math.max(...v.map((r) => r.y1))].filter(
      (y) => y < Math.min(...hy) - 3 * TOL || y > Math.max(...hy) + 3 * TOL,
    );
    const ys = positions([...hy, ...edges]).reverse(); // top to bottom
    const xs = positions(v.map((r) => r.x));
    if (ys.length < 2 || xs.length < 2 || (ys.length < 3 && xs.length < 3)) continue; // a box or a rule, not a table
    const inside = (r: TextRun) => {
      const cx = r.x + r.width / 2;
      const cy = r.y + r.size / 3;
      return cx > xs[0] && cx < xs.at(-1)! && cy < ys[0] && cy > ys.at(-1)!;
    };
    const mine = rest.filter(inside);
    rest = rest.filter((r) => !inside(r));
    tables.push({ x0: xs[0], x1: xs.at(-1)!, y0: ys.at(-1)!, y1: ys[0], rows: gridCells(ys, xs, h, v, mine) });
  }
  return { tables, rest };
}

function gridCells(ys: number[], xs: number[], h: HRule[], v: VRule[], runs: TextRun[]): SourceCell[][] {
  const R = ys.length - 1;
  const C = xs.length - 1;
  const hasV = (x: number, y: number) => v.some((r) => Math.abs(r.x - x) <= TOL && y >= r.y0 - TOL && y <= r.y1 + TOL);
  const hasH = (y: number, x: number) => h.some((r) => Math.abs(r.y - y) <= TOL && x >= r.x0 - TOL && x <= r.x1 + TOL);
  const id = (r: number, c: number) => r * C + c;
  const parent = Array.from({ length: R * C }, (_, i) => i);
  const find = (i: number): number => (parent[i] === i ? i : (parent[i] = find(parent[i])));
  for (let r = 0; r < R; r++) {
    const ym = (ys[r] + ys[r + 1]) / 2;
    for (let c = 0; c < C; c++) {
      const xm = (xs[c] + xs[c + 1]) / 2;
      if (c + 1 < C && !hasV(xs[c + 1], ym)) parent[find(id(r, c + 1))] = find(id(r, c));
      if (r + 1 < R && !hasH(ys[r + 1], xm)) parent[find(id(r + 1, c))] = find(id(r, c));
    }
  }
  // Each merged cell's extent in grid rows and columns.
  const extent = new Map<number, { r0: number; r1: number; c0: number; c1: number; runs: TextRun[] }>();
  for (let r = 0; r < R; r++) {
    for (let c = 0; c < C; c++) {
      const root = find(id(r, c));
      const e = extent.get(root) ?? { r0: r, r1: r, c0: c, c1: c, runs: [] };
      e.r0 = Math.min(e.r0, r);
      e.r1 = Math.max(e.r1, r);
      e.c0 = Math.min(e.c0, c);
      e.c1 = Math.max(e.c1, c);
      extent.set(root, e);
    }
  }
  for (const run of runs) {
    const cx = run.x + run.width / 2;
    const cy = run.y + run.size / 3;
    const c = xs.findIndex((x, i) => i < C && cx >= x && cx < xs[i + 1]);
    const r = ys.findIndex((y, i) => i < R && cy <= y && cy > ys[i + 1]);
    if (r >= 0 && c >= 0) extent.get(find(id(r, c)))!.runs.push(run);
  }
  const rows: SourceCell[][] = Array.from({ length: R }, () => []);
  for (const e of [...extent.values()].sort((a, b) => a.r0 - b.r0 || a.c0 - b.c0)) {
    const text = joinPieces(buildLines(e.runs).map((l) => l.segments.join(' ')));
    rows[e.r0].push({ text, rowspan: e.r1 - e.r0 + 1, colspan: e.c1 - e.c0 + 1 });
  }
  return rows;
}
