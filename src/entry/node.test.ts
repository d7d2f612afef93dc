// The Node entry as a real process: start-up with a missing or corrupt index, and graceful shutdown.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../node/loaders.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

function start(indexDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', INDEX_DIR: indexDir, NODE_OPTIONS: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const lines: Record<string, unknown>[] = [];
  let buf = '';
  child.stdout!.on('data', (d) => {
    buf += d;
    for (let i = buf.indexOf('\n'); i !== -1; i = buf.indexOf('\n')) {
      try { lines.push(JSON.parse(buf.slice(0, i))); } catch { /* not a log line */ }
      buf = buf.slice(i + 1);
    }
  });
  const exited = new Promise<number | null>((r) => child.on('exit', (code) => r(code)));
  const until = async (pred: (l: Record<string, unknown>) => boolean, ms = 20_000) => {
    const t0 = Date.now();
    while (Date.now() - t0 < ms) {
      const hit = lines.find(pred);
      if (hit) return hit;
      await new Promise((r) => setTimeout(r, 50));
    }
    throw new Error(`timed out; log: ${JSON.stringify(lines)}`);
  };
  return { child, lines, exited, until };
}

const tmp = () => {
  const d = mkdtempSync(join(tmpdir(), 'policy-entry-'));
  dirs.push(d);
  return join(d, 'index');
};

describe('node entry', () => {
  it('builds a missing index at start, then serves', async () => {
    const s = start(tmp());
    const built = await s.until((l) => l.event === 'index-built');
    const ready = await s.until((l) => l.event === 'ready');
    expect(String(built.reason)).toContain('no index');
    const res = await fetch(`${ready.url}/api/health`);
    expect((await res.json()).ready).toBe(true);
    s.child.kill('SIGTERM');
    expect(await s.exited).toBe(0);
  });

  it('refuses to start on a corrupt index, with a clear message', async () => {
    const dir = tmp();
    const first = start(dir);
    await first.until((l) => l.event === 'ready');
    first.child.kill('SIGTERM');
    await first.exited;
    writeFileSync(join(dir, 'kb.json'), '{ not json');
    const s = start(dir);
    expect(await s.exited).toBe(1);
    const fatal = s.lines.find((l) => l.event === 'index-unusable')!;
    expect(fatal).toMatchObject({ level: 'fatal', code: 'INDEX_CORRUPT' });
    expect(String(fatal.fix)).toContain('build:index');
  });

  it('finishes an in-flight request on SIGTERM before exiting', async () => {
    const s = start(tmp());
    const ready = await s.until((l) => l.event === 'ready');
    const url = new URL(String(ready.url));
    // The request is in flight while its body is still arriving.
    const body = JSON.stringify({ question: '独角兽奖励多少' });
    const response = new Promise<{ status: number; text: string }>((resolve, reject) => {
      const req = request({ host: url.hostname, port: url.port, path: '/api/ask', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text }));
      });
      req.on('error', reject);
      req.write(body.slice(0, 5));
      setTimeout(() => {
        s.child.kill('SIGTERM');
        setTimeout(() => req.end(body.slice(5)), 300);
      }, 200);
    });
    const r = await response;
    expect(r.status).toBe(200);
    expect(JSON.parse(r.text).answer).toContain('400万元');
    expect(await s.exited).toBe(0);
    expect(s.lines.some((l) => l.event === 'shutdown')).toBe(true);
  });
});
