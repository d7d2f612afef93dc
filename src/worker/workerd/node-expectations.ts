// Node side of the workerd suite, run by its global setup as a child process (plain Node, where the native
// addons load): refresh data/index and the Worker bundle as `npm run build:worker` does, then write what the
// Node entry answers and how nodejieba segments to data/worker/expectations/node.json, which the tests inside
// workerd read through the EXPECTATIONS service binding (a read-only view of that folder).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DEFAULT_INDEX_DIR, nodeTokenizer, PROJECT_ROOT, readCorpus, readLexicon } from '../../node/loaders.js';
import { loadOrBuildIndex } from '../../node/index-store.js';
import { readWorkerArtifacts, writeWorkerArtifacts } from '../../node/worker-artifacts.js';
import { askAll, digest } from '../../testing/answer-digest.js';
import { evalInput, parityTexts } from '../../testing/segment-texts.js';
import type { NodeExpectations } from './expectations.js';
import { createRuntime } from '../../runtime.js';

const EXPECTATIONS_DIR = join(PROJECT_ROOT, 'data', 'worker', 'expectations');

const lex = readLexicon();
// The Node entry's own path: data/index (rebuilt when missing or stale), nodejieba, HNSW.
const { kb } = await loadOrBuildIndex(process.env.INDEX_DIR ?? DEFAULT_INDEX_DIR, await readCorpus(), lex, nodeTokenizer(lex));
await writeWorkerArtifacts(await readWorkerArtifacts());

const input = evalInput();
const { assistant } = createRuntime({ kb });
const answers = await askAll(input, async (q, sessionId) => {
  const a = await assistant.ask(q, { sessionId });
  return { digest: digest(a), sessionId: a.sessionId };
});
const { questions, corpus } = parityTexts(kb);
const out: NodeExpectations = {
  vectorIndex: kb.vectors.id,
  input,
  answers,
  tokens: [...questions, ...corpus].map((t) => [t, kb.tokenizer.cut(t)]),
};
mkdirSync(EXPECTATIONS_DIR, { recursive: true });
writeFileSync(join(EXPECTATIONS_DIR, 'node.json'), JSON.stringify(out));
