// Limits, headers, timeouts and logs of the app, through its public surface.
import { describe, expect, it } from 'vitest';
import { createApp } from '../app.js';
import { configFromEnv } from '../config.js';
import type { Assistant } from '../qa/assistant.js';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import { postJson, testApp } from '../testing/app.js';

const kb = seedKnowledgeBase();
const fakeAssistant = (delayMs = 0): Assistant => ({
  ask: async (q, o) => {
    await new Promise((r) => setTimeout(r, delayMs));
    return { answer: `答：${q}`, intent: 'search', citations: [], facts: [], sessionId: o?.sessionId ?? 's1' };
  },
});

describe('rate limiting', () => {
  it('answers 429 with Retry-After past the per-client limit, per address', async () => {
    const app = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({ RATE_LIMIT_PER_MIN: '60', RATE_LIMIT_BURST: '3' }), clientIp: (c) => c.req.header('x-test-ip') });
    const hit = (ip: string) => app.request(postJson('/api/ask', { question: '孵化器' }, { 'x-test-ip': ip }));
    for (let i = 0; i < 3; i++) expect((await hit('1.1.1.1')).status).toBe(200);
    const limited = await hit('1.1.1.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    expect((await hit('2.2.2.2')).status).toBe(200);
  });

  it('trusts X-Forwarded-For only when told to', async () => {
    const cfg = (trust: string) => configFromEnv({ RATE_LIMIT_PER_MIN: '60', RATE_LIMIT_BURST: '1', TRUST_PROXY: trust });
    const trusting = createApp({ kb, assistant: fakeAssistant(), config: cfg('1'), clientIp: () => '9.9.9.9' });
    const req = (ip: string) => postJson('/api/ask', { question: '孵化器' }, { 'x-forwarded-for': ip });
    expect((await trusting.request(req('3.3.3.3'))).status).toBe(200);
    expect((await trusting.request(req('4.4.4.4'))).status).toBe(200);
    const plain = createApp({ kb, assistant: fakeAssistant(), config: cfg('0'), clientIp: () => '9.9.9.9' });
    expect((await plain.request(req('3.3.3.3'))).status).toBe(200);
    expect((await plain.request(req('4.4.4.4'))).status).toBe(429);
  });
});

describe('timeouts', () => {
  it('fails a request that outlives the deadline with a JSON 503, not a hang', async () => {
    const app = createApp({ kb, assistant: fakeAssistant(300), config: configFromEnv({ REQUEST_TIMEOUT_MS: '50' }) });
    const t0 = Date.now();
    const res = await app.request(postJson('/api/ask', { question: '孵化器' }));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(250);
  });
});

describe('headers', () => {
  it('sends a CSP without remote sources and the usual hardening headers', async () => {
    const { app } = testApp();
    const res = await app.request('/');
    const csp = res.headers.get('content-security-policy')!;
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/https?:|\*/);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('x-frame-options')).toBe('SAMEORIGIN');
  });

  it('allows cross-origin API calls only from configured origins', async () => {
    const open = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({ CORS_ORIGINS: 'https://portal.example.gov.cn' }) });
    const pre = await open.request('/api/ask', { method: 'OPTIONS', headers: { origin: 'https://portal.example.gov.cn', 'access-control-request-method': 'POST' } });
    expect(pre.headers.get('access-control-allow-origin')).toBe('https://portal.example.gov.cn');
    const other = await open.request('/api/clauses', { headers: { origin: 'https://evil.example' } });
    expect(other.headers.get('access-control-allow-origin')).toBeNull();
    const closed = createApp({ kb, assistant: fakeAssistant() });
    const res = await closed.request('/api/clauses', { headers: { origin: 'https://portal.example.gov.cn' } });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
  });
});

describe('structured logs', () => {
  it('logs one JSON line per request with id, route, status, latency, intent and a hashed session', async () => {
    const lines: Record<string, unknown>[] = [];
    const { assistant } = testApp();
    const app = createApp({ kb, assistant, logSink: (l) => lines.push(l) });
    const res = await app.request(postJson('/api/ask', { question: '独角兽奖励多少', sessionId: 'openid-abc' }, { 'x-request-id': 'req-1' }));
    expect(res.headers.get('x-request-id')).toBe('req-1');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ reqId: 'req-1', method: 'POST', route: '/api/ask', status: 200, intent: 'amount' });
    expect(typeof lines[0].ms).toBe('number');
    expect(lines[0].session).toMatch(/^[0-9a-f]{16}$/);
    expect(JSON.stringify(lines[0])).not.toContain('openid-abc');
    expect(lines[0]).not.toHaveProperty('question');
  });

  it('logs the question text only when enabled', async () => {
    const lines: Record<string, unknown>[] = [];
    const { assistant } = testApp();
    const app = createApp({ kb, assistant, logSink: (l) => lines.push(l), config: configFromEnv({ LOG_QUESTIONS: '1' }) });
    await app.request(postJson('/api/ask', { question: '独角兽奖励多少' }));
    expect(lines[0].question).toBe('独角兽奖励多少');
  });
});
