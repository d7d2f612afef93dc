// The benefit finder's eval (eval/sets/profiles-*.jsonl): profiles written from the policy texts alone, each with the
// items that apply and the tempting items that do not. An item is its document, clause and amount; a computed
// amount counts by its result. Precision and recall are of items shown as eligible; a tempting item shown as
// eligible is a violation.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KnowledgeBase } from '../src/index/knowledge-base.js';
import type { MatchResult } from '../src/match/match.js';
import { parseQuantity } from '../src/qa/arith.js';
import { chineseAmountsToDigits } from '../src/text/numerals.js';
import { expectedClauses } from './library/score.js';

export interface ProfileItem {
  clauses: string[];
  clauseText: string[];
  amount: string;
  why?: string;
}

export interface ProfileCase {
  id: string;
  doc: string;
  profile: string;
  structured?: Record<string, unknown>;
  eligible: ProfileItem[];
  notEligible: ProfileItem[];
}

export const loadProfiles = (split: 'dev' | 'fresh' | 'holdout' | 'docs2'): ProfileCase[] =>
  readFileSync(fileURLToPath(new URL(`./sets/profiles-${split}.jsonl`, import.meta.url)), 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ProfileCase);

/** Amounts compared by value and kind (2万元 = 20000元, 300万 = 300万元), else as written. */
export function sameAmount(a: string, b: string): boolean {
  // An expected amount may carry its working in brackets (16万元（800亩×200元/亩）) and say how it recurs or bounds
  // (每月400元, 不低于20%): the item is its figure.
  const norm = (s: string) =>
    chineseAmountsToDigits(s)
      .replace(/\s+/g, '')
      .replace(/[（(][^）)]*[）)]$/, '')
      .replace(/^(?:最高|不超过|不高于|不低于|不少于|每人每月|每人每年|每年每个|每年|每月|每人|每户|每个|每次)+/, '');
  const x = norm(a);
  const y = norm(b);
  if (x === y) return true;
  if (/\//.test(x) || /\//.test(y)) return x.replace(/万元/g, '万') === y.replace(/万元/g, '万');
  const p = parseQuantity(x);
  const q = parseQuantity(y);
  return !!p && !!q && p.unit === q.unit && Math.abs(p.value - q.value) < 1e-6;
}

export interface ProfileScore {
  id: string;
  tp: number;
  fp: number;
  fn: number;
  violations: number;
  shown: string[];
  missed: string[];
  wrong: string[];
}

export function scoreProfile(kb: KnowledgeBase, c: ProfileCase, r: MatchResult): ProfileScore {
  const eligible = r.items.filter((i) => i.status === 'eligible');
  const hits = (item: ProfileItem) => {
    const want = expectedClauses(kb, c.doc, { kind: 'answer', ...item });
    return eligible.filter((i) => i.docId === c.doc && want.some((w) => w.number === i.number) && (sameAmount(i.amount, item.amount) || (!i.computed && sameAmount(i.display, item.amount))));
  };
  const used = new Set<(typeof eligible)[number]>();
  const missed: string[] = [];
  for (const e of c.eligible) {
    const h = hits(e).find((x) => !used.has(x));
    if (h) used.add(h);
    else missed.push(`${e.clauses[0]} ${e.amount}`);
  }
  const wrong = c.notEligible.filter((n) => hits(n).some((h) => !used.has(h))).map((n) => `${n.clauses[0]} ${n.amount}`);
  const extra = eligible.filter((i) => !used.has(i));
  return {
    id: c.id,
    tp: used.size,
    fp: extra.length,
    fn: missed.length,
    violations: wrong.length,
    shown: eligible.map((i) => `${i.docId === c.doc ? '' : `${i.docId}:`}${i.clause} ${i.amount}`),
    missed,
    wrong,
  };
}

export function summarise(scores: ProfileScore[]) {
  const tp = scores.reduce((n, s) => n + s.tp, 0);
  const fp = scores.reduce((n, s) => n + s.fp, 0);
  const fn = scores.reduce((n, s) => n + s.fn, 0);
  return {
    profiles: scores.length,
    precision: tp + fp ? tp / (tp + fp) : 1,
    recall: tp + fn ? tp / (tp + fn) : 1,
    violations: scores.reduce((n, s) => n + s.violations, 0),
  };
}
