// The Node server's connection handling over real loopback sockets (issue 17, defects 6, 7 and 9): raw bytes
// where the exact wire matters (100 Continue, pipelined requests), undici with one keep-alive connection where
// the question is whether the next request on a reused socket works.
import { connect, createServer as createTcpServer, type AddressInfo } from 'node:net';
import { Agent, request } from 'undici';
import { afterEach, describe, expect, it } from 'vitest';
import { bodyLimitFor } from '../app.js';
import { isAppError } from '../errors.js';
import { testApp } from '../testing/app.js';
import { createNodeServer, type NodeServer } from './http-server.js';

const { app } = testApp();
const open: NodeServer[] = [];
afterEach(async () => {
  for (const s of open.splice(0)) {
    s.server.closeAllConnections();
    await new Promise((r) => s.server.close(r));
  }
});

async function start(fetch = app.fetch as never) {
  const s = createNodeServer({ fetch, maxBodyBytes: (p) => bodyLimitFor(p), lingerMs: 500 });
  open.push(s);
  const { port } = await s.listen(0, '127.0.0.1');
  return { s, port, origin: `http://127.0.0.1:${port}` };
}

/** Writes `chunks` on one raw connection (a pause between them) and collects everything the server sends. */
function raw(port: number, chunks: string[], gapMs = 50): Promise<string> {
  return new Promise((resolve, reject) => {
    const sock = connect(port, '127.0.0.1');
    const got: Buffer[] = [];
    sock.on('data', (d) => got.push(d));
    sock.on('error', reject);
    sock.on('close', () => resolve(Buffer.concat(got).toString('utf8')));
    let i = 0;
    const next = () => {
      if (i < chunks.length) {
        sock.write(chunks[i++]!);
        setTimeout(next, gapMs);
      } else setTimeout(() => sock.end(), 300);
    };
    sock.on('connect', next);
  });
}

const ask = (body: string, extra = '') =>
  `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\n${extra}\r\n${body}`;

describe('Node server: bodies and keep-alive', () => {
  it('refuses a declared 20 MB body with 413 before any 100 Continue, and closes that connection', async () => {
    const { port } = await start();
    const got = await raw(port, ['POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 20000000\r\nExpect: 100-continue\r\n\r\n']);
    expect(got).not.toContain('100 Continue');
    expect(got).toMatch(/^HTTP\/1\.1 413 /);
    expect(got.toLowerCase()).toContain('connection: close');
  });

  it('sends 100 Continue for a body within the limit, then answers it', async () => {
    const { port } = await start();
    const body = JSON.stringify({ question: '独角兽奖励多少' });
    const head = `POST /api/ask HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: ${Buffer.byteLength(body)}\r\nExpect: 100-continue\r\nConnection: close\r\n\r\n`;
    const got = await raw(port, [head, body], 150);
    expect(got).toMatch(/^HTTP\/1\.1 100 Continue\r\n\r\nHTTP\/1\.1 200 /);
  });

  it('says Connection: close on a response that did not read the whole body, keep-alive otherwise', async () => {
    const { origin } = await start();
    const agent = new Agent({ connections: 1 });
    const big = await request(`${origin}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: 'x'.repeat(20_000_000) }), dispatcher: agent });
    expect(big.statusCode).toBe(413);
    expect(big.headers.connection).toBe('close');
    await big.body.text();
    const ok = await request(`${origin}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: '独角兽奖励多少' }), dispatcher: agent });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.connection).toBe('keep-alive');
    await ok.body.text();
    await agent.close();
  });

  it('keeps the next request on a reused connection working after each large rejected body', async () => {
    const { origin } = await start();
    const agent = new Agent({ connections: 1, keepAliveTimeout: 30_000 });
    const failures: string[] = [];
    for (let i = 0; i < 5; i++) {
      const r = await request(`${origin}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: 'x'.repeat(20_000_000), dispatcher: agent }).catch((e) => e as Error);
      if (r instanceof Error) failures.push(`rejected request: ${r.message}`);
      else await r.body.text();
      // Straight away: the old server said keep-alive, then dropped the socket under this request.
      const next = await request(`${origin}/api/health`, { dispatcher: agent }).catch((e) => e as Error);
      if (next instanceof Error) failures.push(`next request: ${next.message}`);
      else {
        expect(next.statusCode).toBe(200);
        await next.body.text();
      }
    }
    expect(failures).toEqual([]);
    await agent.close();
  });
});

describe('Node server: shutdown', () => {
  it('finishes an in-flight request with Connection: close, and answers a request that arrives after with 503', async () => {
    const { s, port } = await start();
    const body = JSON.stringify({ question: '独角兽奖励多少' });
    // In flight: its body is still arriving when shutdown begins.
    const inFlight = raw(port, [ask(body).slice(0, -10), body.slice(-10)], 300);
    // Late: its request line is on the wire, the rest arrives after shutdown began.
    const head = ask(JSON.stringify({ question: '孵化器' }));
    const late = raw(port, [head.slice(0, 20), head.slice(20)], 300);
    await new Promise((r) => setTimeout(r, 150));
    const closed = s.shutdown();
    const [a, b] = await Promise.all([inFlight, late]);
    expect(a).toMatch(/^HTTP\/1\.1 200 /);
    expect(a.toLowerCase()).toContain('connection: close');
    expect(a).toContain('400万元');
    expect(b).toMatch(/^HTTP\/1\.1 503 /);
    expect(b.toLowerCase()).toContain('connection: close');
    expect(b).toContain('SHUTTING_DOWN');
    await closed;
  });
});

describe('Node server: listening', () => {
  it('reports a port in use as PORT_IN_USE, not a raw EADDRINUSE', async () => {
    const taken = createTcpServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const { port } = taken.address() as AddressInfo;
    const s = createNodeServer({ fetch: app.fetch as never, maxBodyBytes: () => 1 });
    const e = await s.listen(port, '127.0.0.1').then(() => undefined, (x) => x);
    expect(isAppError(e, 'PORT_IN_USE'), String(e)).toBe(true);
    expect((e as Error).message).toBe(`port ${port} on 127.0.0.1 is already in use`);
    await new Promise((r) => taken.close(r));
  });
});
