// Scoring one answer against its expectation. Used by the eval runner and the threshold test.
import type { DepartmentRegistry } from '../src/corpus/departments.js';
import type { Answer } from '../src/qa/types.js';
import type { Expectation } from './dataset.js';

const AMOUNT = /\d+(?:\.\d+)?\s*(?:万亿元|亿元|万元|万|%)|\d+\s*:\s*\d+/g;

/** Amounts are compared as written, with 元 optional (the seed writes both 300万 and 300万元). */
const norm = (s: string) => s.replace(/\s+/g, '').replace(/万元/g, '万');

export function amountsIn(text: string): string[] {
  return (text.match(AMOUNT) ?? []).map(norm);
}

/** Every amount in the answer text appears in one of its citations' quotes. */
export function grounded(a: Answer): boolean {
  const quotes = norm(a.citations.map((c) => c.quote).join(''));
  return amountsIn(a.answer).every((x) => quotes.includes(x));
}

export function factsMatch(a: Answer, e: Expectation): boolean {
  const text = norm(a.answer);
  const has = (x: string) => {
    const n = norm(x);
    // "100万" must not match inside "1100万".
    return new RegExp(`(^|[^\\d.])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(text);
  };
  return e.facts.every(has) && !e.mustNot.some(has);
}

export function leadMatch(a: Answer, e: Expectation, registry: DepartmentRegistry): boolean {
  const key = (n: string) => registry.resolve(n)?.key ?? n;
  const got = new Set((a.departments?.lead ?? []).map(key));
  const want = new Set(e.lead.map(key));
  return got.size === want.size && [...want].every((k) => got.has(k));
}

export interface TurnScore {
  intent: boolean;
  top1: boolean | undefined;
  top3: boolean | undefined;
  facts: boolean | undefined;
  lead: boolean | undefined;
  grounded: boolean;
  ok: boolean;
}

export function scoreTurn(a: Answer, e: Expectation, registry: DepartmentRegistry): TurnScore {
  const cited = a.citations.map((c) => c.number);
  const oos = e.intent === 'out_of_scope';
  const top1 = e.clauses.length ? e.clauses.includes(cited[0]) : undefined;
  const top3 = e.clauses.length ? cited.slice(0, 3).some((n) => e.clauses.includes(n)) : undefined;
  const facts = e.facts.length || e.mustNot.length ? factsMatch(a, e) : oos ? amountsIn(a.answer).length === 0 : undefined;
  const lead = e.lead.length ? leadMatch(a, e, registry) : undefined;
  const g = grounded(a) && (!oos || amountsIn(a.answer).length === 0);
  const intent = a.intent === e.intent;
  return { intent, top1, top3, facts, lead, grounded: g, ok: intent && top1 !== false && facts !== false && lead !== false && g };
}
