// The parts of an answer the Node/Worker parity tests compare, and a runner that asks every eval question and
// every dialog (turns in one session) through any ask function. Runtime-agnostic: the workerd tests use it too.
import type { Answer } from '../qa/types.js';

export interface AnswerDigest {
  intent: string;
  citation?: { docId: string; number: number; quote: string };
  facts: string[];
  answer: string;
}

export const digest = (a: Pick<Answer, 'intent' | 'citations' | 'facts' | 'answer'>): AnswerDigest => ({
  intent: a.intent,
  citation: a.citations[0] && { docId: a.citations[0].docId, number: a.citations[0].number, quote: a.citations[0].quote },
  facts: a.facts.map((f) => `${f.display} ${'subject' in f ? f.subject : ''}`.trim()),
  answer: a.answer,
});

/** Single questions and dialogs (each a list of turns asked in one session). */
export interface EvalInput {
  questions: string[];
  dialogs: string[][];
}

export type AskLike = (question: string, sessionId?: string) => Promise<{ digest: AnswerDigest; sessionId?: string }>;

/** Questions and dialogs are independent, so up to `concurrency` run at once (turns of a dialog in order). */
export async function askAll(input: EvalInput, ask: AskLike, concurrency = 1): Promise<{ questions: AnswerDigest[]; dialogs: AnswerDigest[][] }> {
  const questions = await mapLimit(input.questions, concurrency, async (q) => (await ask(q)).digest);
  const dialogs = await mapLimit(input.dialogs, concurrency, async (turns) => {
    let sessionId: string | undefined;
    const out: AnswerDigest[] = [];
    for (const t of turns) {
      const r = await ask(t, sessionId);
      sessionId = r.sessionId;
      out.push(r.digest);
    }
    return out;
  });
  return { questions, dialogs };
}

async function mapLimit<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const run = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, run));
  return out;
}
