// Issue 17, defect 9: a JSON body with invalid UTF-8 bytes was answered as a question (its bytes became U+FFFD).
import { describe, expect, it } from 'vitest';
import { testApp } from '../testing/app.js';

const { app } = testApp();
// {"question":"孵化器\xff\xfe给多少"} — valid JSON around bytes that are not UTF-8.
const body = new Uint8Array([...new TextEncoder().encode('{"question":"孵化器'), 0xff, 0xfe, ...new TextEncoder().encode('给多少"}')]);

describe('invalid UTF-8 in a JSON body', () => {
  it('is refused with 400 on /api/ask and /v1/chat/completions, never answered', async () => {
    const api = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body });
    expect(api.status).toBe(400);
    expect((await api.json()).error.code).toBe('BAD_ENCODING');
    const chat = new Uint8Array([...new TextEncoder().encode('{"model":"policy-qa","messages":[{"role":"user","content":"孵化器'), 0xc3, 0x28, ...new TextEncoder().encode('"}]}')]);
    const v1 = await app.request('/v1/chat/completions', { method: 'POST', headers: { 'content-type': 'application/json' }, body: chat });
    expect(v1.status).toBe(400);
    expect((await v1.json()).error.code).toBe('invalid_encoding');
  });

  it('still answers valid UTF-8, read once', async () => {
    const res = await app.request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: new TextEncoder().encode('{"question":"独角兽奖励多少"}') });
    expect(res.status).toBe(200);
    expect((await res.json()).intent).toBe('amount');
  });
});
