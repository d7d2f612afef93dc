import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBaseData, type KnowledgeBase } from '../index/knowledge-base.js';
import { corpusHash } from '../index/manifest.js';
import { lexicon, seedKnowledgeBase, sources, tokenizer } from '../testing/fixtures.js';
import { knowledgeBaseFromArtifacts, type WorkerArtifacts } from './artifacts.js';
import { compactDictionary, nodejiebaDictFiles, readLexiconFiles, sealManifest } from '../node/worker-artifacts.js';
import { askAll, digest } from '../testing/answer-digest.js';
import { FakeVectorize } from '../testing/fake-vectorize.js';
import { evalInput } from '../testing/segment-texts.js';
import { createVectorizeIndex, vectorizeRecords, vectorNamespace } from './vectorize.js';
import { createRuntime } from '../runtime.js';

// Artifacts made in memory from a fresh build (the Worker's path, minus the disk).
const data = buildKnowledgeBaseData(sources, lexicon, tokenizer);
const { manifest, ...rest } = data;
const jieba = nodejiebaDictFiles();
const artifacts: WorkerArtifacts = {
  manifestJson: sealManifest(manifest, JSON.stringify(rest)),
  kbJson: JSON.stringify(rest),
  corpusHash: corpusHash(sources),
  lexicon: readLexiconFiles(),
  jiebaDict: compactDictionary(readFileSync(jieba.dict, 'utf8')),
  hmmModel: readFileSync(jieba.hmmModel, 'utf8'),
};
const records = vectorizeRecords(manifest, data.chunks, data.vectors, data.embedder.dim);

const answers = (kb: KnowledgeBase) => {
  const { assistant } = createRuntime({ kb });
  return askAll(evalInput(), async (q, sessionId) => {
    const a = await assistant.ask(q, { sessionId });
    return { digest: digest(a), sessionId: a.sessionId };
  });
};

describe('Vectorize as the vector index', () => {
  it('makes one record per chunk: dense values, this build\'s namespace, where the chunk comes from', () => {
    expect(records).toHaveLength(data.chunks.length);
    const ns = vectorNamespace(manifest);
    expect(ns).toMatch(/^kb-[0-9a-f]{8}$/);
    expect(records[5]).toMatchObject({ id: `${ns}:5`, namespace: ns, metadata: { chunk: data.chunks[5].id, docId: data.chunks[5].docId, clause: data.chunks[5].clause } });
    expect(records[5].values).toHaveLength(data.embedder.dim);
    expect(new Set(records.map((r) => r.id)).size).toBe(records.length);
    expect(records.every((r) => r.id.length <= 64)).toBe(true);
  });

  it('gives the same answers as exact search to every eval question and dialog turn', async () => {
    const index = new FakeVectorize(data.embedder.dim);
    index.insert(records);
    const slim = JSON.stringify({ ...rest, vectors: undefined });
    const viaVectorize = await knowledgeBaseFromArtifacts(
      { ...artifacts, kbJson: slim, manifestJson: sealManifest(manifest, slim) },
      { vectors: (d) => createVectorizeIndex(index, d.manifest, d.chunks.length) },
    );
    expect(viaVectorize.vectors.id).toBe('vectorize');
    expect(viaVectorize.manifest.vectorIndex).toBe('vectorize');
    const [exact, vectorize] = [await answers(await knowledgeBaseFromArtifacts(artifacts)), await answers(viaVectorize)];
    expect(index.queries).toBeGreaterThan(300);
    expect(vectorize).toEqual(exact);
  });

  it('returns the same hits as exact search, never vectors of another build, and caps topK', async () => {
    const index = new FakeVectorize(data.embedder.dim);
    index.insert(records);
    // Vectors of an older build, in another namespace, that would match better.
    index.insert(records.map((r) => ({ ...r, id: `kb-old:${r.id}`, namespace: 'kb-old' })));
    const kb = seedKnowledgeBase();
    const vz = createVectorizeIndex(index, manifest, data.chunks.length);
    for (const q of ['新认定的自治区级孵化器给多少钱', '土地这块归谁管', '瞪羚企业']) {
      const v = kb.embedder.embedDense(q);
      const [a, b] = [await vz.search(v, 200), await kb.vectors.search(v, 200)];
      expect(a.map((h) => h.index)).toEqual(b.slice(0, 100).map((h) => h.index));
      for (const [i, h] of a.entries()) expect(h.score).toBeCloseTo(b[i].score, 5);
    }
  });
});
