// The evidence behind a rules answer: the cited clauses in full (from the knowledge base), the citations'
// quotes, the fact rows and the rules answer itself. The model sees exactly this; the guard checks against it.
import type { Clause, Fact, PolicyDocument } from '../corpus/types.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { clauseRef, sourceLine } from '../qa/citation.js';
import type { Answer } from '../qa/types.js';
import { checkComputation } from '../qa/arith.js';
import { extractFigures, numbersIn } from './figures.js';
import { scanDepartments } from './departments.js';

export interface EvidenceClause {
  doc: PolicyDocument;
  clause: Clause;
  /** The citation's quote: the sentences the rules answer rests on. */
  quote: string;
  /** Whether the prompt shows the full clause text (the first few clauses) or the quote only. */
  full: boolean;
}

export interface Evidence {
  clauses: EvidenceClause[];
  facts: Fact[];
  /** The rules answer: deterministic, every figure from the fact tables. */
  draft: string;
  /** The line every answer ends with: 来源：《…》第（十四）条「…」. */
  source: string;
  /** Everything above as one text (what "appears in the evidence" means). */
  text: string;
  /** Figure keys found in the evidence (money:100, percent:15, clause:14 …) and every bare number as count:N. */
  figures: Set<string>;
  /** Figure keys of the rules answer alone: an amount answer may only restate these amounts. */
  draftFigures: Set<string>;
  /** Canonical keys of the departments the cited clauses list (lead or support) or their text names. */
  departments: Set<string>;
  /** Canonical keys of the cited clauses' lead departments. */
  leads: Set<string>;
  /** Document titles the evidence names. */
  titles: Set<string>;
}

/** Full clause text for this many clauses; the rest (a department's 24 clauses) by quote and department note. */
const FULL_CLAUSES = 6;

export function sourceLineOf(rules: Answer): string {
  const own = rules.answer.split('\n').find((l) => l.startsWith('来源：'));
  if (own) return own;
  const seen = new Set<string>();
  const parts: string[] = [];
  for (const c of rules.citations) {
    const k = `${c.docId}#${c.number}`;
    if (seen.has(k)) continue;
    seen.add(k);
    parts.push(sourceLine(c));
  }
  return parts.length ? `来源：${parts.slice(0, 3).join('；')}` : '';
}

/** `question`: the user's words, against which a computed figure's inputs are checked. */
export function buildEvidence(kb: KnowledgeBase, rules: Answer, question = ''): Evidence {
  const clauses: EvidenceClause[] = [];
  for (const c of rules.citations) {
    const clause = kb.clause(c.docId, c.number);
    const doc = kb.document(c.docId);
    if (!clause || !doc) continue;
    const have = clauses.find((e) => e.clause === clause);
    if (have) have.quote += c.quote;
    else clauses.push({ doc, clause, quote: c.quote, full: clauses.length < FULL_CLAUSES });
  }
  const source = sourceLineOf(rules);
  const text = [
    ...clauses.flatMap((e) => [
      `《${e.doc.title}》`,
      e.doc.published ?? '',
      `${clauseRef(e.clause.cite)}「${e.clause.title}」`,
      e.full ? e.clause.text : '',
      e.quote,
      e.clause.deptNote,
    ]),
    ...rules.facts.flatMap((f) => [f.subject, f.sentence, f.display]),
    ...(rules.departments ? [...rules.departments.lead, ...rules.departments.support] : []),
    rules.answer,
    source,
  ].join('\n');

  const figures = new Set([...extractFigures(text).map((f) => f.key), ...numbersIn(text)]);
  for (const e of clauses) figures.add(`clause:${e.clause.number}`);
  const draftFigures = new Set(extractFigures(rules.answer).map((f) => f.key));
  // A computed figure backs a model's text only while its computation checks out against the quotes and the
  // user's own numbers; otherwise neither the result nor its steps count as evidence.
  const quotes = clauses.map((e) => `${e.clause.text}${e.quote}`).join('');
  for (const p of rules.parts ?? []) {
    if (!p.computed || checkComputation(p.computed, quotes, question)) continue;
    for (const f of extractFigures(p.computation ?? p.computed.steps.join('；'))) {
      if (!extractFigures(quotes).some((q) => q.key === f.key)) (figures.delete(f.key), draftFigures.delete(f.key));
    }
  }

  const departments = new Set<string>();
  const leads = new Set<string>();
  for (const { clause } of clauses) {
    for (const d of clause.lead) (departments.add(d.key), leads.add(d.key));
    for (const d of clause.support) departments.add(d.key);
  }
  const ctx = clauses[0]?.doc.deptContext;
  for (const name of [...(rules.departments?.lead ?? []), ...(rules.departments?.support ?? [])]) {
    const key = kb.departments.resolve(name, ctx)?.key;
    if (key) departments.add(key);
  }
  for (const name of rules.departments?.lead ?? []) {
    const key = kb.departments.resolve(name, ctx)?.key;
    if (key) leads.add(key);
  }
  for (const m of scanDepartments(text, kb.departments, ctx)) if (m.key) departments.add(m.key);

  const titles = new Set([...clauses.map((e) => e.doc.title), ...[...text.matchAll(/《([^》]+)》/g)].map((m) => m[1])].map(compact));
  return { clauses, facts: rules.facts, draft: rules.answer, source, text, figures, draftFigures, departments, leads, titles };
}

export const compact = (s: string) => s.replace(/\s+/g, '');
