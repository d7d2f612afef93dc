// Node entry: load (or build) the index, create the app, serve it on HOST:PORT.
import { serve } from '@hono/node-server';
import { createApp } from '../app.js';
import { configFromEnv } from '../config.js';
import { loadOrBuildIndex } from '../index/store-node.js';
import { createLlmWriter } from '../llm/writer.js';
import { createAssistant } from '../qa/assistant.js';
import { createEngine } from '../qa/engine.js';
import { MemorySessionStore } from '../session/store.js';
import { DEFAULT_INDEX_DIR, nodeTokenizer, readCorpus, readLexicon } from './node-deps.js';

const t0 = performance.now();
const lex = readLexicon();
const sources = readCorpus(process.env.CORPUS_DIR);
const { kb, built, reason } = await loadOrBuildIndex(process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR, sources, lex, nodeTokenizer(lex));
if (built) console.log(`index rebuilt (${reason})`);
const config = configFromEnv(process.env);
const writer = config.llm ? createLlmWriter({ kb, llm: config.llm }) : undefined;
const assistant = createAssistant({ engine: createEngine(kb), sessions: new MemorySessionStore(), writer, deadlineMs: config.deadlineMs });
const app = createApp({ kb, assistant, config });
const port = Number(process.env.PORT ?? 8787);
const hostname = process.env.HOST ?? '127.0.0.1';
serve({ fetch: app.fetch, port, hostname }, (info) => {
  console.log(`policy-qa ready on http://${hostname}:${info.port} in ${Math.round(performance.now() - t0)} ms (${kb.manifest.counts.clauses} clauses)`);
});
