// npm run bench — starts the server and measures it: /api/health vs /api/ask throughput and latency in the same
// run, cold start to the first answer, index build time, peak RSS, a 100-document scale run, and (--soak) a 60 s
// soak mixing /api/ask and /wechat. Prints the targets table.
import { blocksToText } from '../src/corpus/blocks.js';
import autocannon from 'autocannon';
import { execSync, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PROJECT_ROOT, readCorpus, readLexicon } from '../src/node/loaders.js';
import { REALDOCS_DIR } from '../src/testing/realdocs.js';
import { scaleCorpus } from './scale-corpus.js';
import { loadQuestions } from './dataset.js';
import { syntheticDocuments } from './synthetic-corpus.js';
import { libraryKnowledgeBase } from './library/kb.js';
import { loadProfiles } from './profiles.js';
import { matchProfile } from '../src/match/match.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
const SOAK = process.argv.includes('--soak');
const work = mkdtempSync(join(tmpdir(), 'policy-bench-'));
const questions = loadQuestions().map((q) => q.question);
const WECHAT_TOKEN = 'benchtoken';
// The server runs exactly as `npm start` runs it: the bundled entry with the package's Node flags.
const pkg = JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8'));
const NODE_FLAGS: string[] = pkg.config.nodeFlags.split(/\s+/).filter(Boolean);
execSync('npm run -s build:node', { cwd: PROJECT_ROOT, stdio: 'inherit' });

function run(cmd: string[], env: Record<string, string>): Promise<{ ms: number; out: string }> {
  const t0 = performance.now();
  return new Promise((resolve, reject) => {
    const p = spawn(process.execPath, cmd, { cwd: PROJECT_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    p.stdout.on('data', (d) => (out += d));
    p.on('exit', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, out }) : reject(new Error(`${cmd.join(' ')} exited ${code}`))));
  });
}

interface Server { url: string; pid: number; coldStartMs: number; stop(): Promise<void> }

async function startServer(env: Record<string, string>): Promise<Server> {
  const t0 = performance.now();
  const p = spawn(process.execPath, [...NODE_FLAGS, 'dist/node.mjs'], {
    cwd: PROJECT_ROOT,
    env: { ...process.env, PORT: '0', LOG_REQUESTS: '0', RATE_LIMIT_PER_MIN: '0', WECHAT_TOKEN, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let buf = '';
    p.stdout!.on('data', (d) => {
      buf += d;
      const m = buf.match(/"event":"ready","url":"([^"]+)"/);
      if (m) resolve(m[1]);
    });
    p.on('exit', (code) => reject(new Error(`server exited ${code}`)));
  });
  // Cold start ends at the first answer, not at "listening".
  for (;;) {
    const res = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question: questions[0] }) }).catch(() => undefined);
    if (res?.ok) break;
    await new Promise((r) => setTimeout(r, 5));
  }
  const coldStartMs = performance.now() - t0;
  return {
    url, pid: p.pid!, coldStartMs,
    stop: () => new Promise((r) => { p.on('exit', () => r()); p.kill('SIGTERM'); }),
  };
}

/** Peak and current resident memory of a process, from /proc (Linux). */
function memory(pid: number): { peakMb: number; rssMb: number } {
  const s = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(s.match(new RegExp(`${k}:\\s+(\\d+)`))?.[1] ?? 0);
  return { peakMb: kb('VmHWM') / 1024, rssMb: kb('VmRSS') / 1024 };
}

async function load(url: string, path: string, connections: number, seconds: number, body?: () => { path?: string; body: string; headers: Record<string, string> }) {
  const result = await autocannon({
    url: `${url}${path}`,
    connections,
    duration: seconds,
    method: body ? 'POST' : 'GET',
    requests: [{ setupRequest: (req: Record<string, unknown>) => (body ? { ...req, ...body(), method: 'POST' } : req) }],
  } as never);
  const r = result as unknown as { requests: { average: number }; latency: { p50: number; p99: number; average: number }; errors: number; timeouts: number; non2xx: number };
  return { rps: r.requests.average, p50: r.latency.p50, p99: r.latency.p99, errors: r.errors + r.timeouts + r.non2xx };
}

let askCounter = 0;
const askBody = () => ({ body: JSON.stringify({ question: questions[askCounter++ % questions.length] }), headers: { 'content-type': 'application/json' } });

let msgId = 1;
function wechatRequest() {
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = String(msgId);
  const signature = createHash('sha1').update([WECHAT_TOKEN, ts, nonce].sort().join('')).digest('hex');
  const q = questions[msgId % questions.length];
  const body = `<xml><ToUserName><![CDATA[gh_bench]]></ToUserName><FromUserName><![CDATA[user${msgId % 500}]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${q}]]></Content><MsgId>${msgId++}</MsgId></xml>`;
  return { path: `/wechat?signature=${signature}&timestamp=${ts}&nonce=${nonce}`, body, headers: { 'content-type': 'text/xml' } };
}

const dirSize = (d: string): number => readdirSync(d).reduce((n, f) => { const p = join(d, f); const s = statSync(p); return n + (s.isDirectory() ? dirSize(p) : s.size); }, 0);

// --scale N: a province-sized corpus (eval/scale-corpus.ts) instead of the usual run. Build time and index size;
// health, cached and uncached ask at 32 connections in the same run; RSS after load; one document added while serving.
const scaleAt = process.argv.indexOf('--scale');
if (scaleAt !== -1) {
  const n = Number(process.argv[scaleAt + 1]);
  if (!Number.isInteger(n) || n < 1) throw new Error('usage: npm run bench -- --scale <documents>');
  const library = await libraryKnowledgeBase();
  const bases = library.documents.map((d) => ({ file: d.file, region: d.region, text: readFileSync(d.file === 'guangxi-hitech-zones-2021.txt' ? join(PROJECT_ROOT, 'corpus', d.file) : join(REALDOCS_DIR, d.file), 'utf8') }));
  const docs = scaleCorpus(bases, n + 1, readLexicon().places);
  const extra = docs.pop()!;
  const dir = join(work, `scale${n}`);
  mkdirSync(dir);
  for (const d of docs) writeFileSync(join(dir, d.file), d.text);
  const index = join(work, `index${n}`);
  const built = await run(['--import', 'tsx', 'src/cli/build-index.ts', index], { CORPUS_DIR: dir });
  const builtMs = Number(built.out.match(/in (\d+) ms/)?.[1] ?? built.ms);
  const sizeMb = dirSize(index) / 1048576;
  const KEY = 'bench:bench-secret-key-1234';
  const measure = async (env: Record<string, string>) => {
    const srv = await startServer({ INDEX_DIR: index, CORPUS_DIR: dir, ...env });
    await load(srv.url, '/api/ask', 8, 2, askBody);
    const h = await load(srv.url, '/api/health', 32, SECONDS);
    const a = await load(srv.url, '/api/ask', 32, SECONDS, askBody);
    return { srv, h, a, mem: memory(srv.pid) };
  };
  const cold = await measure({ ANSWER_CACHE: '0' });
  await cold.srv.stop();
  const warm = await measure({ ADMIN_KEYS: KEY, AUDIT_LOG: join(work, 'audit.log') });
  const t0 = performance.now();
  const added = await fetch(`${warm.srv.url}/api/documents`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY.split(':')[1]}` },
    body: JSON.stringify({ fileName: extra.file, contentBase64: Buffer.from(extra.text).toString('base64') }),
  });
  const addMs = performance.now() - t0;
  const addStatus = added.status;
  await warm.srv.stop();
  rmSync(work, { recursive: true, force: true });
  const rowsScale: [string, string, string, boolean | undefined][] = [
    [`${n} documents: build`, `${(builtMs / 1000).toFixed(1)} s, index ${sizeMb.toFixed(1)} MB`, '≤ 120 s', builtMs <= 120_000],
    ['`/api/health` (cache off run)', `${cold.h.rps.toFixed(0)} req/s (p99 ${cold.h.p99} ms)`, '—', undefined],
    ['ask, cache off (`ANSWER_CACHE=0`)', `${cold.a.rps.toFixed(0)} req/s = ${((cold.a.rps / cold.h.rps) * 100).toFixed(1)}% of health (p50 ${cold.a.p50} ms, p99 ${cold.a.p99} ms)`, 'p99 ≤ 2× seed-only', undefined],
    ['ask, cache on', `${warm.a.rps.toFixed(0)} req/s = ${((warm.a.rps / warm.h.rps) * 100).toFixed(1)}% of health (p50 ${warm.a.p50} ms, p99 ${warm.a.p99} ms)`, '—', undefined],
    ['RSS after load', `${cold.mem.peakMb.toFixed(0)} MB peak (cache off), ${warm.mem.peakMb.toFixed(0)} MB (cache on)`, '≤ 600 MB', Math.max(cold.mem.peakMb, warm.mem.peakMb) <= 600],
    ['Add one document while serving', `${addMs.toFixed(0)} ms (HTTP ${addStatus})`, '≤ 2 s, no full rebuild', addStatus < 300 && addMs <= 2000],
  ];
  console.log(`\nnpm run bench -- --scale ${n} (${SECONDS} s per load, Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
  console.log('| Measure | Result | Target | Met |');
  console.log('|---|---|---|---|');
  for (const [m, r, t, ok] of rowsScale) console.log(`| ${m} | ${r} | ${t} | ${ok === undefined ? '' : ok ? 'yes' : '**no**'} |`);
  process.exit(0);
}

// 1. Index build of the corpus.
const indexDir = join(work, 'index');
const build = await run(['--import', 'tsx', 'src/cli/build-index.ts', indexDir], {});
const buildMs = Number(build.out.match(/in (\d+) ms/)?.[1] ?? build.ms);

// 2. Cold start, then health and ask in the same run.
const server = await startServer({ INDEX_DIR: indexDir });
await load(server.url, '/api/health', 8, 2); // warm-up
await load(server.url, '/api/ask', 8, 2, askBody);
const health = await load(server.url, '/api/health', 32, SECONDS);
const ask = await load(server.url, '/api/ask', 32, SECONDS, askBody);
// The benefit finder over HTTP: one profile, every award's rule checked per request.
const match = await load(server.url, '/api/match', 32, SECONDS, () => ({ body: JSON.stringify({ profile: '我们是南宁高新区的企业，牵头建设的国家技术创新中心今年新认定了，今年还第一次入选独角兽企业培育库，能拿哪些？' }), headers: { 'content-type': 'application/json' } }));
const mem = memory(server.pid);

let soak: { errors: number; rssStartMb: number; rssEndMb: number; growthPct: number; rps: number } | undefined;
if (SOAK) {
  const rssStartMb = memory(server.pid).rssMb;
  const [a, w] = await Promise.all([load(server.url, '/api/ask', 32, 60, askBody), load(server.url, '/wechat', 32, 60, wechatRequest)]);
  const rssEndMb = memory(server.pid).rssMb;
  soak = { errors: a.errors + w.errors, rssStartMb, rssEndMb, growthPct: ((rssEndMb - rssStartMb) / rssStartMb) * 100, rps: a.rps + w.rps };
}
await server.stop();

// 2b. The same with nodejieba (TOKENIZER=nodejieba; the server's default is the TypeScript port): same tokens, more memory.
const serverTs = await startServer({ INDEX_DIR: indexDir, TOKENIZER: 'nodejieba' });
await load(serverTs.url, '/api/ask', 8, 2, askBody);
const healthTs = await load(serverTs.url, '/api/health', 32, SECONDS);
const askTs = await load(serverTs.url, '/api/ask', 32, SECONDS, askBody);
const memTs = memory(serverTs.pid);
await serverTs.stop();

// 3. Scale: 100 synthetic documents.
const corpusDir = join(work, 'corpus100');
mkdirSync(corpusDir);
for (const d of syntheticDocuments(blocksToText((await readCorpus())[0].blocks), 100)) writeFileSync(join(corpusDir, d.file), d.text);
const index100 = join(work, 'index100');
const build100 = await run(['--import', 'tsx', 'src/cli/build-index.ts', index100], { CORPUS_DIR: corpusDir });
const build100Ms = Number(build100.out.match(/in (\d+) ms/)?.[1] ?? build100.ms);
const server100 = await startServer({ INDEX_DIR: index100, CORPUS_DIR: corpusDir });
await load(server100.url, '/api/ask', 8, 2, askBody);
const ask100 = await load(server100.url, '/api/ask', 32, SECONDS, askBody);
const mem100 = memory(server100.pid);
await server100.stop();

const index100Mb = dirSize(index100) / 1048576;

// 4. The benefit finder in process, over the seed and the eight real documents: every profile of the eval sets.
const libraryKb = await libraryKnowledgeBase();
const profiles = [...loadProfiles('dev'), ...loadProfiles('holdout')].map((p) => p.profile);
matchProfile(libraryKb, profiles[0]); // builds the matcher once, as the first request does
const matchMs: number[] = [];
for (let round = 0; round < 5; round++) {
  for (const p of profiles) {
    const t0 = performance.now();
    matchProfile(libraryKb, p);
    matchMs.push(performance.now() - t0);
  }
}
matchMs.sort((a, b) => a - b);
const matchP50 = matchMs[Math.floor(matchMs.length * 0.5)];
const matchP99 = matchMs[Math.floor(matchMs.length * 0.99)];
rmSync(work, { recursive: true, force: true });

const ratio = ask.rps / health.rps;
const rows: [string, string, string, boolean | undefined][] = [
  ['`/api/health` throughput', `${health.rps.toFixed(0)} req/s (p50 ${health.p50} ms, p99 ${health.p99} ms)`, '—', undefined],
  ['`/api/ask` throughput', `${ask.rps.toFixed(0)} req/s (p50 ${ask.p50} ms, p99 ${ask.p99} ms)`, '≥ 50% of health', ratio >= 0.5],
  ['ask / health ratio', `${(ratio * 100).toFixed(1)}%`, '≥ 50%', ratio >= 0.5],
  ['`/api/ask` p99 at 32 connections', `${ask.p99} ms`, '≤ 10 ms', ask.p99 <= 10],
  ['`/api/match` at 32 connections (seed)', `${match.rps.toFixed(0)} req/s (p50 ${match.p50} ms, p99 ${match.p99} ms)`, '—', undefined],
  ['Benefit finder in process (9 documents, 80 profiles × 5)', `p50 ${matchP50.toFixed(2)} ms, p99 ${matchP99.toFixed(2)} ms`, '≤ 50 ms', matchP99 <= 50],
  ['Cold start to first answer', `${server.coldStartMs.toFixed(0)} ms`, '≤ 1500 ms', server.coldStartMs <= 1500],
  ['Index build (1 document)', `${buildMs} ms`, '—', undefined],
  ['Peak RSS (after load)', `${mem.peakMb.toFixed(0)} MB`, '≤ 200 MB', mem.peakMb <= 200],
  ['100-document corpus: build', `${(build100Ms / 1000).toFixed(1)} s, index ${index100Mb.toFixed(1)} MB`, '≤ 60 s', build100Ms <= 60_000],
  ['100-document corpus: query p99', `${ask100.p99} ms (${ask100.rps.toFixed(0)} req/s, peak RSS ${mem100.peakMb.toFixed(0)} MB)`, `≤ 2× ${ask.p99} ms`, ask100.p99 <= 2 * Math.max(ask.p99, 1)],
];
const ratioTs = askTs.rps / healthTs.rps;
rows.push(
  ['with `TOKENIZER=nodejieba`: ask / health', `${askTs.rps.toFixed(0)} / ${healthTs.rps.toFixed(0)} req/s = ${(ratioTs * 100).toFixed(1)}% (ask p99 ${askTs.p99} ms)`, '≥ 50%, ≤ 10 ms', ratioTs >= 0.5 && askTs.p99 <= 10],
  ['with `TOKENIZER=nodejieba`: cold start', `${serverTs.coldStartMs.toFixed(0)} ms`, '≤ 1500 ms', serverTs.coldStartMs <= 1500],
  ['with `TOKENIZER=nodejieba`: peak RSS', `${memTs.peakMb.toFixed(0)} MB`, '≤ 200 MB', memTs.peakMb <= 200],
);
if (soak) rows.push(['Soak 60 s, 64 connections (ask + wechat)', `${soak.errors} errors, RSS ${soak.rssStartMb.toFixed(0)} → ${soak.rssEndMb.toFixed(0)} MB (${soak.growthPct.toFixed(1)}%), ${soak.rps.toFixed(0)} req/s`, '0 errors, growth < 20%', soak.errors === 0 && soak.growthPct < 20]);
else rows.push(['Soak', 'not run (npm run bench -- --soak)', '0 errors, growth < 20%', undefined]);

console.log(`\nnpm run bench${SOAK ? ' -- --soak' : ''} (${SECONDS} s per load, Node ${process.version}, ${new Date().toISOString().slice(0, 10)})\n`);
console.log('| Measure | Result | Target | Met |');
console.log('|---|---|---|---|');
for (const [m, r, t, ok] of rows) console.log(`| ${m} | ${r} | ${t} | ${ok === undefined ? '' : ok ? 'yes' : '**no**'} |`);
mkdirSync(join(PROJECT_ROOT, 'eval', 'out'), { recursive: true });
writeFileSync(join(PROJECT_ROOT, 'eval', 'out', 'bench.json'), JSON.stringify({ health, ask, ratio, healthTs, askTs, memTs, coldStartTsMs: serverTs.coldStartMs, coldStartMs: server.coldStartMs, buildMs, mem, build100Ms, index100Mb, ask100, mem100, soak }, null, 1));
