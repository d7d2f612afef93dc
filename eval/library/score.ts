// Scoring one answer against a library expectation: the right document and clause, every required figure and word,
// no excluded one, the departments asked for, a refusal where the library has nothing, and every figure grounded.
import type { Clause } from '../../src/corpus/types.js';
import type { KnowledgeBase } from '../../src/index/knowledge-base.js';
import { checkComputation } from '../../src/qa/arith.js';
import type { Answer } from '../../src/qa/types.js';
import type { Expect } from './sets.js';

const squash = (s: string) => s.normalize('NFKC').replace(/[\s\u3000]+/g, '').replace(/[“”"]/g, '"');
/** Figures compared as written, 元 optional after 万 (the seed writes both 300万 and 300万元). */
const figureNorm = (s: string) => squash(s).replace(/万元/g, '万');

/** The clauses an expectation names, found by their verbatim snippet inside the expected document. */
export function expectedClauses(kb: KnowledgeBase, docId: string, e: Expect): Clause[] {
  const doc = kb.document(docId);
  if (!doc) return [];
  const out: Clause[] = [];
  for (const [i, snippet] of (e.clauseText ?? []).entries()) {
    const s = squash(snippet);
    const hit = doc.clauses.find((c) => squash(`${c.title}${c.text}${c.deptNote}${c.row?.cells.join('') ?? ''}`).includes(s))
      ?? doc.clauses.find((c) => squash(c.cite) === squash(e.clauses?.[i] ?? '\u0000') || squash(c.label) === squash(e.clauses?.[i] ?? '\u0000'));
    if (hit) out.push(hit);
  }
  return out;
}

const AMOUNT = /\d+(?:\.\d+)?\s*(?:万亿元|亿元|万元|万|元|%)|\d+\s*:\s*\d+/g;
export const amountsIn = (text: string) => (text.match(AMOUNT) ?? []).map(figureNorm);
const NOT_STATED = /未写明|未规定|未涉及|没有写明|没有规定|未明确|未列明|未提及|没有提到|未作规定|未载明/;

function has(text: string, x: string): boolean {
  const t = figureNorm(text);
  const n = figureNorm(x);
  if (/^\d/.test(n)) return new RegExp(`(^|[^\\d.])${n.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`).test(t);
  return t.includes(n);
}

export interface LibraryScore {
  /** The first citation is the expected document. */
  doc?: boolean;
  top1?: boolean;
  /** Every expected clause is cited (department lookups list several). */
  allClauses?: boolean;
  facts?: boolean;
  mustSay?: boolean;
  departments?: boolean;
  refused?: boolean;
  notStated?: boolean;
  grounded: boolean;
  ok: boolean;
}

export function scoreLibrary(kb: KnowledgeBase, docId: string, category: string, e: Expect, a: Answer, question = ''): LibraryScore {
  const text = a.answer;
  const cited = a.citations;
  const want = expectedClauses(kb, docId, e);
  const s: LibraryScore = { grounded: true, ok: false };
  // Every figure in the answer is in a quote of its citations, or in a computation the answer shows.
  // A computation counts only when it checks out: right arithmetic, operands from the quotes or the question.
  const quoteText = cited.map((c) => c.quote).join('');
  const shown = (a.parts ?? []).filter((p) => p.computed && checkComputation(p.computed, quoteText, question)).map((p) => p.computation ?? '');
  const quotes = figureNorm(quoteText + shown.join(''));
  s.grounded = amountsIn(text).every((x) => quotes.includes(x));
  if (e.kind === 'out-of-scope') {
    s.refused = (a.intent === 'out_of_scope' || NOT_STATED.test(text.split('\n')[0])) && amountsIn(text).length === 0;
    s.ok = s.refused;
    return s;
  }
  if (e.kind === 'clarify') {
    s.ok = a.intent === 'clarify';
    return s;
  }
  if (e.kind === 'not-stated') s.notStated = NOT_STATED.test(text.split('\n').slice(0, 2).join(''));
  if (want.length && e.kind === 'answer') {
    s.doc = cited[0]?.docId === docId;
    s.top1 = cited[0]?.docId === want[0].docId && cited[0]?.number === want[0].number;
    if (category === 'dept-lookup' || want.length > 1) s.allClauses = want.every((w) => cited.some((c) => c.docId === w.docId && c.number === w.number));
  }
  if (e.facts?.length || e.mustNot?.length) s.facts = (e.facts ?? []).every((x) => has(text, x)) && !(e.mustNot ?? []).some((x) => has(text, x));
  if (e.mustSay?.length) s.mustSay = e.mustSay.every((x) => has(text, x));
  const ctx = kb.document(docId)?.deptContext;
  const key = (n: string) => kb.departments.resolve(n, ctx)?.key ?? n;
  const names = (xs: string[] | undefined) => new Set((xs ?? []).map(key));
  if (e.lead?.length || e.support?.length) {
    const lead = names(a.departments?.lead);
    const support = names(a.departments?.support);
    const inText = (n: string) => has(text, n) || has(text, kb.departments.resolve(n, ctx)?.name ?? n);
    const leadOk = (e.lead ?? []).every((n) => lead.has(key(n)) || (category === 'dept-lookup' || category === 'dept-yesno') && inText(n));
    const supportOk = (e.support ?? []).every((n) => support.has(key(n)) || inText(n));
    s.departments = leadOk && supportOk;
  }
  const parts = [s.top1, s.allClauses, s.facts, s.mustSay, s.departments, s.notStated, s.grounded];
  s.ok = parts.every((x) => x !== false);
  return s;
}
