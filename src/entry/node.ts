// Node entry: listen first (health answers 503 "starting"), load or build the index, open the session store,
// serve the app once its self-check question answers; on SIGTERM finish in-flight requests and exit.
// Every known start-up failure is one coded line with its fix (src/node/startup.ts).
import { getConnInfo } from '@hono/node-server/conninfo';
import { AsyncLocalStorage } from 'node:async_hooks';
import { join } from 'node:path';
import { bodyLimitFor } from '../app.js';
import { configFromEnv } from '../config.js';
import { createError } from '../errors.js';
import type { RequestRecord } from '../http/request-scope.js';
import { parseTrustProxy } from '../http/trust-proxy.js';
import { notReadyFetch } from '../http/readiness.js';
import { embeddingsFromConfig } from '../llm/embeddings.js';
import { createLlmWriter } from '../llm/writer.js';
import { createNodeServer } from '../node/http-server.js';
import { loadOrBuildIndex, vectorIndexFromEnv } from '../node/index-store.js';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, nodeTokenizer, PROJECT_ROOT, readCorpus, readLexicon } from '../node/loaders.js';
import { readPromptFiles } from '../node/prompts.js';
import { openSqliteSessionStore } from '../node/sqlite-sessions.js';
import { createDocumentAdmin } from '../node/document-admin.js';
import { exitOnStartFailure, readingCorpus } from '../node/startup.js';
import { MemorySessionStore } from '../qa/sessions.js';
import { createRuntime } from '../runtime.js';

const t0 = performance.now();
const log = (line: Record<string, unknown>) => process.stdout.write(`${JSON.stringify(line)}\n`);
const ts = () => new Date().toISOString();

async function main() {
  const config = configFromEnv(process.env);
  parseTrustProxy(config.trustProxy); // a bad TRUST_PROXY fails now, before the index loads
  const port = Number(process.env.PORT ?? 8787);
  const hostname = process.env.HOST ?? '127.0.0.1';
  const server = createNodeServer({ fetch: notReadyFetch('starting'), maxBodyBytes: (path) => bodyLimitFor(path, undefined, config.uploadMaxBytes) });
  const info = await server.listen(port, hostname);
  const url = `http://${hostname}:${info.port}`;
  let close = () => Promise.resolve();

  // Stop accepting connections, let in-flight requests finish (each told Connection: close, later ones 503),
  // then exit; a hard stop after SHUTDOWN_GRACE_MS.
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log({ ts: ts(), level: 'info', event: 'shutdown', signal });
    setTimeout(() => process.exit(1), Number(process.env.SHUTDOWN_GRACE_MS ?? 10_000)).unref();
    void server.shutdown().then(close).then(() => process.exit(0));
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));

  const corpusDir = process.env.CORPUS_DIR ?? DEFAULT_CORPUS_DIR;
  const lex = await readingCorpus(join(DEFAULT_CORPUS_DIR, 'lexicon'), () => readLexicon());
  const sources = await readingCorpus(corpusDir, () => readCorpus(corpusDir));
  const indexDir = process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR;
  // The server segments with the TypeScript port by default: token for token nodejieba's (tested), and measured at
  // 536 MB instead of 733 MB after loading 200 documents (nodejieba's native dictionaries take ~250 MB). nodejieba
  // stays the reference: the index build, the tests and TOKENIZER=nodejieba.
  const tokenizer = nodeTokenizer(lex, process.env.TOKENIZER ?? 'ts');
  const indexOptions = { vectorIndex: vectorIndexFromEnv(process.env.VECTOR_INDEX) };
  const r = await loadOrBuildIndex(indexDir, sources, lex, tokenizer, embeddingsFromConfig(config), indexOptions);
  if (r.built) log({ ts: ts(), level: 'info', event: 'index-built', reason: r.reason, ms: Math.round(r.ms) });
  const kb = r.kb;

  // Conversations survive a restart in SQLite; SESSIONS_DB=memory keeps them in this process only.
  const sessionsDb = process.env.SESSIONS_DB ?? join(PROJECT_ROOT, 'data', 'sessions.sqlite');
  const sqlite = sessionsDb === 'memory' ? undefined : openSqliteSessionStore(sessionsDb);
  close = async () => sqlite?.close();
  const writer = config.llm ? createLlmWriter({ kb, llm: config.llm, prompts: readPromptFiles() }) : undefined;
  const storage = new AsyncLocalStorage<RequestRecord>();
  // Documents added and removed at run time (POST/DELETE /api/documents, admin keys only).
  const documents = createDocumentAdmin({
    corpusDir, indexDir, lex, tokenizer, embeddings: embeddingsFromConfig(config), sources, indexOptions,
    swap: (next) => runtime.swap(next),
    auditFile: process.env.AUDIT_LOG,
    log: (line) => log({ ts: ts(), ...line }),
  });
  const runtime = createRuntime({
    kb,
    documents,
    writer,
    config,
    sessions: sqlite ?? new MemorySessionStore(),
    // ANSWER_CACHE=0 measures the uncached engine (the benchmark's cold path).
    cacheSize: process.env.ANSWER_CACHE === undefined ? undefined : Number(process.env.ANSWER_CACHE),
    logSink: process.env.LOG_REQUESTS === '0' ? undefined : log,
    scope: { run: (record, fn) => storage.run(record, fn), get: () => storage.getStore() },
    clientIp: (c) => getConnInfo(c).remote.address,
    logError: (err) => log({ ts: ts(), level: 'error', event: 'unhandled', message: String((err as Error)?.stack ?? err) }),
  });
  const state = await runtime.readiness.settle();
  if (!state.ready) exitOnStartFailure(createError('NOT_READY', state.reason), log);
  server.serve((req, env) => runtime.app.fetch(req, env));
  log({ ts: ts(), level: 'info', event: 'ready', url, ms: Math.round(performance.now() - t0), clauses: kb.clauses.length, sessions: sqlite ? sessionsDb : 'memory' });
}

await main().catch((e) => exitOnStartFailure(e, log));
