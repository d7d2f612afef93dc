// The one Answer shape that flows out of the engine; every channel only formats it.
import type { Fact } from '../corpus/types.js';

export type Intent =
  | 'amount'
  | 'department'
  | 'clause'
  | 'overview'
  | 'search'
  | 'out_of_scope'
  | 'greeting'
  | 'clarify';

export interface Citation {
  docId: string;
  docTitle: string;
  /** Clause label, e.g. 十四. */
  clause: string;
  number: number;
  /** Clause heading phrase, e.g. 优化创新创业生态. */
  title: string;
  /** The sentence(s) of the clause that support the answer, verbatim. */
  quote: string;
}

export interface Answer {
  answer: string;
  intent: Intent;
  /** Most relevant first. */
  citations: Citation[];
  /** Structured facts the answer used. */
  facts: Fact[];
  /** Responsible departments when the answer names them. */
  departments?: { lead: string[]; support: string[] };
  sessionId?: string;
  generatedBy?: 'rules' | 'llm';
  /** Why an LLM draft was rejected, e.g. "unbacked: 1000万元". */
  guard?: string;
}

/** A prior turn a client passes instead of a server-side session (the OpenAI-compatible API does). */
export interface HistoryTurn {
  role: 'user' | 'assistant';
  content: string;
}

export interface AskOptions {
  sessionId?: string;
  history?: HistoryTurn[];
  /** Total time budget in ms for this request (LLM paths); the rules path ignores it. */
  deadlineMs?: number;
}

/**
 * Optional rewriting of a rules answer (the LLM path). It may rephrase, never add a figure: implementations
 * guard their output and return the rules answer when anything is unbacked, late or failed.
 */
export interface AnswerWriter {
  write(input: { question: string; rules: Answer; history?: HistoryTurn[]; deadlineMs: number }): Promise<Answer>;
  /**
   * Optional: an elliptical follow-up the rules could not place (out of scope, clarify) rewritten into a standalone
   * question, which the rules engine then answers; undefined when it cannot (late, failed, added a figure).
   */
  rewrite?(input: { question: string; previous: string[]; deadlineMs: number }): Promise<string | undefined>;
}

/** What channels call. */
export type AskFn = (question: string, opts?: AskOptions) => Promise<Answer>;
