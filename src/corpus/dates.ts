// Dates as documents write them (2018年11月16日, 2019年07月01日, 2021-03-01 10:43, 2026/8/3) → YYYY-MM-DD, and the
// arithmetic validity needs (有效期5年 from 2019-07-01 ends 2024-06-30).
import { parseChineseNumber } from '../text/numerals.js';

const DATE = /(\d{4}|[一二三四五六七八九〇零]{4})\s*[年\-/.]\s*(\d{1,2}|[一二三四五六七八九十]{1,2})\s*[月\-/.]\s*(\d{1,2}|[一二三四五六七八九十]{1,3})\s*日?/;

const pad = (n: number) => String(n).padStart(2, '0');

/** The first date in `s` as YYYY-MM-DD, or undefined. */
export function normDate(s: string | undefined): string | undefined {
  if (!s) return undefined;
  const m = s.match(DATE);
  if (!m) return undefined;
  const [y, mo, d] = [m[1], m[2], m[3]].map((x) => parseChineseNumber(x));
  if (!y || !mo || !d || mo > 12 || d > 31) return undefined;
  return `${y}-${pad(mo)}-${pad(d)}`;
}

/** Every date written in `s`, in order. */
export function datesIn(s: string): string[] {
  const out: string[] = [];
  const re = new RegExp(DATE.source, 'g');
  for (const m of s.matchAll(re)) {
    const d = normDate(m[0]);
    if (d) out.push(d);
  }
  return out;
}

/** The last day of a term of `years` that starts on `start` (YYYY-MM-DD): 2019-07-01 + 5 years → 2024-06-30. */
export function endOfTerm(start: string, years: number): string {
  const [y, m, d] = start.split('-').map(Number);
  const end = new Date(Date.UTC(y + years, m - 1, d));
  end.setUTCDate(end.getUTCDate() - 1);
  return end.toISOString().slice(0, 10);
}

export const DATE_PATTERN = DATE;
