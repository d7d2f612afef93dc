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

/** One part of an answer: what one ask of the question got (a compound question gets one part per ask). */
import type { Computation } from './arith.js';

export interface AnswerPart {
  /** The attribute asked (amount, lead, support, text, deadline …). */
  attribute: string;
  /** The line(s) of the answer this part wrote. */
  text: string;
  /** Whether the document states what was asked; false gives "本政策未写明…". */
  stated: boolean;
  /** A figure computed from the user's own numbers, as the answer shows it: the steps and the rule quoted. */
  computation?: string;
  /** The same computation, structured, for checking (src/qa/arith.ts checkComputation). */
  computed?: Computation;
}

export interface Answer {
  answer: string;
  /** What each ask of the question got, in order (absent for greetings and refusals). */
  parts?: AnswerPart[];
  intent: Intent;
  /** Most relevant first. */
  citations: Citation[];
  /** Structured facts the answer used. */
  facts: Fact[];
  /** Responsible departments when the answer names them. */
  departments?: { lead: string[]; support: string[] };
  /** The validity, on the day asked, of each document the answer cites that is not simply in force. */
  validity?: { docId: string; status: string; note: string }[];
  /** The API session this answer belongs to (issued by the server; pass it back for follow-ups). */
  sessionId?: string;
  /** 'session_expired': the sessionId sent is unknown (expired, lost in a restart, never issued); a new one started. */
  notice?: 'session_expired';
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
  /**
   * A session id the server issued earlier (the JSON API). An unknown one starts a new session and the answer
   * says so (notice 'session_expired'); it can never name a chat channel's session.
   */
  sessionId?: string;
  /**
   * A chat channel's own key for the user, e.g. `wechat:<account>:<openid>`: the conversation lives under it and
   * starts on first use. Set by channel code from authenticated platform fields, never from a client.
   */
  channelUser?: string;
  history?: HistoryTurn[];
  /** Total time budget in ms for this request (LLM paths); the rules path ignores it. */
  deadlineMs?: number;
  /** Answer from these documents only (the API's docId). */
  docIds?: string[];
  /** Judge validity on this day (YYYY-MM-DD) instead of today. */
  asOf?: string;
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
