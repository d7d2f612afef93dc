// What a printed page adds to the text: page numbers (第1页, 第 1 页 共 6 页, - 1 -, 1/6, a lone 1) and running
// headers and footers (the issuer's name on every page). Only the outermost lines of a page, in its top or bottom
// band, can be either, so a "1" that is a table cell or a clause's own text is never taken.
import type { Line } from './pdf-lines.js';

const PAGE_NUMBER = /^(第\s*\d+\s*页(\s*[,，/／]?\s*共\s*\d+\s*页)?|共\s*\d+\s*页\s*第\s*\d+\s*页|[-－—–]\s*\d+\s*[-－—–]|\d+\s*[/／]\s*\d+|\d+|[（(]\s*\d+\s*[)）]|page\s*\d+(\s*(of|\/)\s*\d+)?)$/i;

/** A page's top and bottom bands, as a share of its height: where headers, footers and numbers are printed. */
const BAND = 0.12;
/** How many lines at each edge of a page can be furniture. */
const EDGE_LINES = 2;
/** A running header or footer is short. */
const MAX_RUNNING = 40;

export interface Page {
  lines: Line[];
  height: number;
}

export const isPageNumber = (text: string) => PAGE_NUMBER.test(text.trim());

/** The indexes of a page's edge lines (first and last few) that lie in its bands. */
function edgeLines(page: Page): number[] {
  const n = page.lines.length;
  const picks = new Set<number>();
  for (let i = 0; i < Math.min(EDGE_LINES, n); i++) picks.add(i), picks.add(n - 1 - i);
  return [...picks].filter((i) => {
    const y = page.lines[i].y / page.height;
    return y > 1 - BAND || y < BAND;
  });
}

/** Digits vary from page to page in a running line ("第3页 广州市医疗保障局"); compare without them. */
const shape = (text: string) => text.replace(/\s+/g, '').replace(/\d+/g, '#');

/** Removes page numbers and running headers/footers; returns the pages and what was removed. */
export function dropFurniture(pages: Page[]): { pages: Page[]; dropped: string[] } {
  const counts = new Map<string, number>();
  for (const page of pages) {
    const seen = new Set(edgeLines(page).map((i) => shape(page.lines[i].text)));
    for (const s of seen) counts.set(s, (counts.get(s) ?? 0) + 1);
  }
  const runningMin = Math.max(2, Math.ceil(pages.length * 0.5));
  const running = (text: string) => text.length <= MAX_RUNNING && (counts.get(shape(text)) ?? 0) >= runningMin;
  const dropped: string[] = [];
  const out = pages.map((page) => {
    const edges = new Set(edgeLines(page));
    const lines = page.lines.filter((line, i) => {
      if (!edges.has(i)) return true;
      if (!isPageNumber(line.text) && !(pages.length > 1 && running(line.text))) return true;
      dropped.push(line.text);
      return false;
    });
    return { ...page, lines };
  });
  return { pages: out, dropped };
}
