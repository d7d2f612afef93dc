// Issue 17 inside workerd: API sessions in Durable Objects follow the same contract as on Node, and a bundle whose
// kb.json does not match its manifest's hash is never answered from.
import { createExecutionContext } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { bundledArtifacts } from '../bundled.js';
import { createWorkerHandler } from '../handler.js';
import { ask, postJson } from './http.js';

describe('Worker hardening', () => {
  it('answers an unknown sessionId (or a channel-shaped one) with a new session and the expired notice', async () => {
    for (const id of ['never-issued', 'wecom:zhangsan']) {
      const res = await postJson('/api/ask', { question: '国家级孵化器新认定给多少？', sessionId: id });
      expect(res.status).toBe(200);
      const a = (await res.json()) as { sessionId: string; notice?: string; answer: string };
      expect(a.notice).toBe('session_expired');
      expect(a.sessionId).not.toBe(id);
      expect(a.answer.split('\n')[0]).toBe('之前的对话已过期，请重新说明问题。');
      const next = await ask('那自治区级的呢？', a.sessionId);
      expect(next.facts.map((f) => f.display)).toEqual(['50万元']);
    }
  });

  it('refuses a bundled kb.json with one figure changed: health 503 failed, questions 503 INDEX_CORRUPT', async () => {
    const a = bundledArtifacts();
    const handler = createWorkerHandler(() => ({ ...a, kbJson: a.kbJson.replaceAll('50万元', '80万元') }));
    const env = { RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: '0' };
    const health = await handler.fetch(new Request('https://worker.test/api/health'), env, createExecutionContext());
    expect(health.status).toBe(503);
    expect(((await health.json()) as { status: string; ready: boolean })).toMatchObject({ status: 'failed', ready: false });
    const res = await handler.fetch(
      new Request('https://worker.test/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '新认定的自治区级孵化器给多少钱？' }) }),
      env,
      createExecutionContext(),
    );
    expect(res.status).toBe(503);
    expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INDEX_CORRUPT');
  });
});
