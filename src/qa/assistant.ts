// The assistant: engine + session memory. This is the AskFn every channel calls.
import { MAX_TURNS, type Session, type SessionStore } from '../session/store.js';
import type { Focus } from './context.js';
import type { Engine } from './engine.js';
import type { Answer, AnswerWriter, AskOptions, HistoryTurn } from './types.js';

export interface AssistantDeps {
  engine: Engine;
  sessions: SessionStore;
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
  async function focusFromHistory(history: HistoryTurn[]): Promise<Focus | undefined> {
    let focus: Focus | undefined;
    for (const turn of history.filter((t) => t.role === 'user').slice(-MAX_TURNS)) {
      focus = (await deps.engine.ask(turn.content, focus)).focus;
    }
    return focus;
  }

  const write = async (question: string, rules: Answer, opts: AskOptions): Promise<Answer> => {
    if (!deps.writer || rules.intent === 'greeting' || rules.intent === 'out_of_scope') return { ...rules, generatedBy: 'rules' };
    return deps.writer.write({ question, rules, history: opts.history, deadlineMs: opts.deadlineMs ?? deps.deadlineMs ?? 4000 });
  };

  return {
    async ask(question, opts = {}) {
      if (opts.history) {
        const { answer } = await deps.engine.ask(question, await focusFromHistory(opts.history));
        return write(question, answer, opts);
      }
      const known = opts.sessionId ? await deps.sessions.get(opts.sessionId) : undefined;
      // An unknown or expired id starts a new session under that id, so a channel's stable key (an OpenID) keeps working.
      const session: Session = known ?? { id: opts.sessionId ?? newId(), turns: [], updatedAt: now() };
      const { answer, focus } = await deps.engine.ask(question, session.focus);
      await deps.sessions.set({
        id: session.id,
        focus,
        turns: [...session.turns, { question, intent: answer.intent, clause: answer.citations[0]?.number, at: now() }],
        updatedAt: now(),
      });
      return { ...(await write(question, answer, opts)), sessionId: session.id };
    },
  };
}
