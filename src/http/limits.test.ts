// Limits, headers, timeouts and logs of the app, through its public surface.
import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hashText } from '../text/lexicon.js';
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
  it('answers 429 with Retry-After past the address ceiling, per address', async () => {
    const app = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({ RATE_LIMIT_IP_PER_MIN: '60', RATE_LIMIT_IP_BURST: '3' }), clientIp: (c) => c.req.header('x-test-ip') });
    const hit = (ip: string) => app.request(postJson('/api/ask', { question: '孵化器' }, { 'x-test-ip': ip }));
    for (let i = 0; i < 3; i++) expect((await hit('1.1.1.1')).status).toBe(200);
    const limited = await hit('1.1.1.1');
    expect(limited.status).toBe(429);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect((await limited.json()).error.code).toBe('RATE_LIMITED');
    expect((await hit('2.2.2.2')).status).toBe(200);
  });

  it('limits one conversation (sessionId) well below its address', async () => {
    const app = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({ RATE_LIMIT_PER_MIN: '60', RATE_LIMIT_BURST: '2' }), clientIp: () => '1.1.1.1' });
    const hit = (sessionId: string) => app.request(postJson('/api/ask', { question: '孵化器', sessionId }));
    expect((await hit('s1')).status).toBe(200);
    expect((await hit('s1')).status).toBe(200);
    const limited = await hit('s1');
    expect(limited.status).toBe(429);
    expect(limited.headers.get('retry-after')).toBe('1');
    expect((await hit('s2')).status).toBe(200);
  });

  it('trusts X-Forwarded-For only when told to', async () => {
    const cfg = (trust: string) => configFromEnv({ RATE_LIMIT_IP_PER_MIN: '60', RATE_LIMIT_IP_BURST: '1', TRUST_PROXY: trust });
    const trusting = createApp({ kb, assistant: fakeAssistant(), config: cfg('1'), clientIp: () => '9.9.9.9' });
    const req = (ip: string) => postJson('/api/ask', { question: '孵化器' }, { 'x-forwarded-for': ip });
    expect((await trusting.request(req('3.3.3.3'))).status).toBe(200);
    expect((await trusting.request(req('4.4.4.4'))).status).toBe(200);
    const plain = createApp({ kb, assistant: fakeAssistant(), config: cfg('0'), clientIp: () => '9.9.9.9' });
    expect((await plain.request(req('3.3.3.3'))).status).toBe(200);
    expect((await plain.request(req('4.4.4.4'))).status).toBe(429);
  });

  // Issue 17, defect 4: with TRUST_PROXY=1 the leftmost entry was believed, so a client rotating it was never limited.
  it('cannot be bypassed by a spoofed leftmost X-Forwarded-For entry', async () => {
    for (const trust of ['1', '10.0.0.0/8']) {
      const app = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({ RATE_LIMIT_IP_PER_MIN: '60', RATE_LIMIT_IP_BURST: '5', TRUST_PROXY: trust }), clientIp: () => '10.0.0.2' });
      const statuses: number[] = [];
      for (let i = 0; i < 20; i++) {
        const res = await app.request(postJson('/api/ask', { question: '孵化器' }, { 'x-forwarded-for': `${i}.${i}.${i}.${i}, 203.0.113.9` }));
        statuses.push(res.status);
      }
      expect(statuses.filter((s) => s === 429).length, trust).toBe(15);
    }
  });

  // Issue 17, defect 5: 30 staff behind one NAT lost a third of their questions under the old per-address default.
  it('lets a hotline office of 30 staff behind one address work at a realistic pace, with the defaults', async () => {
    let now = 0;
    const app = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({}), clientIp: () => '198.51.100.1', now: () => now });
    const statuses = new Map<number, number>();
    const count = (s: number) => statuses.set(s, (statuses.get(s) ?? 0) + 1);
    // Every console loads its reference data once; each staff member then asks about one question every 10 s
    // (a caller's question and its follow-ups), each in their own conversation, while the load balancer polls health.
    for (let staff = 0; staff < 30; staff++) {
      for (const path of ['/api/clauses', '/api/departments', '/api/facts']) count((await app.request(path)).status);
    }
    for (let tick = 0; tick < 10 * 60; tick++, now += 1000) {
      for (let staff = 0; staff < 30; staff++) {
        if ((tick + staff) % 10 === 0) count((await app.request(postJson('/api/ask', { question: '孵化器给多少', sessionId: `staff-${staff}` }))).status);
      }
      if (tick % 5 === 0) count((await app.request('/api/health')).status);
    }
    expect(statuses.get(200)).toBeGreaterThan(1800);
    expect(statuses.get(429) ?? 0).toBe(0);
  });

  it('never limits /api/health, so a load balancer polling it does not mark the instance down', async () => {
    const app = createApp({ kb, assistant: fakeAssistant(), config: configFromEnv({ RATE_LIMIT_IP_PER_MIN: '60', RATE_LIMIT_IP_BURST: '3' }), clientIp: () => '1.1.1.1' });
    for (let i = 0; i < 200; i++) expect((await app.request('/api/health')).status).toBe(200);
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

  // Issue 17, defect 9: the hash was unsalted FNV, reversed by hashing a dictionary of likely ids in under a second.
  it('salts the session hash, so a dictionary of candidate ids cannot reverse it', async () => {
    const { assistant } = testApp();
    const logged = async (env: Record<string, string>, sessionId: string) => {
      const lines: Record<string, unknown>[] = [];
      const app = createApp({ kb, assistant, logSink: (l) => lines.push(l), config: configFromEnv(env) });
      await app.request(postJson('/api/ask', { question: '谁牵头', sessionId }));
      return lines[0]!.session as string;
    };
    // A conversation the server opened (API ids are issued by the server).
    const { sessionId } = await assistant.ask('独角兽奖励多少');
    const id = sessionId!;
    // The old scheme (and any unsalted hash) over a dictionary that includes the real id finds no match.
    const dictionary = [id, `api:${id}`, 'zhangsan', 'wecom:zhangsan'];
    const unsalted = (k: string) => [hashText('policy-qa', k) + hashText(k, 'policy-qa'), createHash('sha256').update(k).digest('hex').slice(0, 16)];
    const h = await logged({}, id);
    expect(h).toMatch(/^[0-9a-f]{16}$/);
    expect(dictionary.flatMap(unsalted)).not.toContain(h);
    // With LOG_SALT the hash is HMAC-SHA-256 under that key: stable across restarts, different per key.
    const salted = await logged({ LOG_SALT: 'office-secret' }, id);
    expect(salted).toBe(createHmac('sha256', 'office-secret').update(id).digest('hex').slice(0, 16));
    expect(await logged({ LOG_SALT: 'other-secret' }, id)).not.toBe(salted);
  });

  it('logs the question text only when enabled', async () => {
    const lines: Record<string, unknown>[] = [];
    const { assistant } = testApp();
    const app = createApp({ kb, assistant, logSink: (l) => lines.push(l), config: configFromEnv({ LOG_QUESTIONS: '1' }) });
    await app.request(postJson('/api/ask', { question: '独角兽奖励多少' }));
    expect(lines[0].question).toBe('独角兽奖励多少');
  });
});
