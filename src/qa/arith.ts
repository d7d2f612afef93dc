// Computations an answer shows: figures written as the documents write them (1000万元, 200元, 50%, 1:1, 12),
// steps in one small grammar ("800万元 + 700万元 = 1500万元", "1500万元 × 1:1 = 1500万元",
// "min(1500万元, 1000万元) = 1000万元", "50 − 38 = 12"), and a check that re-does every step and finds every
// operand in the clause's quote, in the user's own question or in an earlier step. The grounding guard and the
// eval accept a computed figure only when this check passes.

import { chineseAmountsToDigits } from '../text/numerals.js';

export interface Computation {
  /** The rule as the clause writes it. */
  rule: string;
  /** The user's own figures, as the question writes them. */
  inputs: string[];
  steps: string[];
  /** The figure the computation arrives at, as shown (1000万元). */
  result: string;
}

export type Quantity = { value: number; unit: 'yuan' | 'percent' | 'ratio' | 'count' };

const FIGURE = /^(\d+(?:\.\d+)?)\s*(亿元|万元|万|元|%)?$|^(\d+(?:\.\d+)?)\s*[:：]\s*(\d+(?:\.\d+)?)$/;

/** "1000万元" → 1e7 yuan; "50%" → 0.5; "1:1" → 1; "12" → 12. */
export function parseQuantity(s: string): Quantity | undefined {
  const m = s.trim().replace(/\/[\u4e00-\u9fa5]+$/, '').match(FIGURE);
  if (!m) return undefined;
  if (m[3] !== undefined) return { value: Number(m[3]) ? Number(m[4]) / Number(m[3]) : 0, unit: 'ratio' };
  const n = Number(m[1]);
  switch (m[2]) {
    case '亿元': return { value: n * 1e8, unit: 'yuan' };
    case '万元': case '万': return { value: n * 1e4, unit: 'yuan' };
    case '元': return { value: n, unit: 'yuan' };
    case '%': return { value: n / 100, unit: 'percent' };
    default: return { value: n, unit: 'count' };
  }
}

/** Yuan shown in the unit the rule writes (万元 when it writes 万元 and the figure is whole in 万). */
export function showYuan(value: number, like?: string): string {
  const wan = value / 1e4;
  if (like && /万/.test(like) && Number.isInteger(Math.round(wan * 100) / 100) && wan >= 1) return `${+wan.toFixed(2)}万元`;
  if (!like && value >= 1e4 && Number.isInteger(wan)) return `${wan}万元`;
  return `${+value.toFixed(2)}元`;
}

const near = (a: number, b: number) => Math.abs(a - b) <= 1e-6 * Math.max(1, Math.abs(a), Math.abs(b));

/** The value of a step's left side, or undefined when it is not in the grammar. */
function evaluate(lhs: string): number | undefined {
  const min = lhs.match(/^min\((.+)\)$/);
  if (min) {
    const xs = min[1].split(/\s*,\s*/).map((x) => parseQuantity(x)?.value);
    return xs.every((x) => x !== undefined) ? Math.min(...(xs as number[])) : undefined;
  }
  // floor(a ÷ b): how many whole steps a quantity holds (每满一万人奖励一万元).
  const floor = lhs.match(/^floor\((.+)\)$/);
  if (floor) {
    const v = evaluate(floor[1]);
    return v === undefined ? undefined : Math.floor(v + 1e-9);
  }
  const tokens = lhs.split(/\s+([+×−÷])\s+/);
  let acc = parseQuantity(tokens[0]);
  if (!acc) return undefined;
  let value = acc.value;
  for (let i = 1; i < tokens.length; i += 2) {
    acc = parseQuantity(tokens[i + 1]);
    if (!acc) return undefined;
    if (tokens[i] === '+') value += acc.value;
    else if (tokens[i] === '−') value -= acc.value;
    else if (tokens[i] === '÷') {
      if (!acc.value) return undefined;
      value /= acc.value;
    }
    else value *= acc.value;
  }
  return value;
}

/** The operands of a step, as written. */
const operands = (lhs: string) => lhs.replace(/^(?:min|floor)\((.+)\)$/, '$1').split(/\s*(?:,|\s[+×−÷]\s)\s*/).map((s) => s.trim()).filter(Boolean);

const squash = (s: string) => s.replace(/\s+/g, '').replace(/万元/g, '万').replace(/：/g, ':');

/**
 * Whether a computation holds: each step's arithmetic is right, and each operand is in the rule's quote, in the
 * user's question, or the result of an earlier step; the result is the last step's.
 */
export function checkComputation(c: Computation, quote: string, question: string): boolean {
  const known = new Set<string>();
  // The rule may write its figures in words (每满一万人奖励一万元): they are the same figures.
  const sources = squash(chineseAmountsToDigits(`${quote}${c.rule}`));
  // The user may write counts in words (两个): they are the same inputs.
  const asked = squash(chineseAmountsToDigits(question));
  let last: string | undefined;
  for (const step of c.steps) {
    const [lhs, rhs] = step.split(/\s*=\s*/);
    if (!lhs || !rhs) return false;
    const v = evaluate(lhs);
    const r = parseQuantity(rhs);
    if (v === undefined || !r || !near(v, r.value)) return false;
    for (const o of operands(lhs)) {
      const s = squash(o);
      const bare = s.replace(/万$|元$/, '');
      if (!known.has(s) && !sources.includes(s) && !asked.includes(s) && !(/^\d+$/.test(s) && (asked.includes(bare) || sources.includes(bare)))) return false;
    }
    known.add(squash(rhs));
    last = rhs;
  }
  return last !== undefined && squash(last) === squash(c.result);
}

/** The computation as the answer writes it: rule, inputs, steps, result. */
export function formatComputation(c: Computation): string {
  const steps = c.steps.map((x) => x.replace(/floor\((.+?)\)/g, '$1（取整）'));
  return `计算（按本条规定和您提供的数字）：${steps.join('；')}。依据：“${c.rule.replace(/。$/, '')}”。`;
}
