// Remote embeddings against the loopback fake's /v1/embeddings: the adapter, and an index built and queried with it.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { isAppError } from '../errors.js';
import { buildKnowledgeBaseData, hydrateKnowledgeBase } from '../index/knowledge-base.js';
import { buildAndSave, loadIndex, loadOrBuildIndex } from '../node/index-store.js';
import { createEngine } from '../qa/engine.js';
import { retrieve } from '../qa/retrieve.js';
import { lexicon, sources, tokenizer } from '../testing/fixtures.js';
import { embeddingsFromConfig, OpenAICompatibleEmbeddings } from './embeddings.js';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai.js';

let fake: FakeOpenAI;
const root = mkdtempSync(join(tmpdir(), 'policy-remote-index-'));
beforeAll(async () => {
  fake = await startFakeOpenAI({ embeddingDim: 48 });
});
afterAll(async () => {
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

const norm = (v: number[]) => Math.sqrt(v.reduce((a, x) => a + x * x, 0));

describe('OpenAICompatibleEmbeddings', () => {
  it('embeds in input order, in batches, as unit vectors, with the key and model it was given', async () => {
    const e = new OpenAICompatibleEmbeddings({ baseUrl: `${fake.url}/`, model: 'fake-embed', apiKey: 'ek', batchSize: 2 });
    expect(e.id).toBe('openai-compatible/fake-embed');
    const before = fake.requests.length;
    const texts = ['孵化器', '高新区', '土地', '人才', '孵化器'];
    const v = await e.embedDocuments(texts);
    const reqs = fake.requests.slice(before);
    expect(reqs.map((r) => r.body.input.length)).toEqual([2, 2, 1]);
    expect(reqs[0]).toMatchObject({ path: '/v1/embeddings', body: { model: 'fake-embed', encoding_format: 'float' } });
    expect(reqs[0].headers.authorization).toBe('Bearer ek');
    expect(v).toHaveLength(5);
    for (const x of v) expect(norm(x)).toBeCloseTo(1, 6);
    expect(v[4]).toEqual(v[0]);
    expect(v[0]).not.toEqual(v[1]);
    expect(await e.embedQuery('孵化器')).toEqual(v[0]);
  });

  it('is built from EMBEDDINGS_* settings, and absent without them', () => {
    expect(embeddingsFromConfig(configFromEnv({}))).toBeUndefined();
    const e = embeddingsFromConfig(configFromEnv({ EMBEDDINGS_BASE_URL: fake.url, EMBEDDINGS_MODEL: 'bge-m3' }));
    expect(e?.id).toBe('openai-compatible/bge-m3');
  });

  it('throws on an HTTP error, so the build stops instead of saving a half index', async () => {
    const e = new OpenAICompatibleEmbeddings({ baseUrl: `${fake.url}/nothing-here`, model: 'm' });
    await expect(e.embedQuery('x')).rejects.toThrow(/HTTP 404/);
  });
});

describe('an index built with remote embeddings', () => {
  const embeddings = () => new OpenAICompatibleEmbeddings({ baseUrl: fake.url, model: 'fake-embed' });

  it('records the embedder in the manifest and refuses to load as the default embedder', async () => {
    const dir = join(root, 'remote');
    const built = await buildAndSave(dir, sources, lexicon, tokenizer, embeddings());
    expect(built.manifest.embedder).toBe('openai-compatible/fake-embed');
    expect(JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).embedder).toBe('openai-compatible/fake-embed');
    const wrong = await loadIndex(dir, sources, lexicon, tokenizer).then(() => undefined, (x) => x);
    expect(isAppError(wrong) && wrong.code).toBe('INDEX_MISMATCH');

    const loaded = await loadOrBuildIndex(dir, sources, lexicon, tokenizer, embeddings());
    expect(loaded.built).toBe(false);
    expect(loaded.kb.queryEmbeddings).toBeDefined();
    const before = fake.requests.length;
    const hits = await retrieve(loaded.kb, '新认定的自治区级孵化器给多少钱');
    expect(fake.requests.length).toBe(before + 1); // the query went to the model
    expect(hits.length).toBeGreaterThan(0);
    const { answer } = await createEngine(loaded.kb).ask('新认定的自治区级孵化器给多少钱？');
    expect(answer.facts.map((f) => f.display)).toEqual(['50万元']);
  });

  it('ranks by BM25 alone when the query embedder is unreachable', async () => {
    const down = await startFakeOpenAI();
    const url = down.url;
    await down.close();
    const local = buildKnowledgeBaseData(sources, lexicon, tokenizer);
    const kb = hydrateKnowledgeBase(local, lexicon, tokenizer, undefined, new OpenAICompatibleEmbeddings({ baseUrl: url, model: 'gone' }));
    const hits = await retrieve(kb, '土地资源配置');
    expect(hits[0].clause).toBe(22);
    expect(hits.every((h) => h.cosine === 0)).toBe(true);
  });
});
