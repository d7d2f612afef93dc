// What ships, tested as it runs: the bundle `npm start` builds and starts (npm run build:node, then
// node dist/node.mjs), and the CLI as `npm run ask` runs it. Issue 17, defect 10: with an LLM configured,
// the bundle resolved prompts/ relative to the wrong folder and exited with ENOENT; tests ran the source only.
import { execFileSync, execSync } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../node/loaders.js';
import { startEntry } from '../testing/entry-process.js';
import { startFakeOpenAI, type FakeOpenAI } from '../testing/fake-openai.js';
import { REALDOCS_DIR } from '../testing/realdocs.js';

const root = mkdtempSync(join(tmpdir(), 'policy-bundle-'));
const nodeFlags = (JSON.parse(execSync('npm pkg get config.nodeFlags', { cwd: PROJECT_ROOT, encoding: 'utf8' })) as string).split(' ').filter(Boolean);
let fake: FakeOpenAI;
let indexDir: string;

beforeAll(async () => {
  execSync('npm run -s build:node', { cwd: PROJECT_ROOT, stdio: 'inherit' });
  fake = await startFakeOpenAI();
  indexDir = join(root, 'index');
}, 120_000);
afterAll(async () => {
  await fake?.close();
  rmSync(root, { recursive: true, force: true });
});

/** `node $npm_package_config_nodeFlags dist/node.mjs`, as `npm start` runs it after building. */
const startBundle = (env: Record<string, string>) =>
  startEntry([...nodeFlags, 'dist/node.mjs'], { PORT: '0', INDEX_DIR: indexDir, SESSIONS_DB: join(root, 'sessions.sqlite'), LOG_REQUESTS: '0', ...env });

async function ask(url: string, question: string, sessionId?: string) {
  const res = await fetch(`${url}/api/ask`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(sessionId ? { question, sessionId } : { question }) });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ answer: string; sessionId: string; notice?: string; generatedBy?: string; facts: { display: string }[] }>;
}

describe('the bundle npm start runs', { timeout: 120_000 }, () => {
  it('answers through the LLM path, with the model configured against the fake OpenAI server', async () => {
    fake.script({ content: '新认定的国家级科技企业孵化器可获得100万元配套资助，由自治区发展改革委牵头。' });
    const p = startBundle({ LLM_BASE_URL: fake.url, LLM_MODEL: 'fake-qwen', LLM_API_KEY: 'test-key' });
    const ready = await p.until((l) => l.event === 'ready' || l.level === 'fatal', 60_000);
    expect(ready.event, p.stderr()).toBe('ready');
    const a = await ask(String(ready.url), '国家级孵化器新认定给多少？');
    expect(a.generatedBy).toBe('llm');
    expect(a.answer).toContain('新认定的国家级科技企业孵化器可获得100万元配套资助');
    expect(fake.requests.at(-1)?.system).toContain('不编造'); // prompts/system.md reached the model
    p.kill();
    expect(await p.exited).toBe(0);
  });

  it('keeps a conversation across a restart (SQLite sessions); with memory sessions it says the conversation expired', async () => {
    const first = startBundle({});
    const url = String((await first.until((l) => l.event === 'ready', 60_000)).url);
    const a1 = await ask(url, '国家级孵化器新认定给多少？');
    first.kill();
    expect(await first.exited).toBe(0);
    const second = startBundle({});
    const url2 = String((await second.until((l) => l.event === 'ready', 60_000)).url);
    const a2 = await ask(url2, '那自治区级的呢？', a1.sessionId);
    expect(a2.notice).toBeUndefined();
    expect(a2.facts.map((f) => f.display)).toEqual(['50万元']);
    // The benefit finder as bundled: the eligibility rules the index build attached, read by POST /api/match.
    const m = await fetch(`${url2}/api/match`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ profile: '我们是国家高新区，今年全国排名从第50升到第38' }) });
    expect(m.status).toBe(200);
    const items = ((await m.json()) as { items: { status: string; clause: string; amount: string }[] }).items;
    expect(items.filter((i) => i.status === 'eligible').map((i) => `${i.clause} ${i.amount}`)).toEqual(['（二十七） 800万元']);
    second.kill();
    await second.exited;
    const memory = startBundle({ SESSIONS_DB: 'memory' });
    const url3 = String((await memory.until((l) => l.event === 'ready', 60_000)).url);
    const a3 = await ask(url3, '那自治区级的呢？', a1.sessionId);
    expect(a3.notice).toBe('session_expired');
    expect(a3.answer.split('\n')[0]).toBe('之前的对话已过期，请重新说明问题。');
    memory.kill();
    await memory.exited;
  });

  it('takes a PDF and a DOCX upload while running (the readers as bundled), answers from them, and removes one', async () => {
    // pdfjs and mammoth are bundled into dist/node.mjs: a reader that only works from source fails here.
    const corpusDir = join(root, 'upload-corpus');
    mkdirSync(corpusDir, { recursive: true });
    copyFileSync(join(DEFAULT_CORPUS_DIR, 'guangxi-hitech-zones-2021.txt'), join(corpusDir, 'guangxi-hitech-zones-2021.txt'));
    const p = startBundle({ CORPUS_DIR: corpusDir, INDEX_DIR: join(root, 'upload-index'), ADMIN_KEYS: 'ops:correct-horse-battery', AUDIT_LOG: join(root, 'audit.log') });
    const url = String((await p.until((l) => l.event === 'ready' || l.level === 'fatal', 60_000)).url);
    const auth = { authorization: 'Bearer correct-horse-battery' };
    const send = (file: string) => {
      const form = new FormData();
      form.append('file', new Blob([readFileSync(join(REALDOCS_DIR, file))]), file);
      return fetch(`${url}/api/documents`, { method: 'POST', headers: auth, body: form });
    };
    const pdf = await send('national-iit-special-deductions-2018.pdf');
    expect(pdf.status, await pdf.clone().text()).toBe(201);
    expect(((await pdf.json()) as { report: { clauses: number } }).report.clauses).toBeGreaterThan(25);
    const docx = await send('tianhe-talent-apartments-2025.docx');
    expect(docx.status, await docx.clone().text()).toBe(201);
    const listed = async () => ((await (await fetch(`${url}/api/documents`)).json()) as { docId: string }[]).map((d) => d.docId).sort();
    expect(await listed()).toEqual(['guangxi-hitech-zones-2021', 'national-iit-special-deductions-2018', 'tianhe-talent-apartments-2025']);
    const a = (await ask(url, '个税子女教育专项附加扣除每个子女每月扣多少？')) as unknown as { answer: string; citations: { docId: string }[] };
    expect(a.citations[0].docId).toBe('national-iit-special-deductions-2018');
    expect(a.answer).toContain('1000元');
    const removed = await fetch(`${url}/api/documents/tianhe-talent-apartments-2025`, { method: 'DELETE', headers: auth });
    expect(removed.status).toBe(200);
    expect(await listed()).toEqual(['guangxi-hitech-zones-2021', 'national-iit-special-deductions-2018']);
    expect(readdirSync(corpusDir).sort()).toEqual(['guangxi-hitech-zones-2021.txt', 'national-iit-special-deductions-2018.pdf']);
    expect(readFileSync(join(root, 'audit.log'), 'utf8').trim().split('\n')).toHaveLength(3);
    p.kill();
    expect(await p.exited).toBe(0);
  });

  it('stops with one clear coded line for a port in use, an unreadable corpus and an unwritable data folder', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = String((taken.address() as AddressInfo).port);
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    const cases: [Record<string, string>, string, RegExp][] = [
      [{ PORT: port }, 'PORT_IN_USE', new RegExp(`port ${port} on 127\\.0\\.0\\.1 is already in use`)],
      [{ CORPUS_DIR: join(root, 'no-such-corpus') }, 'CORPUS_UNREADABLE', /no-such-corpus/],
      [{ INDEX_DIR: join(blocker, 'index') }, 'DATA_DIR_UNWRITABLE', /a-file/],
      [{ SESSIONS_DB: join(blocker, 'sessions.sqlite') }, 'DATA_DIR_UNWRITABLE', /a-file/],
    ];
    for (const [env, code, message] of cases) {
      const p = startBundle(env);
      expect(await p.exited, code).toBe(1);
      const fatal = p.lines.find((l) => l.level === 'fatal');
      expect(fatal, `${code}: ${p.stdout()} ${p.stderr()}`).toMatchObject({ code });
      expect(String(fatal!.message)).toMatch(message);
      expect(String(fatal!.fix).length).toBeGreaterThan(10);
      // One line on stderr, no stack trace.
      expect(p.stderr().trim().split('\n')).toHaveLength(1);
      expect(p.stderr()).toContain(code);
      expect(p.stderr()).not.toMatch(/\n\s+at /);
    }
    await new Promise((r) => taken.close(r));
  });
});

describe('the CLI as npm run ask runs it', { timeout: 120_000 }, () => {
  it('answers one conversation of several questions', () => {
    const out = execFileSync('npm', ['run', '-s', 'ask', '--', '国家级孵化器新认定给多少？', '那自治区级的呢？'], {
      cwd: PROJECT_ROOT,
      env: { ...process.env, NODE_OPTIONS: '', INDEX_DIR: indexDir },
      encoding: 'utf8',
    });
    expect(out).toContain('问：国家级孵化器新认定给多少？');
    expect(out).toMatch(/\[amount\]\n新认定为国家级科技企业孵化器：100万元/);
    expect(out).toMatch(/问：那自治区级的呢？\n\[amount\]\n新认定为自治区级科技企业孵化器：50万元/);
  });
});
