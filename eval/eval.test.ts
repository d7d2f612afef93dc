// The eval as a test: the thresholds of the answer-quality bar. Fails when a change makes answers worse.
import { blocksToText } from '../src/corpus/blocks.js';
import { describe, expect, it } from 'vitest';
import { seedKnowledgeBase, sources } from '../src/testing/fixtures.js';
import { runEval, type EvalReport } from './harness.js';
import { createRuntime } from '../src/runtime.js';

describe('eval thresholds', async () => {
  const kb = seedKnowledgeBase();
  const report: EvalReport = await runEval(kb, createRuntime({ kb }).engine, sources.map((s) => blocksToText(s.blocks)).join('\n\n'));
  const failures = report.failures.map((f) => `${f.id} ${f.question} → ${f.answer.intent} ${JSON.stringify(f.score)}`);

  it('ranks the expected clause first for ≥95% of questions', () => {
    expect(report.overall.top1.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('gets every required figure right and no excluded one (100%)', () => {
    expect(report.overall.facts.rate, failures.join('\n')).toBe(1);
  });
  it('grounds every amount of every answer in a citation quote (100%)', () => {
    expect(report.overall.grounded.rate, failures.join('\n')).toBe(1);
  });
  it('detects out-of-scope questions with ≥95% precision and recall', () => {
    expect(report.overall.oosPrecision.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
    expect(report.overall.oosRecall.rate, failures.join('\n')).toBeGreaterThanOrEqual(0.95);
  });
  it('names the exact lead departments for every department question', () => {
    expect(report.overall.lead.rate, failures.join('\n')).toBe(1);
  });
  it('answers every dialog turn right (100%)', () => {
    expect(report.dialogs.turns.rate, report.dialogs.failures.join('\n')).toBe(1);
  });
  it('beats the naive splitter + vector baseline on top-1 clause by a wide margin', () => {
    expect(report.overall.top1.rate - report.baseline.top1.rate).toBeGreaterThan(0.3);
  });
});
