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
  kb: KnowledgeBase;
  engine: Engine;
  assistant: Assistant;
  sessions: SessionStore;
  config: Config;
  /** Settles once the self-check question has answered (ready) or failed; /api/health reports it. */
  readiness: Readiness;
  app: ReturnType<typeof createApp>;
}

export function createRuntime(deps: RuntimeDeps): Runtime {
  const { kb, writer, engine: given, cacheSize, newId, ...appDeps } = deps;
  const config = deps.config ?? configFromEnv({});
  const sessions = deps.sessions ?? new MemorySessionStore();
  const engine = given ?? createEngine(kb, { cacheSize });
  const assistant = createAssistant({ engine, sessions, writer, deadlineMs: config.deadlineMs, newId, now: deps.now });
  const readiness = readinessOf(selfCheck(engine, kb));
  const app = createApp({ ...appDeps, kb, assistant, config, readiness });
  return { kb, engine, assistant, sessions, config, readiness, app };
}
