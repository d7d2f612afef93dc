// createRuntime: the one place that composes engine → assistant → app. Every entry (Node, Worker, CLI, eval,
// tests) calls it, so a new dependency of the pipeline is wired once.
import { createApp, type AppDeps } from './app.js';
import { configFromEnv, type Config } from './config.js';
import type { KnowledgeBase } from './index/knowledge-base.js';
import { createAssistant, type Assistant } from './qa/assistant.js';
import { createEngine, type Engine } from './qa/engine.js';
import { readinessOf, type Readiness } from './http/readiness.js';
import { selfCheck } from './qa/self-check.js';
import { MemorySessionStore, type SessionStore } from './qa/sessions.js';
import type { AnswerWriter } from './qa/types.js';

export interface RuntimeDeps extends Omit<AppDeps, 'kb' | 'assistant' | 'config'> {
  kb: KnowledgeBase;
  /** Defaults to an in-memory store (tests, the CLI). */
  sessions?: SessionStore;
  /** The optional LLM writer; absent means rules only. */
  writer?: AnswerWriter;
  /** Defaults to configFromEnv({}): every optional feature off. */
  config?: Config;
  /** Reuse an engine already built over `kb` (the Worker shares one per isolate across env objects). */
  engine?: Engine;
  /** Answer cache size (0 turns it off); the engine's default otherwise. */
  cacheSize?: number;
  /** Session ids for new conversations (tests pass a counter). */
  newId?: () => string;
  now?: () => number;
}

export interface Runtime {
  /** A live view: always the knowledge base now being answered from (swap replaces it). */
  kb: KnowledgeBase;
  /** Always the current engine. */
  engine: Engine;
  assistant: Assistant;
  sessions: SessionStore;
  config: Config;
  /** Settles once the self-check question has answered (ready) or failed; /api/health reports it. */
  readiness: Readiness;
  app: ReturnType<typeof createApp>;
  /**
   * Answers from `next` from now on: its engine is built and its self-check answered before the switch, so no
   * question is answered from a half-built index; questions already running finish on the old one.
   */
  swap(next: KnowledgeBase): Promise<void>;
}

/** A knowledge base whose every property read goes to `current()`: consumers keep one reference across swaps. */
export function liveKnowledgeBase(current: () => KnowledgeBase): KnowledgeBase {
  return new Proxy({} as KnowledgeBase, {
    get: (_t, p) => Reflect.get(current(), p),
    has: (_t, p) => Reflect.has(current(), p),
    ownKeys: () => Reflect.ownKeys(current()),
    getOwnPropertyDescriptor: (_t, p) => ({ ...Reflect.getOwnPropertyDescriptor(current(), p), configurable: true }),
  });
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  const { kb: first, writer, engine: given, cacheSize, newId, ...appDeps } = deps;
  const config = deps.config ?? configFromEnv({});
  const sessions = deps.sessions ?? new MemorySessionStore();
  let current = { kb: first, engine: given ?? createEngine(first, { cacheSize }) };
  const kb = liveKnowledgeBase(() => current.kb);
  const engine: Engine = {
    ask: (question, focus, opts) => current.engine.ask(question, focus, opts),
    resolve: (question, focus) => current.engine.resolve(question, focus),
  };
  const assistant = createAssistant({ engine, sessions, writer, deadlineMs: config.deadlineMs, newId, now: deps.now });
  const readiness = readinessOf(selfCheck(current.engine, first));
  const app = createApp({ ...appDeps, kb, assistant, config, readiness });
  const swap = async (next: KnowledgeBase) => {
    const nextEngine = createEngine(next, { cacheSize });
    await selfCheck(nextEngine, next);
    current = { kb: next, engine: nextEngine };
  };
  return { kb, engine, assistant, sessions, config, readiness, app, swap };
}
