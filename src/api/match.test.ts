// POST /api/match at the edge: a free-text or structured profile gets its items; bad input gets a coded 4xx.
import { describe, expect, it } from 'vitest';
import { postJson, testApp } from '../testing/app.js';

const { app } = testApp();

describe('POST /api/match', () => {
  it('matches a free-text profile: eligible items first, each cited, the question that would change the list', async () => {
    const res = await app.request(postJson('/api/match', { profile: '我们是南宁的孵化器，去年被认定为国家级，今年国家绩效考核评价又是A，能拿哪些钱？' }));
    expect(res.status).toBe(200);
    const body = await res.json();
    const eligible = body.items.filter((i: { status: string }) => i.status === 'eligible');
    expect(eligible.length).toBeGreaterThan(0);
    for (const i of eligible) {
      expect(i.quote).toContain(i.display);
      expect(i.clause).toMatch(/^（.+）$/);
      expect(i.docTitle).toContain('高新技术产业开发区');
    }
    expect(eligible.map((i: { amount: string }) => i.amount)).toContain('100万元');
    expect(body.stacking[0].stated).toBe(false);
  });

  it('takes a structured profile and a docId', async () => {
    const res = await app.request(
      postJson('/api/match', { profile: { type: '国家高新区', level: '国家级', figures: { 排名: { from: 50, to: 38 } } }, docId: 'guangxi-hitech-zones-2021', includeNotEligible: true }),
    );
    expect(res.status).toBe(200);
    const items = (await res.json()).items as { clause: string; display: string; status: string; reason?: string }[];
    expect(items.find((i) => i.clause === '（二十七）' && i.display === '800万元')?.status).toBe('eligible');
    expect(items.find((i) => i.clause === '（二十七）' && i.display === '1000万元')).toMatchObject({ status: 'not-eligible', reason: expect.stringContaining('前35名') });
  });

  it('refuses bad input with a coded 4xx', async () => {
    const cases: [unknown, number, string][] = [
      [{ profile: '  ' }, 400, 'BAD_REQUEST'],
      [{ profile: {} }, 400, 'BAD_REQUEST'],
      [{ profile: 'x'.repeat(1001) }, 400, 'BAD_REQUEST'],
      [{ profile: '孵化器', extra: 1 }, 400, 'BAD_REQUEST'],
      [{ profile: '孵化器', docId: 'no-such-doc' }, 404, 'DOC_NOT_FOUND'],
      ['{not json', 400, 'BAD_REQUEST'],
    ];
    for (const [body, status, code] of cases) {
      const res = await app.request(postJson('/api/match', body));
      expect(res.status, JSON.stringify(body)).toBe(status);
      expect((await res.json()).error.code).toBe(code);
    }
  });
});
