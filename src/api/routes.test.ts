import { describe, expect, it } from 'vitest';
import { postJson, testApp } from '../testing/app.js';

const { app } = testApp();
const ask = async (question: string, sessionId?: string) => {
  const res = await app.request(postJson('/api/ask', { question, sessionId }));
  expect(res.status).toBe(200);
  return res.json();
};

describe('POST /api/ask', () => {
  it('answers an amount with the figure first, the clause cited and the lead department', async () => {
    const a = await ask('新认定的自治区级孵化器给多少钱？');
    expect(a.intent).toBe('amount');
    expect(a.answer.split('\n')[0]).toContain('50万元');
    expect(a.answer).not.toContain('100万元');
    expect(a.answer).toContain('（十四）「优化创新创业生态」');
    expect(a.answer).toContain('《关于促进高新技术产业开发区高质量发展的若干措施》');
    expect(a.answer).toContain('牵头：自治区发展改革委');
    expect(a.citations[0]).toMatchObject({ docId: 'guangxi-hitech-zones-2021', clause: '（十四）', number: 14, title: '优化创新创业生态' });
    expect(a.citations[0].quote).toContain('50万元');
    expect(a.facts.map((f: { display: string }) => f.display)).toEqual(['50万元']);
    expect(typeof a.sessionId).toBe('string');
  });

  it('answers who is responsible for land', async () => {
    const a = await ask('土地这块归谁管？');
    expect(a.intent).toBe('department');
    expect(a.answer.split('\n')[0]).toContain('自治区自然资源厅');
    expect(a.citations[0].number).toBe(22);
    expect(a.departments.lead).toEqual(['自治区自然资源厅']);
  });

  it('lists every matching figure when nothing decides between them', async () => {
    const a = await ask('孵化器能拿多少');
    expect(a.facts.map((f: { subject: string }) => f.subject)).toEqual([
      '新认定为国家级科技企业孵化器', '新认定为自治区级科技企业孵化器', '国家备案的众创空间', '国家绩效考核评价为A的国家级科技企业孵化器',
    ]);
  });

  it('says out of scope without figures', async () => {
    for (const q of ['深圳高新区有什么补贴', '帮我写一首诗', '增值税留抵退税怎么申请']) {
      const a = await ask(q);
      expect(a.intent, q).toBe('out_of_scope');
      expect(a.answer).toMatch(/^本政策未涉及/);
      expect(a.answer).not.toMatch(/\d+\s*(万|%)/);
      expect(a.citations).toEqual([]);
    }
  });

  it('follows up within a session and keeps sessions apart', async () => {
    const a1 = await ask('国家级孵化器新认定给多少？');
    const other = await ask('独角兽奖励多少');
    const a2 = await ask('那自治区级的呢？', a1.sessionId);
    expect(a2.sessionId).toBe(a1.sessionId);
    expect(a2.facts.map((f: { display: string }) => f.display)).toEqual(['50万元']);
    const a3 = await ask('这条谁牵头？', a1.sessionId);
    expect(a3.departments.lead).toEqual(['自治区发展改革委']);
    const o2 = await ask('谁牵头', other.sessionId);
    expect(o2.citations[0].number).toBe(15);
  });

  it('rejects bad input with a JSON 4xx', async () => {
    const cases: [Request, number, string][] = [
      [postJson('/api/ask', { question: '' }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: '   ' }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: '问'.repeat(501) }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: 42 }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: '孵化器', extra: 1 }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: '孵化器', sessionId: 'bad id with spaces' }), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', '{"question": '), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', '[]'), 400, 'BAD_REQUEST'],
      [postJson('/api/ask', { question: 'x'.repeat(20_000) }), 413, 'PAYLOAD_TOO_LARGE'],
      [new Request('http://local/api/ask', { method: 'POST', body: 'question=孵化器', headers: { 'content-type': 'application/x-www-form-urlencoded' } }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
      [new Request('http://local/api/ask', { method: 'POST', body: '{}' }), 415, 'UNSUPPORTED_MEDIA_TYPE'],
    ];
    for (const [i, [req, status, code]] of cases.entries()) {
      const res = await app.request(req);
      expect(res.status, `case ${i}`).toBe(status);
      const body = await res.json();
      expect(body.error.code).toBe(code);
      expect(typeof body.error.message).toBe('string');
    }
  });

  it('answers a 500-character question', async () => {
    const q = '孵化器补助多少'.padEnd(500, '。');
    expect((await app.request(postJson('/api/ask', { question: q }))).status).toBe(200);
  });
});

describe('read routes', () => {
  it('lists clauses with departments', async () => {
    const list = await (await app.request('/api/clauses')).json();
    expect(list).toHaveLength(27);
    expect(list[21]).toMatchObject({ number: 22, label: '（二十二）', title: '优化土地资源配置', lead: ['自治区自然资源厅'] });
  });

  it('returns one clause with text and facts, 404 for unknown, 400 for garbage', async () => {
    const c = await (await app.request('/api/clauses/guangxi-hitech-zones-2021/15')).json();
    expect(c.text).toContain('独角兽企业培育库');
    expect(c.facts.map((f: { display: string }) => f.display)).toEqual(['100万元', '400万元']);
    expect(c.departments.lead[0]).toMatchObject({ name: '自治区科技厅' });
    expect((await app.request('/api/clauses/guangxi-hitech-zones-2021/99')).status).toBe(404);
    expect((await app.request('/api/clauses/nope/1')).status).toBe(404);
    expect((await app.request('/api/clauses/guangxi-hitech-zones-2021/abc')).status).toBe(400);
  });

  it('lists departments with the clauses they lead and support', async () => {
    const ds = await (await app.request('/api/departments')).json();
    const keji = ds.find((d: { name: string }) => d.name === '自治区科技厅');
    expect(keji.lead.map((c: { number: number }) => c.number)).toContain(15);
    expect(keji.support.map((c: { number: number }) => c.number)).toContain(14);
    const land = ds.find((d: { name: string }) => d.name === '自治区自然资源厅');
    expect(land.lead.map((c: { number: number }) => c.number)).toEqual([22]);
  });

  it('gives each department the aliases the lexicon knows it by', async () => {
    const ds = await (await app.request('/api/departments')).json();
    const fgw = ds.find((d: { name: string }) => d.name === '自治区发展改革委');
    expect(fgw.aliases).toEqual(expect.arrayContaining(['发改委', '发展改革委']));
    expect(fgw.aliases).not.toContain('自治区发展改革委');
    expect(ds.every((d: { aliases: unknown }) => Array.isArray(d.aliases))).toBe(true);
  });

  it('lists documents with title, short title, status and clause count', async () => {
    const docs = await (await app.request('/api/documents')).json();
    expect(docs).toEqual([
      expect.objectContaining({ docId: 'guangxi-hitech-zones-2021', title: '关于促进高新技术产业开发区高质量发展的若干措施', status: 'active', clauses: 27 }),
    ]);
    expect(typeof docs[0].shortTitle).toBe('string');
  });

  it('lists facts, filterable by type, clause and department (any alias)', async () => {
    const all = await (await app.request('/api/facts')).json();
    expect(all.length).toBeGreaterThan(30);
    const c14 = await (await app.request('/api/facts?type=amount&clause=14')).json();
    expect(c14.map((f: { display: string }) => f.display)).toEqual(['100万元', '50万元', '50万元', '100万元']);
    expect(c14[0].lead).toEqual(['自治区发展改革委']);
    const land = await (await app.request(`/api/facts?type=amount&department=${encodeURIComponent('自然资源厅')}`)).json();
    expect(land.every((f: { clause: number }) => [4, 5, 14, 22, 11, 17, 18, 20, 26].includes(f.clause))).toBe(true);
    expect((await app.request('/api/facts?type=bogus')).status).toBe(400);
  });

  it('searches chunks with scores and highlights', async () => {
    const hits = await (await app.request(`/api/search?q=${encodeURIComponent('独角兽企业')}`)).json();
    expect(hits[0].clause).toBe(15);
    expect(hits[0].score).toBeGreaterThan(0);
    expect(hits[0].highlights).toContain('独角兽企业');
    expect((await app.request('/api/search?q=')).status).toBe(400);
    expect((await app.request('/api/search')).status).toBe(400);
  });

  it('reports health, serves the OpenAPI document and offline docs', async () => {
    const h = await (await app.request('/api/health')).json();
    expect(h).toMatchObject({ status: 'ok', live: true, ready: true, documents: 1, clauses: 27 });
    const doc = await (await app.request('/openapi.json')).json();
    expect(Object.keys(doc.paths)).toEqual(expect.arrayContaining(['/api/ask', '/api/clauses', '/api/clauses/{docId}/{number}', '/api/departments', '/api/search', '/api/facts', '/api/health']));
    const docs = await (await app.request('/docs')).text();
    expect(docs).toContain('/openapi.json');
    expect(docs).not.toMatch(/https?:\/\/(?!local)/);
    expect((await app.request('/nope')).status).toBe(404);
  });
});

describe('POST /api/ask: the document and the day asked about', () => {
  const post = (body: object) => app.request(postJson('/api/ask', body));

  it('answers from the document named by docId, and refuses an unknown one with 404 DOC_NOT_FOUND', async () => {
    const ok = await post({ question: '孵化器给多少钱', docId: 'guangxi-hitech-zones-2021' });
    expect(ok.status).toBe(200);
    expect((await ok.json()).citations.every((c: { docId: string }) => c.docId === 'guangxi-hitech-zones-2021')).toBe(true);
    const bad = await post({ question: '孵化器给多少钱', docId: 'no-such-doc' });
    expect(bad.status).toBe(404);
    expect((await bad.json()).error.code).toBe('DOC_NOT_FOUND');
  });

  it('judges validity on asOf and refuses a date that is not one with 400', async () => {
    expect((await post({ question: '孵化器给多少钱', asOf: '2021-13-40' })).status).toBe(400);
    expect((await post({ question: '孵化器给多少钱', asOf: 'tomorrow' })).status).toBe(400);
    const then = await (await post({ question: '孵化器给多少钱', asOf: '2022-01-01' })).json();
    expect(then.validity ?? []).toEqual([]);
  });

  it('shows a computed figure with its steps, inputs and the rule quoted', async () => {
    const a = await (await post({ question: '我们企业拿到国家重点研发计划项目，国家支持了1500万元，自治区配套最多多少？' })).json();
    expect(a.answer.split('\n')[0]).toContain('1000万元');
    const part = a.parts.find((p: { computed?: unknown }) => p.computed);
    expect(part.computed.inputs).toEqual(['1500万元']);
    expect(part.computed.steps).toEqual(['1500万元 × 1:1 = 1500万元', 'min(1500万元, 1000万元) = 1000万元']);
    expect(a.citations[0].quote).toContain('1:1');
  });
});
