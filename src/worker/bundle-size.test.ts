import { spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_INDEX_DIR, PROJECT_ROOT } from '../node/loaders.js';
import { loadOrBuildIndex } from '../node/index-store.js';
import { lexicon, sources, tokenizer } from '../testing/fixtures.js';
import { readWorkerArtifacts, writeWorkerArtifacts } from '../node/worker-artifacts.js';

// Cloudflare's limit for a Worker on the free plan, measured compressed (the paid plan allows 10 MiB).
const LIMIT = 3 * 1024 * 1024;

let out: string;
let result: { status: number | null; stdout: string; stderr: string };

beforeAll(async () => {
  // What `npm run deploy:dry` bundles: the current index and the artifacts made from it.
  await loadOrBuildIndex(DEFAULT_INDEX_DIR, sources, lexicon, tokenizer);
  await writeWorkerArtifacts(await readWorkerArtifacts());
  out = mkdtempSync(join(tmpdir(), 'policy-dist-'));
  const wrangler = join(createRequire(import.meta.url).resolve('wrangler/package.json'), '..', 'bin', 'wrangler.js');
  const r = spawnSync(process.execPath, [wrangler, 'deploy', '--dry-run', '--outdir', out], {
    cwd: PROJECT_ROOT,
    encoding: 'utf8',
    env: { ...process.env, WRANGLER_SEND_METRICS: 'false', CLOUDFLARE_CF_FETCH_ENABLED: 'false', NODE_OPTIONS: '' },
  });
  result = { status: r.status, stdout: r.stdout, stderr: r.stderr };
}, 120_000);
afterAll(() => rmSync(out, { recursive: true, force: true }));

describe('the Worker bundle (wrangler deploy --dry-run, offline)', () => {
  it('builds, with the Durable Object binding', () => {
    expect(result.status, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/env\.SESSIONS \(SessionObject\)\s+Durable Object/);
  });

  it('stays under 3 MiB gzipped', () => {
    const modules = readdirSync(out).filter((f) => !f.endsWith('.map') && f !== 'README.md');
    // The script and the artifacts Text module are uploaded as separate modules.
    expect(modules.some((f) => f.endsWith('.txt'))).toBe(true);
    const gzipped = modules.reduce((n, f) => n + gzipSync(readFileSync(join(out, f)), { level: 9 }).length, 0);
    expect(gzipped).toBeLessThan(LIMIT);
    const reported = /gzip: ([\d.]+) KiB/.exec(result.stdout);
    expect(reported, result.stdout).not.toBeNull();
    expect(Number(reported![1]) * 1024).toBeLessThan(LIMIT);
  });
});
