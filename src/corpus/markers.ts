// Structure markers at the start of a line: every numbering style published documents use, with Chinese or
// Arabic numerals, either punctuation width, and the stray spaces PDF conversion leaves (第 1 0 条, （ 一 ）).
import { chineseToInt } from '../text/numerals.js';

/**
 * Kinds in their usual order from the outside in. `rank` orders them; a document may skip levels.
 * part 第一部分 · chapter 第一章 · section 第一节 · article 第一条 · cn 一、 · cnParen （一） · num 1. ·
 * numParen （1） · circled ① · latin a.
 */
export type MarkerKind = 'part' | 'chapter' | 'section' | 'article' | 'cn' | 'cnParen' | 'num' | 'numParen' | 'circled' | 'latin';

export const MARKER_RANK: Record<MarkerKind, number> = {
  part: 0, chapter: 1, section: 2, article: 3, cn: 4, cnParen: 5, num: 6, numParen: 7, circled: 8, latin: 9,
};

export interface Marker {
  kind: MarkerKind;
  /** The number the marker denotes (第九条 → 9, （十五） → 15, ③ → 3, c. → 3). */
  ordinal: number;
  /** The marker as written, stray spaces removed: 第九条, （四）, 4., ①. */
  label: string;
  /** What follows the marker on the line. */
  rest: string;
}

const CN = '零〇一二两三四五六七八九十百';
const SP = '[ \\t\\u3000\\u00a0]*';
// A numeral with stray spaces inside (PDF): 1 0, 二 十.
const NUM_CN = `[${CN}](?:${SP}[${CN}])*`;
const NUM_AR = `\\d(?:${SP}\\d){0,2}`;
const NUM_ANY = `(?:${NUM_AR}|${NUM_CN})`;

const PATTERNS: [MarkerKind, RegExp][] = [
  ['part', new RegExp(`^第${SP}(${NUM_ANY})${SP}部分${SP}[:：]?${SP}(.*)$`)],
  ['chapter', new RegExp(`^第${SP}(${NUM_ANY})${SP}章${SP}(.*)$`)],
  ['section', new RegExp(`^第${SP}(${NUM_ANY})${SP}节${SP}(.*)$`)],
  ['article', new RegExp(`^第${SP}(${NUM_ANY})${SP}条(?![件例款])${SP}[:：]?${SP}(.*)$`)],
  ['cn', new RegExp(`^(${NUM_CN})${SP}[、．.](?![d])${SP}(.*)$`)],
  ['cnParen', new RegExp(`^[（(]${SP}(${NUM_CN})${SP}[)）]${SP}[、.．]?${SP}(.*)$`)],
  // 1. 1、 1． but not 1.5亿元, 2019年 or a bare year/figure.
  ['num', new RegExp(`^(${NUM_AR})${SP}[.．、](?![\\d.．])${SP}(.*)$`)],
  ['numParen', new RegExp(`^[（(]${SP}(${NUM_AR})${SP}[)）]${SP}[、.．]?${SP}(.*)$`)],
  ['circled', /^([\u2460-\u2473])[ \t\u3000\u00a0]*(.*)$/],
  ['latin', /^([a-zA-Z])[ \t\u3000\u00a0]*[.．、)）](?![\d])[ \t\u3000\u00a0]*(.*)$/],
];

const squeeze = (s: string) => s.replace(/[ \t\u3000\u00a0]+/g, '');

function ordinalOf(kind: MarkerKind, raw: string): number | undefined {
  const s = squeeze(raw);
  if (kind === 'circled') return s.codePointAt(0)! - 0x2460 + 1;
  if (kind === 'latin') return s.toLowerCase().charCodeAt(0) - 96;
  if (/^\d+$/.test(s)) return Number(s);
  return chineseToInt(s);
}

function labelOf(kind: MarkerKind, n: string, line: string): string {
  switch (kind) {
    case 'part': return `第${n}部分`;
    case 'chapter': return `第${n}章`;
    case 'section': return `第${n}节`;
    case 'article': return `第${n}条`;
    case 'cn': return `${n}、`;
    case 'cnParen': case 'numParen': return `（${n}）`;
    case 'num': return `${n}.`;
    case 'circled': return n;
    case 'latin': return `${n}${/^[a-zA-Z]\s*、/.test(line) ? '、' : '.'}`;
  }
}

/** The marker a line starts with (after leading spaces), or undefined. */
export function markerOf(text: string): Marker | undefined {
  const line = text.replace(/^[ \t\u3000\u00a0]+/, '');
  for (const [kind, re] of PATTERNS) {
    const m = line.match(re);
    if (!m) continue;
    const ordinal = ordinalOf(kind, m[1]);
    if (ordinal === undefined || ordinal < 1 || ordinal > 300) continue;
    // A lone Latin letter followed by a dot is a marker only at a list's start of text (a. b. c.), not an
    // abbreviation or a code; it must be followed by something.
    if (kind === 'latin' && !m[2].trim()) continue;
    return { kind, ordinal, label: labelOf(kind, squeeze(m[1]), line), rest: m[2].trim() };
  }
  return undefined;
}
