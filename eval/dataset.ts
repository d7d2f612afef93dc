// The eval question sets: single questions and multi-turn dialogs, with what each answer must contain.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Expectation {
  intent: string;
  clauses: number[];
  facts: string[];
  mustNot: string[];
  lead: string[];
}

export interface EvalQuestion extends Expectation {
  id: string;
  category: string;
  tags: string[];
  question: string;
}

export interface EvalDialog {
  id: string;
  turns: (Expectation & { q: string })[];
}

const dir = fileURLToPath(new URL('.', import.meta.url));
const readJsonl = <T>(file: string): T[] =>
  readFileSync(join(dir, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** The main sets, or the held-out sets (written separately, never used to tune the engine). */
export const loadQuestions = (set: 'main' | 'holdout' = 'main') => readJsonl<EvalQuestion>(set === 'main' ? 'questions.jsonl' : 'holdout.jsonl');
export const loadDialogs = (set: 'main' | 'holdout' = 'main') => readJsonl<EvalDialog>(set === 'main' ? 'dialogs.jsonl' : 'holdout-dialogs.jsonl');
