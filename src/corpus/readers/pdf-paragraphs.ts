// Lines back into paragraphs. Layout breaks a paragraph wherever the line is full, so a line that reaches the right
// margin continues into the next one, unless the next starts a new paragraph: it is indented (Chinese paragraphs
// open with a two-character indent), it opens with a numbering marker (第X条, 一、, （一）, 1.), or, in a document
// that does not indent, the full line ended a sentence. A line that stops short of the margin ends its paragraph
// (titles, headings, the last line). Pages continue each other: a paragraph broken by a page break is joined, and
// so is a table: its part on the next page continues it under the same header.
import type { Block, RowBlock } from '../blocks.js';
import type { Line } from './pdf-lines.js';
import { resolveTable, type SourceCell } from './table-grid.js';

/** A page's content in reading order: lines of running text and bordered tables. */
export type PageItem = { kind: 'line'; line: Line } | { kind: 'table'; rows: SourceCell[][] };

export interface PageLines {
  page: number;
  items: PageItem[];
}

const MARKER = /^(第[一二三四五六七八九十百零〇\d]+[章节条款]|[一二三四五六七八九十]+[、.．]|[（(][一二三四五六七八九十\d]+[)）]|\d+[.．、](?!\d)|[①-⑳]|附件|附表|附：)/;
const SENTENCE_END = /[。；：！？;:!?]$/;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.floor(s.length / 2)] : 0;
};

/** The body's left edge and right margin, from every page's lines together (pages share one layout). */
function frame(pages: PageLines[]): { left: number; right: number; size: number } {
  const lines = pages.flatMap((p) => p.items.flatMap((i) => (i.kind === 'line' ? [i.line] : [])));
  const size = median(lines.map((l) => l.size)) || 12;
  // The left edge is the most common start; the right margin the edge that full lines reach.
  const starts = new Map<number, number>();
  for (const l of lines) starts.set(Math.round(l.x0), (starts.get(Math.round(l.x0)) ?? 0) + 1);
  const left = [...starts.entries()].sort((a, b) => b[1] - a[1] || a[0] - b[0])[0]?.[0] ?? 0;
  const ends = lines.map((l) => l.x1).sort((a, b) => b - a);
  const right = ends[Math.floor(ends.length * 0.1)] ?? 0;
  return { left, right, size };
}

const joinText = (a: string, b: string) => (/[A-Za-z0-9]$/.test(a) && /^[A-Za-z0-9]/.test(b) ? `${a} ${b}` : a + b);

/** Blocks of the pages' items: paragraphs rejoined, table rows; each block carries the page it starts on. */
export function linesToParagraphs(pages: PageLines[], repair: (s: string) => string = (s) => s): Block[] {
  const { left, right, size } = frame(pages);
  const all = pages.flatMap((p) => p.items.map((item) => ({ item, page: p.page })));
  const lines = all.flatMap(({ item }) => (item.kind === 'line' ? [item.line] : []));
  const indented = (l: Line) => l.x0 > left + 0.9 * l.size;
  const full = (l: Line) => l.x1 >= right - 1.5 * l.size;
  const usesIndent = lines.filter(indented).length >= lines.length * 0.1;
  const blocks: Block[] = [];
  let text = '';
  let page = 0;
  let prev: Line | undefined;
  let table: { index: number; header: string[]; width: number } | undefined;
  let tables = 0;
  const flush = () => {
    const t = repair(text.trim());
    if (t) blocks.push({ kind: 'paragraph', text: t, page });
    text = '';
  };
  for (const { item, page: p } of all) {
    if (item.kind === 'table') {
      flush();
      prev = undefined;
      const resolved = resolveTable(item.rows);
      const width = resolved.rows[0]?.length ?? 0;
      // The part of a table that runs onto the next page: same width, no header of its own (or the same one).
      const continues = table !== undefined && width === table.width && (resolved.header.length === 0 || resolved.header.join() === table.header.join());
      if (!continues) table = { index: tables++, header: resolved.header, width };
      for (const cells of resolved.rows) {
        blocks.push({ kind: 'row', table: table!.index, cells: cells.map(repair), header: table!.header, page: p } satisfies RowBlock);
      }
      continue;
    }
    const line = item.line;
    table = undefined;
    const continues =
      prev !== undefined &&
      prev.segments.length === 1 &&
      line.segments.length === 1 &&
      full(prev) &&
      !indented(line) &&
      !MARKER.test(line.text) &&
      Math.abs(line.size - prev.size) < 0.2 * size &&
      (usesIndent || !SENTENCE_END.test(prev.text));
    if (continues) text = joinText(text, line.text);
    else {
      flush();
      text = line.text;
      page = p;
    }
    prev = line;
  }
  flush();
  return blocks;
}
