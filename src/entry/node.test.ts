// The Node entry as a real process: start-up with a missing or corrupt index, and graceful shutdown.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync, writeSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../node/loaders.js';

const dirs: string[] = [];
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

/** The seed's index part, as the manifest names it. */
const partOf = (dir: string) => join(dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).parts[0].path);

function start(indexDir: string) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/entry/node.ts'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', INDEX_DIR: indexDir, SESSIONS_DB: 'memory', NODE_OPTIONS: '' },
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
  const until = async (pred: (l: Record<string, unknown>) => boolean, ms = 60_000) => {
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

// Real processes (tsx compiling on start) on a shared machine: generous timeouts, no timing assertions.
describe('node entry', { timeout: 120_000 }, () => {
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
    writeFileSync(partOf(dir), '{ not json');
    const s = start(dir);
    expect(await s.exited).toBe(1);
    const fatal = s.lines.find((l) => l.event === 'index-unusable')!;
    expect(fatal).toMatchObject({ level: 'fatal', code: 'INDEX_CORRUPT' });
    expect(String(fatal.fix)).toContain('build:index');
  });

  it('refuses to start on an index with one figure edited or the HNSW file overwritten: exit 1, never SIGSEGV, never serve', async () => {
    const dir = tmp();
    const first = start(dir);
    await first.until((l) => l.event === 'ready');
    first.child.kill('SIGTERM');
    await first.exited;
    const kb = partOf(dir);
    const original = readFileSync(kb, 'utf8');
    writeFileSync(kb, original.replaceAll('50万元', '80万元'));
    const edited = start(dir);
    expect(await edited.exited).toBe(1);
    expect(edited.lines.find((l) => l.event === 'index-unusable')).toMatchObject({ level: 'fatal', code: 'INDEX_CORRUPT' });
    writeFileSync(kb, original);
    const fd = openSync(join(dir, JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')).hnswDir, 'hnswlib.index'), 'r+');
    writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 1024);
    closeSync(fd);
    const overwritten = start(dir);
    expect(await overwritten.exited).toBe(1);
    expect(overwritten.lines.find((l) => l.event === 'index-unusable')).toMatchObject({ level: 'fatal', code: 'INDEX_CORRUPT' });
    expect(overwritten.lines.some((l) => l.event === 'ready')).toBe(false);
  });

  it('finishes an in-flight request on SIGTERM before exiting', async () => {
    const s = start(tmp());
    const ready = await s.until((l) => l.event === 'ready');
    const url = new URL(String(ready.url));
    // The request is in flight while its body is still arriving.
    const body = JSON.stringify({ question: '独角兽奖励多少' });
    const response = new Promise<{ status: number; text: string; connection?: string }>((resolve, reject) => {
      const agent = new Agent({ keepAlive: true });
      const req = request({ agent, host: url.hostname, port: url.port, path: '/api/ask', method: 'POST', headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) } }, (res) => {
        let text = '';
        res.on('data', (d) => (text += d));
        res.on('end', () => resolve({ status: res.statusCode!, text, connection: res.headers.connection }));
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
    // Issue 17, defect 7: a keep-alive client told keep-alive now would send its next request into a closing process.
    expect(r.connection).toBe('close');
    expect(await s.exited).toBe(0);
    expect(s.lines.some((l) => l.event === 'shutdown')).toBe(true);
  });
});
