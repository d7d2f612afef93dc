// The library eval sets (eval/sets/*.jsonl): questions and dialogs written from the policy texts alone, by people who
// never saw the code, over the seed and the real documents in src/corpus/fixtures/realdocs. Format: eval/sets/FORMAT.md.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface Expect {
  kind: 'answer' | 'not-stated' | 'out-of-scope' | 'clarify';
  clauses?: string[];
  clauseText?: string[];
  facts?: string[];
  mustNot?: string[];
  lead?: string[];
  support?: string[];
  mustSay?: string[];
  parts?: number;
}

export interface LibraryQuestion {
  id: string;
  doc: string;
  category: string;
  tags?: string[];
  question: string;
  expect: Expect;
}

export interface LibraryDialog {
  id: string;
  doc: string;
  turns: { q: string; expect: Expect }[];
}

const DIR = fileURLToPath(new URL('../sets/', import.meta.url));
const jsonl = <T>(file: string): T[] => readFileSync(join(DIR, file), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);

/** planner: compound, department lookups, yes/no, near misses, calculations, sanctions, English; realdocs: per document. */
export type LibrarySet = 'planner' | 'realdocs';
export const loadLibraryQuestions = (set: LibrarySet, split: 'dev' | 'holdout') => jsonl<LibraryQuestion>(`${set}-${split}.jsonl`);
export const loadLibraryDialogs = (set: LibrarySet, split: 'dev' | 'holdout') => jsonl<LibraryDialog>(`${set}-dialogs-${split}.jsonl`);
