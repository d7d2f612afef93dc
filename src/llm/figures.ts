// Figures in free text, normalised so that 一千万元 = 1000万元 = 1,000万元 = 0.1亿元, 百分之十五 = 15%,
// 1比1 = 1∶1 = 1:1 and 第十四条 = 第（十四）条 = (十四) = 第14条. The grounding guard compares these keys.
import { chineseAmountsToDigits, intToChinese, parseChineseNumber } from '../text/numerals.js';

export type FigureKind = 'money' | 'percent' | 'ratio' | 'year' | 'count' | 'clause';

export interface Figure {
  kind: FigureKind;
  /** Comparable key: money:1000 (万元), percent:15, ratio:1:1, year:2025, count:35, clause:14. */
  key: string;
  /** Normalised form for messages: 1000万元, 15%, 1:1, 2025年, 35名, 第（十四）条. */
  display: string;
}

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const FINANCIAL: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };
const CN = '零〇一二两三四五六七八九十百千';

/** Chinese decimal such as 零点五 or 十五 → number. */
function parseDecimal(s: string): number | undefined {
  const [int, frac] = s.split(/[点.]/);
  const i = parseChineseNumber(int || '零');
  if (i === undefined) return undefined;
  if (frac === undefined) return i;
  const f = [...frac].map((c) => (/\d/.test(c) ? c : DIGIT[c])).join('');
  return /^\d+$/.test(f) ? Number(`${i}.${f}`) : undefined;
}

/**
 * Rewrites the ways people (and models) write figures into one form: half-width digits, no thousands
 * separators, Chinese numerals as digits before money/percent/count units, 百分之X → X%, X个亿 → X亿,
 * X比Y → X:Y, 二〇二五年 → 2025年.
 */
export function normalizeFigures(input: string): string {
  let s = input.normalize('NFKC').replace(/[∶︰]/g, ':');
  s = s.replace(/[壹贰叁肆伍陆柒捌玖拾佰仟]/g, (c) => FINANCIAL[c]);
  s = s.replace(/(\d)[,，](?=\d{3}(?!\d))/g, '$1');
  s = s.replace(new RegExp(`百分之([${CN}\\d]+(?:[点.][${CN}\\d]+)?)`, 'g'), (m, n: string) => {
    const v = parseDecimal(n);
    return v === undefined ? m : `${v}%`;
  });
  s = s.replace(new RegExp(`([${CN}\\d]+)个亿`, 'g'), '$1亿');
  s = s.replace(/([〇零一二三四五六七八九]{4})(?=\s*年)/g, (m) => [...m].map((c) => DIGIT[c]).join(''));
  s = s.replace(new RegExp(`([${CN}\\d]+)比([${CN}\\d]+)`, 'g'), (m, a: string, b: string) => {
    const x = parseChineseNumber(a);
    const y = parseChineseNumber(b);
    return x === undefined || y === undefined ? m : `${x}:${y}`;
  });
  s = chineseAmountsToDigits(s);
  s = s.replace(/(\d+(?:\.\d+)?)\s*个百分点/g, '$1%');
  return englishFigures(s);
}

const EN_SCALE: Record<string, number> = { thousand: 0.1, k: 0.1, million: 100, m: 100, billion: 100000, bn: 100000, 万: 1, 亿: 10000 };

/** An English answer's figures: RMB 1 million = 100万元, 15 percent = 15%. */
function englishFigures(s: string): string {
  s = s.replace(/(\d+(?:\.\d+)?)\s*(?:percent|per cent)\b/gi, '$1%');
  const wan = (x: string, scale?: string) => `${Math.round(Number(x) * (scale ? EN_SCALE[scale.toLowerCase()] : 0.0001) * 1e6) / 1e6}万元`;
  s = s.replace(/(?:rmb|cny|¥)\s*(\d+(?:\.\d+)?)(?:\s*(thousand|million|billion|bn|k|m|万|亿)\b)?(?:\s*(?:yuan|rmb|元))?/gi, (_, x: string, sc?: string) => wan(x, sc));
  s = s.replace(/(\d+(?:\.\d+)?)\s*(thousand|million|billion)\b(?:\s*(?:yuan|rmb|cny))?/gi, (_, x: string, sc: string) => wan(x, sc));
  return s.replace(/(\d+(?:\.\d+)?)\s*(?:yuan|rmb|cny)\b/gi, '$1元');
}

const num = (x: number) => String(Math.round(x * 1e6) / 1e6);
const TO_WAN: Record<string, number> = { 万亿元: 1e8, 万亿: 1e8, 亿元: 1e4, 亿: 1e4, 万元: 1, 万: 1, 元: 1e-4 };
const UNIT_DISPLAY: Record<string, string> = { 万亿元: '万亿元', 万亿: '万亿元', 亿元: '亿元', 亿: '亿元', 万元: '万元', 万: '万元', 元: '元' };
const CLAUSE_NUM = `[一二三四五六七八九十百零〇\\d]+`;

interface Pattern {
  kind: FigureKind;
  re: RegExp;
  make(m: RegExpExecArray): Figure | undefined;
}

// Order matters: a span taken by an earlier pattern is not read again by a later one (第14条 is no count).
const PATTERNS: Pattern[] = [
  {
    kind: 'clause',
    re: new RegExp(`第\\s*[(（]?\\s*(${CLAUSE_NUM})\\s*[)）]?\\s*条|[(（]\\s*([一二三四五六七八九十百]+)\\s*[)）]`, 'g'),
    make: (m) => {
      const n = parseChineseNumber(m[1] ?? m[2]);
      return n === undefined ? undefined : { kind: 'clause', key: `clause:${n}`, display: `第（${intToChinese(n)}）条` };
    },
  },
  {
    kind: 'ratio',
    re: /(\d+(?:\.\d+)?)\s*:\s*(\d+(?:\.\d+)?)/g,
    make: (m) => ({ kind: 'ratio', key: `ratio:${num(+m[1])}:${num(+m[2])}`, display: `${num(+m[1])}:${num(+m[2])}` }),
  },
  {
    kind: 'percent',
    re: /(\d+(?:\.\d+)?)\s*%/g,
    make: (m) => ({ kind: 'percent', key: `percent:${num(+m[1])}`, display: `${num(+m[1])}%` }),
  },
  {
    kind: 'money',
    re: /(\d+(?:\.\d+)?)\s*(万亿元|万亿|亿元|亿|万元|万|元)/g,
    make: (m) => ({ kind: 'money', key: `money:${num(+m[1] * TO_WAN[m[2]])}`, display: `${num(+m[1])}${UNIT_DISPLAY[m[2]]}` }),
  },
  {
    kind: 'year',
    re: /((?:1[89]|2\d)\d{2})\s*(?:年|(?=[-/.]\d{1,2}[-/.]\d{1,2}))/g,
    make: (m) => ({ kind: 'year', key: `year:${m[1]}`, display: `${m[1]}年` }),
  },
  {
    kind: 'count',
    re: /(\d+(?:\.\d+)?)\s*(个月|家|个|项|位|名|次|倍|年|天|月|亩|人|批|条|所|座|户|种|类)/g,
    make: (m) => ({ kind: 'count', key: `count:${num(+m[1])}`, display: `${num(+m[1])}${m[2]}` }),
  },
  {
    // Any other number of two or more digits (前35, 1000000), dates aside: the evidence must have it somewhere.
    kind: 'count',
    re: /(?<![\d.\-/:])\d{2,}(?:\.\d+)?(?![\d.\-/:])/g,
    make: (m) => ({ kind: 'count', key: `count:${num(+m[0])}`, display: m[0] }),
  },
];

/** Every figure in the text, normalised, in the order the patterns find them. */
export function extractFigures(text: string): Figure[] {
  const s = normalizeFigures(text);
  const taken: [number, number][] = [];
  const out: Figure[] = [];
  for (const p of PATTERNS) {
    for (const m of s.matchAll(p.re)) {
      const start = m.index!;
      const end = start + m[0].length;
      if (taken.some(([a, b]) => start < b && end > a)) continue;
      const f = p.make(m as RegExpExecArray);
      if (!f) continue;
      taken.push([start, end]);
      out.push(f);
    }
  }
  return out;
}

/** Every number in the text (after normalisation): what backs a bare count such as 35名 or 3项. */
export function numbersIn(text: string): Set<string> {
  return new Set((normalizeFigures(text).match(/\d+(?:\.\d+)?/g) ?? []).map((x) => `count:${num(+x)}`));
}
