import { createHash } from 'node:crypto';
import { blocksToText } from '../corpus/blocks.js';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { buildAndSave } from '../node/index-store.js';
import { lexicon, sources, tokenizer } from '../testing/fixtures.js';
import { knowledgeBaseFromArtifacts, type WorkerArtifacts } from './artifacts.js';
import { readWorkerArtifacts } from '../node/worker-artifacts.js';
import { askAll, digest } from '../testing/answer-digest.js';
import { evalInput } from '../testing/segment-texts.js';
import { createRuntime } from '../runtime.js';

// The Node reference is what `npm start` serves: the index saved to disk, nodejieba, HNSW. The Worker side is
// what the Worker bundles from that same index: the TypeScript cppjieba, exact search over the stored vectors.
let dir: string;
let nodeKb: KnowledgeBase;
let artifacts: WorkerArtifacts;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'policy-worker-'));
  nodeKb = await buildAndSave(join(dir, 'index'), sources, lexicon, tokenizer);
  artifacts = await readWorkerArtifacts({ indexDir: join(dir, 'index') });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const runAll = (kb: KnowledgeBase) => {
  const { assistant } = createRuntime({ kb });
  return askAll(evalInput(), async (q, sessionId) => {
    const a = await assistant.ask(q, { sessionId });
    return { digest: digest(a), sessionId: a.sessionId };
  });
};

describe('the Worker knowledge base from bundled artifacts', () => {
  it('gives the same answers as the Node entry to every eval question and dialog turn', async () => {
    const workerKb = await knowledgeBaseFromArtifacts(artifacts);
    expect(nodeKb.vectors.id).not.toBe('exact');
    expect(workerKb.vectors.id).toBe('exact');
    expect(workerKb.manifest.tokenizer).toBe(nodeKb.manifest.tokenizer);
    const [node, worker] = [await runAll(nodeKb), await runAll(workerKb)];
    expect(node.questions.length).toBeGreaterThan(300);
    expect(worker).toEqual(node);
  });

  it('refuses artifacts built with another dictionary or lexicon, a corrupt index, or no vectors to search', async () => {
    const code = (a: WorkerArtifacts) =>
      knowledgeBaseFromArtifacts(a).then(
        () => 'ok',
        (e) => (isAppError(e) ? e.code : String(e)),
      );
    const lex = artifacts.lexicon;
    expect(await code({ ...artifacts, lexicon: { ...lex, userDict: `${lex.userDict}新词 100 n\n` } })).toBe('INDEX_STALE');
    expect(await code({ ...artifacts, lexicon: { ...lex, stopWords: `${lex.stopWords}\n嗯` } })).toBe('INDEX_STALE');
    expect(await code({ ...artifacts, corpusHash: 'other' })).toBe('INDEX_STALE');
    const m = JSON.parse(artifacts.manifestJson);
    expect(await code({ ...artifacts, manifestJson: JSON.stringify({ ...m, formatVersion: m.formatVersion + 1 }) })).toBe('INDEX_MISMATCH');
    expect(await code({ ...artifacts, manifestJson: JSON.stringify({ ...m, embedder: 'other/v9' }) })).toBe('INDEX_MISMATCH');
    expect(await code({ ...artifacts, kbJson: artifacts.kbJson.slice(0, 1000) })).toBe('INDEX_CORRUPT');
    const { vectors: _v, ...noVectors } = JSON.parse(artifacts.kbJson);
    expect(await code({ ...artifacts, kbJson: JSON.stringify(noVectors) })).toBe('INDEX_CORRUPT');
    // Without vectors and with its hash made to match, it is still refused: nothing to search.
    const slim = JSON.stringify(noVectors);
    const slimManifest = JSON.stringify({ ...m, files: { 'kb.json': createHash('sha256').update(slim).digest('hex') } });
    expect(await code({ ...artifacts, kbJson: slim, manifestJson: slimManifest })).toBe('INDEX_CORRUPT');
    // One figure changed, still valid JSON: the content hash catches it (issue 17, defect 3).
    expect(artifacts.kbJson).toContain('50万元');
    expect(await code({ ...artifacts, kbJson: artifacts.kbJson.replaceAll('50万元', '80万元') })).toBe('INDEX_CORRUPT');
    expect(await code(artifacts)).toBe('ok');
  });

  it('will not bundle a damaged index', async () => {
    const damaged = join(dir, 'damaged');
    cpSync(join(dir, 'index'), damaged, { recursive: true });
    const part = join(damaged, JSON.parse(readFileSync(join(damaged, 'manifest.json'), 'utf8')).parts[0].path);
    writeFileSync(part, readFileSync(part, 'utf8').replaceAll('50万元', '80万元'));
    await expect(readWorkerArtifacts({ indexDir: damaged })).rejects.toThrow(/docs\/.*\.json does not match its hash/);
  });

  it('leaves the vectors out on request (a Vectorize index serves them)', async () => {
    const slim = await readWorkerArtifacts({ indexDir: join(dir, 'index'), withoutVectors: true });
    expect(JSON.parse(slim.kbJson).vectors).toBeUndefined();
    expect(slim.kbJson.length).toBeLessThan(artifacts.kbJson.length / 2);
  });

  it('will not bundle an index that is missing or older than the corpus, and names the fix', async () => {
    const corpus = join(dir, 'corpus');
    mkdirSync(corpus);
    for (const s of sources) writeFileSync(join(corpus, s.fileName), `${blocksToText(s.blocks)}\n（此件为修改后的版本）\n`);
    await expect(readWorkerArtifacts({ indexDir: join(dir, 'index'), corpusDir: corpus })).rejects.toThrow(/corpus.*npm run build:index/);
    await expect(readWorkerArtifacts({ indexDir: join(dir, 'missing') })).rejects.toThrow(/npm run build:index/);
  });
});
