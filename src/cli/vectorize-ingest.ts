// npm run vectorize:ingest [-- out.ndjson] — writes data/vectorize/chunks.ndjson from data/index: one
// {id, values, namespace, metadata} line per chunk, for `wrangler vectorize insert <index> --file <out>`.
import { mkdirSync, writeFileSync } from 'node:fs';
import { readIndexData } from '../node/index-store.js';
import { dirname, join } from 'node:path';
import { DEFAULT_INDEX_DIR, PROJECT_ROOT } from '../node/loaders.js';
import type { Manifest } from '../index/manifest.js';
import { vectorizeRecords, vectorNamespace } from '../worker/vectorize.js';

const dir = process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR;
const out = process.argv[2] ?? join(PROJECT_ROOT, 'data', 'vectorize', 'chunks.ndjson');
const kb = await readIndexData(dir);
const manifest: Manifest = kb.manifest;
const records = vectorizeRecords(manifest, kb.chunks, kb.vectors, kb.embedder.dim);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, `${records.map((r) => JSON.stringify(r)).join('\n')}\n`);
console.log(`${records.length} vectors (${kb.embedder.dim} dimensions, namespace ${vectorNamespace(manifest)}) → ${out}`);
console.log(`once:  npx wrangler vectorize create policy-qa-chunks --dimensions=${kb.embedder.dim} --metric=cosine`);
console.log(`then:  npx wrangler vectorize insert policy-qa-chunks --file=${out}`);
