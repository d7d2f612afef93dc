// The HTTP API contract, served by the Worker inside workerd (bundled artifacts, Durable Object sessions).
import { describe, expect, it } from 'vitest';
import { ask, call, postJson } from './http.js';

describe('Worker API', () => {
  it('is healthy and reports the bundled index: the Node tokenizer id, exact vector search', async () => {
    const res = await call('/api/health');
    expect(res.status).toBe(200);
    const h = (await res.json()) as { ready: boolean; clauses: number; index: { tokenizer: string; vectorIndex: string; embedder: string } };
    expect(h.ready).toBe(true);
    expect(h.clauses).toBe(27);
    expect(h.index.tokenizer).toMatch(/^jieba-hmm@[0-9a-f]{8}$/);
    expect(h.index.vectorIndex).toBe('exact');
    expect(h.index.embedder).toBe('hashed-tfidf/v1/d1024');
  });

  it('answers an amount with the figure, the cited clause and the lead department', async () => {
    const a = await ask('新认定的自治区级孵化器给多少钱？');
    expect(a.intent).toBe('amount');
    expect(a.answer.split('\n')[0]).toContain('50万元');
    expect(a.answer).not.toContain('100万元');
    expect(a.answer).toContain('（十四）「优化创新创业生态」');
    expect(a.answer).toContain('牵头：自治区发展改革委');
    expect(a.citations[0]).toMatchObject({ docId: 'guangxi-hitech-zones-2021', clause: '（十四）', number: 14, title: '优化创新创业生态' });
    expect(a.facts.map((f) => f.display)).toEqual(['50万元']);
    expect(a.sessionId).toMatch(/^[\w-]+$/);
  });

  it('lists clauses and returns one clause in full', async () => {
    const list = (await (await call('/api/clauses')).json()) as { docId: string; number: number; title: string; lead: string[] }[];
    expect(list).toHaveLength(27);
    expect(list[13]).toMatchObject({ docId: 'guangxi-hitech-zones-2021', number: 14, title: '优化创新创业生态' });
    const res = await call('/api/clauses/guangxi-hitech-zones-2021/14');
    expect(res.status).toBe(200);
    const c = (await res.json()) as { text: string; sentences: string[]; facts: unknown[] };
    expect(c.text).toContain('50万元');
    expect(c.sentences.length).toBeGreaterThan(1);
    expect((await call('/api/clauses/guangxi-hitech-zones-2021/99')).status).toBe(404);
  });

  it('follows up within a session (held by a Durable Object) and keeps sessions apart', async () => {
    const a1 = await ask('国家级孵化器新认定给多少？');
    expect(a1.facts.map((f) => f.display)).toEqual(['100万元']);
    const other = await ask('独角兽奖励多少');
    const a2 = await ask('那自治区级的呢？', a1.sessionId);
    expect(a2.sessionId).toBe(a1.sessionId);
    expect(a2.facts.map((f) => f.display)).toEqual(['50万元']);
    const a3 = await ask('这条谁牵头？', a1.sessionId);
    expect(a3.departments?.lead).toEqual(['自治区发展改革委']);
    const o2 = await ask('谁牵头', other.sessionId);
    expect(o2.citations[0].number).toBe(15);
  });

  it('says out of scope without figures or citations', async () => {
    for (const q of ['深圳高新区有什么补贴', '帮我写一首诗', '增值税留抵退税怎么申请']) {
      const a = await ask(q);
      expect(a.intent, q).toBe('out_of_scope');
      expect(a.answer).toMatch(/^本政策未涉及/);
      expect(a.answer).not.toMatch(/\d+\s*(万|%)/);
      expect(a.citations).toEqual([]);
    }
  });

  it('rejects bad input with a JSON error and the right status', async () => {
    const cases: [Promise<Response>, number, string][] = [
      [postJson('/api/ask', { question: '' }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: '问'.repeat(501) }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: 42 }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: '孵化器', sessionId: 'bad id with spaces' }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', '{"question": '), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: 'x'.repeat(20_000) }), 413, 'PAYLOAD_TOO_LARGE'],
      [call('/api/ask', { method: 'POST', body: 'question=孵化器', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [call('/api/nothing-here'), 404, 'NOT_FOUND'],
      // The Worker's documents come from its build (npm run build:worker / vectorize:ingest), not from uploads.
      [postJson('/api/documents', { fileName: 'a.txt', contentBase64: 'MQ==' }), 501, 'UPLOAD_NOT_SUPPORTED'],
      [call('/api/documents/guangxi-hitech-zones-2021', { method: 'DELETE' }), 501, 'UPLOAD_NOT_SUPPORTED'],
    ];
    for (const [i, [pending, status, code]] of cases.entries()) {
      const res = await pending;
      expect(res.status, `case ${i}`).toBe(status);
      expect(res.headers.get('content-type'), `case ${i}`).toMatch(/application\/json/);
      const body = (await res.json()) as { error: { code: string; message: string } };
      expect(body.error.code, `case ${i}`).toBe(code);
      expect(body.error.message.length).toBeGreaterThan(0);
    }
  });

  it('serves the OpenAPI document and the console', async () => {
    const doc = (await (await call('/openapi.json')).json()) as { openapi: string; paths: Record<string, unknown> };
    expect(doc.openapi).toMatch(/^3\.1/);
    expect(Object.keys(doc.paths)).toContain('/api/ask');
    const page = await call('/');
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
  });
});
