// Node entry: load (or build) the index, create the app, serve it on HOST:PORT, shut down gracefully on SIGTERM.
import { serve } from '@hono/node-server';
import { getConnInfo } from '@hono/node-server/conninfo';
import { AsyncLocalStorage } from 'node:async_hooks';
import { configFromEnv } from '../config.js';
import { isAppError } from '../errors.js';
import type { RequestRecord } from '../http/request-scope.js';
import { loadOrBuildIndex } from '../node/index-store.js';
import { embeddingsFromConfig } from '../llm/embeddings.js';
import { readPromptFiles } from '../node/prompts.js';
import { createLlmWriter } from '../llm/writer.js';
import { createRuntime } from '../runtime.js';
import { DEFAULT_INDEX_DIR, nodeTokenizer, readCorpus, readLexicon } from '../node/loaders.js';

const t0 = performance.now();
const log = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);

async function loadKnowledgeBase() {
  const lex = readLexicon();
  const sources = await readCorpus(process.env.CORPUS_DIR);
  const dir = process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR;
  try {
    const r = await loadOrBuildIndex(dir, sources, lex, nodeTokenizer(lex), embeddingsFromConfig(configFromEnv(process.env)));
    if (r.built) log({ ts: new Date().toISOString(), level: 'info', event: 'index-built', reason: r.reason, ms: Math.round(r.ms) });
    return r.kb;
  } catch (e) {
    // A corrupt or incompatible index must stop the start loudly: answering from it could give wrong figures.
    if (isAppError(e)) {
      log({ ts: new Date().toISOString(), level: 'fatal', event: 'index-unusable', code: e.code, message: e.message, fix: `delete ${dir} or run npm run build:index` });
      process.exit(1);
    }
    throw e;
  }
}

const kb = await loadKnowledgeBase();
const config = configFromEnv(process.env);
const writer = config.llm ? createLlmWriter({ kb, llm: config.llm, prompts: readPromptFiles() }) : undefined;
// ANSWER_CACHE=0 measures the uncached engine (the benchmark's cold path).
const storage = new AsyncLocalStorage<RequestRecord>();
const { app } = createRuntime({
  kb,
  writer,
  config,
  cacheSize: process.env.ANSWER_CACHE === undefined ? undefined : Number(process.env.ANSWER_CACHE),
  logSink: process.env.LOG_REQUESTS === '0' ? undefined : log,
  scope: { run: (record, fn) => storage.run(record, fn), get: () => storage.getStore() },
  clientIp: (c) => getConnInfo(c).remote.address,
  logError: (err) => log({ ts: new Date().toISOString(), level: 'error', event: 'unhandled', message: String((err as Error)?.stack ?? err) }),
});

const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
const server = serve({ fetch: app.fetch, port, hostname }, (info) => {
  log({ ts: new Date().toISOString(), level: 'info', event: 'ready', url: `http://${hostname}:${info.port}`, ms: Math.round(performance.now() - t0), clauses: kb.clauses.length });
});

// Stop accepting connections, let in-flight requests finish, then exit; a hard stop after 10 s.
let stopping = false;
const shutdown = (signal: string) => {
  if (stopping) return;
  stopping = true;
  log({ ts: new Date().toISOString(), level: 'info', event: 'shutdown', signal });
  server.close(() => process.exit(0));
  (server as unknown as { closeIdleConnections?: () => void }).closeIdleConnections?.();
  setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000)).unref();
};
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('SIGINT', () => shutdown('SIGINT'));
