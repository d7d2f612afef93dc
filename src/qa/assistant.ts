// The assistant: engine + session memory. This is the AskFn every channel calls.
import { API_NAMESPACE, MAX_TURNS, SESSION_EXPIRED_TEXT, type Session, type SessionStore } from './sessions.js';
import type { Focus } from './context.js';
import type { Engine, EngineResult } from './engine.js';
import type { Answer, AnswerWriter, AskOptions, HistoryTurn } from './types.js';

export interface AssistantDeps {
  engine: Engine;
  sessions: SessionStore;
  /** Ids for new API sessions: random and unguessable by default (tests pass a counter). */
  newId?: () => string;
  now?: () => number;
  /** Optional LLM phrasing; absent means rules only (the default, fully offline). */
  writer?: AnswerWriter;
  /** Default total budget for the writer when a request names none (ms). */
  deadlineMs?: number;
}

export interface Assistant {
  ask(question: string, opts?: AskOptions): Promise<Answer>;
}

export function createAssistant(deps: AssistantDeps): Assistant {
  const newId = deps.newId ?? (() => crypto.randomUUID());
  const now = deps.now ?? Date.now;

  /** Clients that keep their own history (the OpenAI API) get their focus rebuilt from their earlier questions. */
  async function focusFromHistory(history: HistoryTurn[], opts: AskOptions): Promise<Focus | undefined> {
    let focus: Focus | undefined;
    for (const turn of history.filter((t) => t.role === 'user').slice(-MAX_TURNS)) {
      focus = (await deps.engine.ask(turn.content, focus, scope(opts))).focus;
    }
    return focus;
  }

  /** The documents and the day a request asks about (the API's docId and asOf). */
  const scope = (opts: AskOptions) => ({ docIds: opts.docIds, asOf: opts.asOf });

  // One budget per request: what the follow-up rewrite spends, the writer no longer has.
  const remaining = (opts: AskOptions, started: number) => (opts.deadlineMs ?? deps.deadlineMs ?? 4000) - (performance.now() - started);

  const write = async (question: string, rules: Answer, opts: AskOptions, started = performance.now()): Promise<Answer> => {
    if (!deps.writer || rules.intent === 'greeting' || rules.intent === 'out_of_scope') return { ...rules, generatedBy: 'rules' };
    return deps.writer.write({ question, rules, history: opts.history, deadlineMs: remaining(opts, started) });
  };

  /** A follow-up the rules could not place (out of scope, or a clarifying question) may be elliptical: the writer rewrites it, the rules answer that. */
  const unplaced = (a: Answer) => a.intent === 'out_of_scope' || a.intent === 'clarify' || a.intent === 'greeting';
  const retry = async (question: string, r: EngineResult, focus: Focus | undefined, previous: string[], opts: AskOptions, started: number) => {
    if (!deps.writer?.rewrite || (r.answer.intent !== 'out_of_scope' && r.answer.intent !== 'clarify') || !previous.length) return r;
    const standalone = await deps.writer.rewrite({ question, previous: previous.slice(-MAX_TURNS), deadlineMs: remaining(opts, started) });
    if (!standalone) return r;
    const again = await deps.engine.ask(standalone, focus, scope(opts));
    return unplaced(again.answer) ? r : again;
  };

  const fresh = (key: string): Session => ({ id: key, turns: [], updatedAt: now() });

  /**
   * The session a request belongs to. Store keys are namespaced: an API session lives under `api:` + the id the
   * server issued, a channel's under its own prefix (`wechat:…`), so no id a client sends can reach a channel's
   * conversation. A channel key starts its session on first use; an unknown API id gets a new id and `expired`.
   */
  async function open(opts: AskOptions): Promise<{ session: Session; publicId?: string; expired: boolean }> {
    if (opts.channelUser !== undefined) {
      if (!opts.channelUser || opts.channelUser.startsWith(API_NAMESPACE)) throw new Error(`not a channel key: ${opts.channelUser}`);
      return { session: (await deps.sessions.get(opts.channelUser)) ?? fresh(opts.channelUser), expired: false };
    }
    if (opts.sessionId) {
      const known = await deps.sessions.get(API_NAMESPACE + opts.sessionId);
      if (known) return { session: known, publicId: opts.sessionId, expired: false };
    }
    const id = newId();
    return { session: fresh(API_NAMESPACE + id), publicId: id, expired: !!opts.sessionId };
  }

  return {
    async ask(question, opts = {}) {
      const started = performance.now();
      if (opts.history) {
        const prior = await focusFromHistory(opts.history, opts);
        const previous = opts.history.filter((t) => t.role === 'user').map((t) => t.content);
        const { answer } = await retry(question, await deps.engine.ask(question, prior, scope(opts)), prior, previous, opts, started);
        return write(question, answer, opts, started);
      }
      const { session, publicId, expired } = await open(opts);
      const first = await deps.engine.ask(question, session.focus, scope(opts));
      const { answer, focus } = await retry(question, first, session.focus, session.turns.map((t) => t.question), opts, started);
      await deps.sessions.set({
        id: session.id,
        focus,
        turns: [...session.turns, { question, intent: answer.intent, clause: answer.citations[0]?.number, at: now() }],
        updatedAt: now(),
      });
      const written = await write(question, answer, opts, started);
      // The caller's earlier conversation is gone: say so first, rather than answer a follow-up out of context.
      if (expired) return { ...written, answer: `${SESSION_EXPIRED_TEXT}\n${written.answer}`, notice: 'session_expired', sessionId: publicId };
      return publicId ? { ...written, sessionId: publicId } : written;
    },
  };
}
