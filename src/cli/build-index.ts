// npm run build:index — parse corpus/, build the chunks, BM25 and vectors, and write data/index with its manifest.
import { configFromEnv } from '../config.js';
import { DEFAULT_INDEX_DIR, nodeTokenizer, readCorpus, readLexicon } from '../node/loaders.js';
import { embeddingsFromConfig } from '../llm/embeddings.js';
import { buildAndSave, vectorIndexFromEnv } from '../node/index-store.js';
import { documentReport, formatReport } from '../index/build-report.js';

const dir = process.argv[2] ?? process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR;
const t0 = performance.now();
const lex = readLexicon();
const sources = await readCorpus(process.env.CORPUS_DIR);
// EMBEDDINGS_BASE_URL + EMBEDDINGS_MODEL: chunk vectors from that model (the manifest records it); else the local embedder.
const kb = await buildAndSave(dir, sources, lex, nodeTokenizer(lex), embeddingsFromConfig(configFromEnv(process.env)), { vectorIndex: vectorIndexFromEnv(process.env.VECTOR_INDEX) });
const ms = Math.round(performance.now() - t0);
const c = kb.manifest.counts;
console.log(`indexed ${c.documents} document(s), ${c.clauses} clauses, ${c.chunks} chunks, ${c.facts} facts in ${ms} ms → ${dir}`);
// The build report: what each document parsed into, and anything the parser could not place.
for (const d of kb.documents) console.log(formatReport(documentReport(d, kb.facts)));
