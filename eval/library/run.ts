// Runs the library sets through an engine and aggregates per category: document and clause found first, required
// facts, departments, refusals, grounding; compound questions fully answered; dialog turns.
import type { KnowledgeBase } from '../../src/index/knowledge-base.js';
import type { Focus } from '../../src/qa/context.js';
import type { Engine } from '../../src/qa/engine.js';
import type { Answer } from '../../src/qa/types.js';
import { scoreLibrary, type LibraryScore } from './score.js';
import { loadLibraryDialogs, loadLibraryQuestions, type LibrarySet } from './sets.js';

export interface Rate {
  n: number;
  hit: number;
  rate: number;
}
const rate = (xs: (boolean | undefined)[]): Rate => {
  const ys = xs.filter((x): x is boolean => x !== undefined);
  const hit = ys.filter(Boolean).length;
  return { n: ys.length, hit, rate: ys.length ? hit / ys.length : 1 };
};

export interface LibrarySummary {
  ok: Rate;
  doc: Rate;
  top1: Rate;
  facts: Rate;
  departments: Rate;
  refused: Rate;
  notStated: Rate;
  grounded: Rate;
}
const summarize = (xs: LibraryScore[]): LibrarySummary => ({
  ok: rate(xs.map((x) => x.ok)),
  doc: rate(xs.map((x) => x.doc)),
  top1: rate(xs.map((x) => x.top1)),
  facts: rate(xs.map((x) => x.facts)),
  departments: rate(xs.map((x) => x.departments)),
  refused: rate(xs.map((x) => x.refused)),
  notStated: rate(xs.map((x) => x.notStated)),
  grounded: rate(xs.map((x) => x.grounded)),
});

export interface LibraryReport {
  set: string;
  overall: LibrarySummary;
  byCategory: Record<string, LibrarySummary>;
  /** Compound questions with every part right. */
  compound: Rate;
  dialogs: Rate;
  failures: { id: string; question: string; category: string; score: LibraryScore; answer: string; cited: string }[];
}

export async function runLibrary(kb: KnowledgeBase, engine: Engine, set: LibrarySet, split: 'dev' | 'holdout'): Promise<LibraryReport> {
  const rows: { id: string; category: string; question: string; s: LibraryScore; a: Answer }[] = [];
  for (const q of loadLibraryQuestions(set, split)) {
    const { answer } = await engine.ask(q.question);
    rows.push({ id: q.id, category: q.category, question: q.question, s: scoreLibrary(kb, q.doc, q.category, q.expect, answer, q.question), a: answer });
  }
  const turns: { id: string; question: string; s: LibraryScore; a: Answer }[] = [];
  for (const d of loadLibraryDialogs(set, split)) {
    let focus: Focus | undefined;
    for (const [i, t] of d.turns.entries()) {
      const r = await engine.ask(t.q, focus);
      focus = r.focus;
      turns.push({ id: `${d.id}#${i + 1}`, question: t.q, s: scoreLibrary(kb, d.doc, 'dialog', t.expect, r.answer, t.q), a: r.answer });
    }
  }
  const byCategory: Record<string, LibrarySummary> = {};
  for (const c of [...new Set(rows.map((r) => r.category))]) byCategory[c] = summarize(rows.filter((r) => r.category === c).map((r) => r.s));
  const cite = (a: Answer) => a.citations.slice(0, 3).map((c) => `${c.docId.slice(0, 12)}#${c.number}`).join(',');
  return {
    set: `${set}-${split}`,
    overall: summarize(rows.map((r) => r.s)),
    byCategory,
    compound: rate(rows.filter((r) => r.category === 'compound').map((r) => r.s.ok)),
    dialogs: rate(turns.map((t) => t.s.ok)),
    failures: [...rows, ...turns.map((t) => ({ ...t, category: 'dialog' }))]
      .filter((r) => !r.s.ok)
      .map((r) => ({ id: r.id, question: r.question, category: r.category, score: r.s, answer: r.a.answer.replace(/\n/g, ' / ').slice(0, 220), cited: cite(r.a) })),
  };
}

const f = (r: Rate) => (r.n ? `${(r.rate * 100).toFixed(1)}% (${r.hit}/${r.n})` : '—');
const COLS: [string, keyof LibrarySummary][] = [['all right', 'ok'], ['document', 'doc'], ['top-1 clause', 'top1'], ['facts', 'facts'], ['departments', 'departments'], ['refused', 'refused'], ['not stated said', 'notStated'], ['grounded', 'grounded']];

export function formatLibraryReport(r: LibraryReport, failures = true): string {
  const row = (name: string, s: LibrarySummary) => `| ${name} | ${COLS.map(([, k]) => f(s[k])).join(' | ')} |`;
  const lines = [`library set: ${r.set}`, '', `| category | ${COLS.map(([n]) => n).join(' | ')} |`, `|---|${COLS.map(() => '---').join('|')}|`];
  for (const [c, s] of Object.entries(r.byCategory)) lines.push(row(c, s));
  lines.push(row('**all**', r.overall), '', `compound questions fully answered: ${f(r.compound)}`, `dialog turns right: ${f(r.dialogs)}`);
  if (failures && r.failures.length) {
    lines.push('', `failures (${r.failures.length}):`);
    for (const x of r.failures) lines.push(`- ${x.id} [${x.category}] ${x.question} → [${x.cited}] ${JSON.stringify(x.score)} :: ${x.answer}`);
  }
  return lines.join('\n');
}
