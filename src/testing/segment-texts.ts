// Every text the parity tests segment: each eval question (as asked, normalised, and as the engine prepares it),
// and every clause title, body, sentence and chunk of the corpus.
import { loadDialogs, loadQuestions } from '../../eval/dataset.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { createPreparer } from '../qa/prepare.js';
import { normalizeQuestion } from '../text/normalize.js';

export function evalQuestions(): string[] {
  const out: string[] = [];
  for (const set of ['main', 'holdout'] as const) {
    for (const q of loadQuestions(set)) out.push(q.question);
    for (const d of loadDialogs(set)) for (const t of d.turns) out.push(t.q);
  }
  return out;
}

export function parityTexts(kb: KnowledgeBase): { questions: string[]; corpus: string[] } {
  const prepare = createPreparer(kb);
  const asked = evalQuestions();
  const questions = [...new Set([...asked, ...asked.map(normalizeQuestion), ...asked.map(prepare)])];
  const corpus = [...new Set([...kb.clauses.flatMap((c) => [c.title, c.text, c.deptNote, ...c.sentences]), ...kb.chunks.map((c) => c.text)])];
  return { questions, corpus };
}

/** The eval sets as the answer-parity tests ask them. */
export function evalInput(): { questions: string[]; dialogs: string[][] } {
  const questions: string[] = [];
  const dialogs: string[][] = [];
  for (const set of ['main', 'holdout'] as const) {
    for (const q of loadQuestions(set)) questions.push(q.question);
    for (const d of loadDialogs(set)) dialogs.push(d.turns.map((t) => t.q));
  }
  return { questions, dialogs };
}
