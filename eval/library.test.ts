// The library eval as a test: questions written from the policy texts by people who never saw the code, asked of the
// seed plus the eight real documents of the development set. Gated on the dev sets at the scores this engine
// reaches (see the issue notes for before/after); the held-out sets are never tuned to, so they only have to run
// without a crash and stay grounded, with a floor that catches a collapse.
import { describe, expect, it } from 'vitest';
import { createRuntime } from '../src/runtime.js';
import { libraryKnowledgeBase } from './library/kb.js';
import { runLibrary, type LibraryReport } from './library/run.js';

const kb = await libraryKnowledgeBase();
const engine = createRuntime({ kb, cacheSize: 0 }).engine;
const why = (r: LibraryReport) => r.failures.slice(0, 40).map((f) => `${f.id} ${f.question} → ${f.answer}`).join('\n');

describe('library eval (development sets)', async () => {
  const planner = await runLibrary(kb, engine, 'planner', 'dev');
  const realdocs = await runLibrary(kb, engine, 'realdocs', 'dev');

  it('planner questions (compound, by department, yes/no, near misses, calculations, sanctions, English): ≥75% fully right', () => {
    expect(planner.overall.ok.rate, why(planner)).toBeGreaterThanOrEqual(0.75);
  });
  it('answers ≥80% of compound questions in full', () => {
    expect(planner.compound.rate, why(planner)).toBeGreaterThanOrEqual(0.8);
  });
  it('real-document questions: the right document first for ≥90%, ≥60% fully right', () => {
    expect(realdocs.overall.doc.rate, why(realdocs)).toBeGreaterThanOrEqual(0.9);
    expect(realdocs.overall.ok.rate, why(realdocs)).toBeGreaterThanOrEqual(0.6);
  });
  it('grounds every figure of every answer in a quote or a computation that checks out', () => {
    expect(planner.overall.grounded.rate).toBe(1);
    expect(realdocs.overall.grounded.rate).toBe(1);
  });
});

describe('library eval (held-out sets: run, grounded, no collapse)', async () => {
  const planner = await runLibrary(kb, engine, 'planner', 'holdout');
  const realdocs = await runLibrary(kb, engine, 'realdocs', 'holdout');
  it('answers every held-out question with every figure grounded', () => {
    expect(planner.overall.grounded.rate).toBe(1);
    expect(realdocs.overall.grounded.rate).toBe(1);
  });
  it('stays above the floor it reached (planner 55%, real documents 40% fully right)', () => {
    expect(planner.overall.ok.rate, why(planner)).toBeGreaterThanOrEqual(0.55);
    expect(realdocs.overall.ok.rate, why(realdocs)).toBeGreaterThanOrEqual(0.4);
  });
});
