// Runs the eval sets through the engine (and the baseline) and aggregates the metrics per category.
import type { KnowledgeBase } from '../src/index/knowledge-base.js';
import type { Focus } from '../src/qa/context.js';
import type { Engine } from '../src/qa/engine.js';
import type { Answer } from '../src/qa/types.js';
import { createBaseline } from './baseline.js';
import { loadDialogs, loadQuestions, type EvalQuestion } from './dataset.js';
import { scoreTurn, type TurnScore } from './metrics.js';

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

export interface Summary {
  top1: Rate;
  top3: Rate;
  facts: Rate;
  lead: Rate;
  intent: Rate;
  grounded: Rate;
  oosPrecision: Rate;
  oosRecall: Rate;
}

export interface EvalReport {
  overall: Summary;
  byCategory: Record<string, Summary>;
  baseline: Summary;
  dialogs: { turns: Rate; byTurn: Rate[]; failures: string[] };
  latencyMs: { mean: number; p50: number; p99: number; max: number };
  failures: { id: string; question: string; answer: Answer; score: TurnScore; expected: EvalQuestion }[];
}

function summarize(rows: { q: EvalQuestion; a: Answer; s: TurnScore }[]): Summary {
  const predicted = rows.filter((r) => r.a.intent === 'out_of_scope');
  const actual = rows.filter((r) => r.q.intent === 'out_of_scope');
  return {
    top1: rate(rows.map((r) => r.s.top1)),
    top3: rate(rows.map((r) => r.s.top3)),
    facts: rate(rows.map((r) => r.s.facts)),
    lead: rate(rows.map((r) => r.s.lead)),
    intent: rate(rows.map((r) => r.s.intent)),
    grounded: rate(rows.map((r) => r.s.grounded)),
    oosPrecision: rate(predicted.map((r) => r.q.intent === 'out_of_scope')),
    oosRecall: rate(actual.map((r) => r.a.intent === 'out_of_scope')),
  };
}

const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};

export async function runEval(kb: KnowledgeBase, engine: Engine, sourceText: string, set: 'main' | 'holdout' = 'main'): Promise<EvalReport> {
  const questions = loadQuestions(set);
  const rows: { q: EvalQuestion; a: Answer; s: TurnScore }[] = [];
  const times: number[] = [];
  for (const q of questions) {
    const t0 = performance.now();
    const { answer } = await engine.ask(q.question);
    times.push(performance.now() - t0);
    rows.push({ q, a: answer, s: scoreTurn(answer, q, kb.departments) });
  }
  const byCategory: Record<string, Summary> = {};
  for (const cat of [...new Set(questions.map((q) => q.category))]) byCategory[cat] = summarize(rows.filter((r) => r.q.category === cat));

  const baseline = await createBaseline(kb, sourceText);
  const baseRows = [];
  for (const q of questions) {
    const a = await baseline(q.question);
    baseRows.push({ q, a, s: scoreTurn(a, q, kb.departments) });
  }

  const turnOk: boolean[] = [];
  const byTurn: boolean[][] = [];
  const dialogFailures: string[] = [];
  for (const d of loadDialogs(set)) {
    let focus: Focus | undefined;
    for (const [i, t] of d.turns.entries()) {
      const r = await engine.ask(t.q, focus);
      focus = r.focus;
      const s = scoreTurn(r.answer, t, kb.departments);
      turnOk.push(s.ok);
      (byTurn[i] ??= []).push(s.ok);
      if (!s.ok) dialogFailures.push(`${d.id}#${i + 1} ${t.q} → ${r.answer.intent} ${r.answer.citations[0]?.number ?? '-'} ${JSON.stringify(s)} | ${r.answer.answer.replace(/\n/g, ' ').slice(0, 120)}`);
    }
  }

  return {
    overall: summarize(rows),
    byCategory,
    baseline: summarize(baseRows),
    dialogs: { turns: rate(turnOk), byTurn: byTurn.map(rate), failures: dialogFailures },
    latencyMs: { mean: times.reduce((a, b) => a + b, 0) / times.length, p50: pct(times, 50), p99: pct(times, 99), max: Math.max(...times) },
    failures: rows.filter((r) => !r.s.ok).map((r) => ({ id: r.q.id, question: r.q.question, answer: r.a, score: r.s, expected: r.q })),
  };
}
