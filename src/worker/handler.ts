// The Worker's fetch handler: the same Hono app as on Node (createApp), built once per isolate from the bundled
// artifacts and the env bindings. The knowledge base is built on the first request, not at start-up, which
// keeps the Worker within its start-up time limit; a bundle that fails its manifest or content-hash check, or
// whose self-check question does not answer, answers 503 to everything.
import { AsyncLocalStorage } from 'node:async_hooks';

import { configFromEnv } from '../config.js';
import { createError, errorBody, isAppError } from '../errors.js';
import type { RequestRecord } from '../http/request-scope.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { createEngine, type Engine } from '../qa/engine.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { knowledgeBaseFromArtifacts, type WorkerArtifacts } from './artifacts.js';
import { sessionStoreFor, type SessionNamespace } from './sessions.js';
import { createVectorizeIndex, type VectorizeBinding } from './vectorize.js';

export interface WorkerEnv {
  /** Durable Object namespace for sessions; absent → in-memory sessions per isolate. */
  SESSIONS?: SessionNamespace;
  /** Vectorize index with this build's vectors; absent → exact search over the bundled vectors. */
  VECTORIZE?: VectorizeBinding;
  /** Variables and secrets (configFromEnv reads the string ones). */
  [name: string]: unknown;
}

type App = Runtime['app'];

const strings = (env: WorkerEnv) =>
  Object.fromEntries(Object.entries(env).filter((e): e is [string, string] => typeof e[1] === 'string'));

const log = (line: Record<string, unknown>) => console.log(JSON.stringify(line));

/** @param artifacts loads the bundled artifacts (called once, on the first request). */
export function createWorkerHandler(artifacts: () => WorkerArtifacts) {
  const cores = new Map<VectorizeBinding | undefined, Promise<{ kb: KnowledgeBase; engine: Engine }>>();
  const apps = new WeakMap<WorkerEnv, Promise<App>>();
  const storage = new AsyncLocalStorage<RequestRecord>();

  const core = (vectorize: VectorizeBinding | undefined) => {
    let c = cores.get(vectorize);
    if (!c) {
      c = knowledgeBaseFromArtifacts(artifacts(), {
        vectors: vectorize ? (data) => createVectorizeIndex(vectorize, data.manifest, data.chunks.length) : undefined,
      }).then((kb) => ({ kb, engine: createEngine(kb) }));
      cores.set(vectorize, c);
    }
    return c;
  };

  const build = async (env: WorkerEnv): Promise<App> => {
    const { kb, engine } = await core(env.VECTORIZE);
    const vars = strings(env);
    const config = configFromEnv(vars);
    // The LLM writer's client (@langchain/openai → langsmith) needs Node APIs this Worker does not enable.
    if (config.llm) log({ ts: new Date().toISOString(), level: 'warn', event: 'llm-not-supported', message: 'LLM_* is set, but the Worker answers with the rules only' });
    const runtime = createRuntime({
      kb,
      engine,
      sessions: sessionStoreFor(env.SESSIONS),
      config,
      logSink: vars.LOG_REQUESTS === '0' ? undefined : log,
      scope: { run: (record, fn) => storage.run(record, fn), get: () => storage.getStore() },
      clientIp: (c) => c.req.header('cf-connecting-ip'),
      logError: (err) => log({ ts: new Date().toISOString(), level: 'error', event: 'unhandled', message: String((err as Error)?.stack ?? err) }),
    });
    const state = await runtime.readiness.settle();
    if (!state.ready) throw createError('NOT_READY', state.reason);
    return runtime.app;
  };

  const reported = new WeakSet<object>();
  const appFor = (env: WorkerEnv): Promise<App> => {
    let app = apps.get(env);
    if (!app) {
      app = build(env);
      apps.set(env, app);
    }
    return app;
  };

  return {
    async fetch(request: Request, env: WorkerEnv, ctx: ExecutionContext): Promise<Response> {
      let app: App;
      try {
        app = await appFor(env);
      } catch (e) {
        if (!isAppError(e)) throw e;
        if (!reported.has(e)) {
          reported.add(e);
          log({ ts: new Date().toISOString(), level: 'fatal', event: 'index-unusable', code: e.code, message: e.message, fix: 'npm run build:worker, then deploy again' });
        }
        if (new URL(request.url).pathname === '/api/health') return Response.json({ status: 'failed', live: true, ready: false, reason: `${e.code}: ${e.message}` }, { status: 503 });
        return Response.json(errorBody(e), { status: e.status });
      }
      return app.fetch(request, env, ctx);
    },
  };
}
