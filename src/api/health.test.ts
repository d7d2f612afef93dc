// Readiness (issue 17): /api/health is 503 until the index is loaded and a self-check question has answered;
// an index with no documents is never "ok", and nothing is answered from it.
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBaseData, hydrateKnowledgeBase } from '../index/knowledge-base.js';
import { notReadyFetch } from '../http/readiness.js';
import type { Engine } from '../qa/engine.js';
import { createRuntime } from '../runtime.js';
import { postJson } from '../testing/app.js';
import { lexicon, seedKnowledgeBase, tokenizer } from '../testing/fixtures.js';
import { configFromEnv } from '../config.js';

const config = configFromEnv({ RATE_LIMIT_PER_MIN: '0' });

describe('readiness', () => {
  it('is ready (200) once the self-check question has answered from the index', async () => {
    const { app } = createRuntime({ kb: seedKnowledgeBase(), config });
    const res = await app.request('/api/health');
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ status: 'ok', live: true, ready: true, documents: 1, clauses: 27 });
  });

  it('reports an index with no documents as not ready (503), and answers nothing from it', async () => {
    const empty = hydrateKnowledgeBase(buildKnowledgeBaseData([], lexicon, tokenizer), lexicon, tokenizer);
    const { app } = createRuntime({ kb: empty, config, logError: () => {} });
    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'failed', live: true, ready: false });
    const ask = await app.request(postJson('/api/ask', { question: '孵化器给多少' }));
    expect(ask.status).toBe(503);
    expect((await ask.json()).error.code).toBe('NOT_READY');
  });

  it('is not ready when the self-check question fails, and says why', async () => {
    const broken = { ask: async () => { throw new Error('segmenter not loaded'); } } as unknown as Engine;
    const { app } = createRuntime({ kb: seedKnowledgeBase(), engine: broken, config, logError: () => {} });
    const health = await app.request('/api/health');
    expect(health.status).toBe(503);
    expect((await health.json()).reason).toContain('segmenter not loaded');
  });

  it('answers 503 starting (health) and NOT_READY (everything else) before the index is loaded', async () => {
    const fetch = notReadyFetch('starting');
    const health = fetch(new Request('http://local/api/health'));
    expect(health.status).toBe(503);
    expect(await health.json()).toMatchObject({ status: 'starting', live: true, ready: false });
    const ask = fetch(postJson('/api/ask', { question: '孵化器' }));
    expect(ask.status).toBe(503);
    expect((await ask.json()).error.code).toBe('NOT_READY');
    expect((await notReadyFetch('stopping')(new Request('http://local/v1/models')).json()).error.code).toBe('SHUTTING_DOWN');
  });
});
