// Documents added and removed while the service answers, with the real reader → parser → index → swap path over a
// temporary corpus folder: the report, the file written, questions answered from the new document, questions in
// flight during the swap never failing, bad uploads refused with the corpus unchanged, the audit log, and a
// 30-page text PDF (printed by Chromium) answerable in under 10 s.
import { copyFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { CHROMIUM_PATH } from '../testing/browser.js';
import { lexicon, tokenizer } from '../testing/fixtures.js';
import { REALDOCS_DIR } from '../testing/realdocs.js';
import { makeZip } from '../testing/zip.js';
import { createDocumentAdmin } from './document-admin.js';
import { loadOrBuildIndex } from './index-store.js';
import { DEFAULT_CORPUS_DIR, readCorpus } from './loaders.js';

const root = mkdtempSync(join(tmpdir(), 'policy-docs-'));
const corpusDir = join(root, 'corpus');
const indexDir = join(root, 'index');
const auditFile = join(root, 'audit.log');
let runtime: Runtime;
const auth = { authorization: 'Bearer correct-horse-battery', 'content-type': 'application/json' };

beforeAll(async () => {
  rmSync(corpusDir, { recursive: true, force: true });
  (await import('node:fs')).mkdirSync(corpusDir, { recursive: true });
  copyFileSync(join(DEFAULT_CORPUS_DIR, 'guangxi-hitech-zones-2021.txt'), join(corpusDir, 'guangxi-hitech-zones-2021.txt'));
  const sources = await readCorpus(corpusDir);
  const { kb } = await loadOrBuildIndex(indexDir, sources, lexicon, tokenizer);
  const documents = createDocumentAdmin({ corpusDir, indexDir, lex: lexicon, tokenizer, sources, swap: (next) => runtime.swap(next), auditFile });
  runtime = createRuntime({ kb, documents, config: configFromEnv({ RATE_LIMIT_PER_MIN: '0', ADMIN_KEYS: 'ops:correct-horse-battery' }), logError: () => {} });
}, 60_000);
afterAll(() => rmSync(root, { recursive: true, force: true }));

const upload = (fileName: string, bytes: Uint8Array, query = '') =>
  runtime.app.request(new Request(`http://local/api/documents${query}`, { method: 'POST', headers: auth, body: JSON.stringify({ fileName, contentBase64: Buffer.from(bytes).toString('base64') }) }));
const ask = async (question: string) => {
  const res = await runtime.app.request(new Request('http://local/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ question }) }));
  return { status: res.status, body: (await res.json()) as { answer: string; intent: string; citations: { docId: string }[] } };
};
const listed = async () => ((await (await runtime.app.request('http://local/api/documents')).json()) as { docId: string }[]).map((d) => d.docId);
const realdoc = (f: string) => new Uint8Array(readFileSync(join(REALDOCS_DIR, f)));
const corpusFiles = () => readdirSync(corpusDir).sort();

describe('documents added and removed while answering', { timeout: 120_000 }, () => {
  it('a dry run reports the parse and changes nothing', async () => {
    const res = await upload('national-iit-special-deductions-2018.txt', realdoc('national-iit-special-deductions-2018.txt'), '?dryRun=1');
    expect(res.status).toBe(200);
    const { report, dryRun } = await res.json();
    expect(dryRun).toBe(true);
    expect(report.clauses).toBeGreaterThan(25);
    expect(report.docNumber).toBe('国发〔2018〕41号');
    expect(corpusFiles()).toEqual(['guangxi-hitech-zones-2021.txt']);
    expect(await listed()).toEqual(['guangxi-hitech-zones-2021']);
  });

  it('an upload is answered from at once, written into the corpus and logged, while questions in flight never fail', async () => {
    // Questions keep coming, several at a time, from before the upload starts until after it is swapped in.
    let done = false;
    const pending = Promise.resolve(upload('national-iit-special-deductions-2018.txt', realdoc('national-iit-special-deductions-2018.txt'))).finally(() => {
      done = true;
    });
    const answers: Awaited<ReturnType<typeof ask>>[] = [];
    do {
      answers.push(...(await Promise.all(Array.from({ length: 4 }, (_, i) => ask(i % 2 ? '新认定的自治区级孵化器给多少钱？' : '土地这块归谁管？')))));
      // app.request resolves in microtasks alone; real requests arrive as I/O, which lets the upload's own I/O run.
      await new Promise((r) => setImmediate(r));
    } while (!done);
    answers.push(...(await Promise.all(Array.from({ length: 4 }, () => ask('新认定的自治区级孵化器给多少钱？')))));
    const res = await pending;
    expect(res.status).toBe(201);
    expect(answers.length).toBeGreaterThanOrEqual(8);
    expect(answers.every((a) => a.status === 200 && a.body.citations.length > 0)).toBe(true);
    const a = await ask('个税子女教育专项附加扣除每个子女每月扣多少？');
    expect(a.body.citations[0].docId).toBe('national-iit-special-deductions-2018');
    expect(a.body.answer).toContain('1000元');
    expect(corpusFiles()).toContain('national-iit-special-deductions-2018.txt');
    expect(await listed()).toContain('national-iit-special-deductions-2018');
    const log = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.at(-1)).toMatchObject({ actor: 'ops', action: 'add', docId: 'national-iit-special-deductions-2018' });
  });

  it('refuses bad uploads with a 4xx and leaves corpus and index as they were', async () => {
    const before = corpusFiles();
    const same = await upload('copy-of-iit.txt', realdoc('national-iit-special-deductions-2018.txt'));
    expect(same.status).toBe(409);
    expect((await same.json()).error.message).toContain('national-iit-special-deductions-2018.txt');
    const noClauses = await upload('note.txt', new TextEncoder().encode('关于召开会议的通知\n请各单位于下周一参加会议。'));
    expect(noClauses.status).toBe(422);
    expect((await noClauses.json()).error.code).toBe('DOC_NO_CLAUSES');
    const notPdf = await upload('broken.pdf', new TextEncoder().encode('%PDF-1.7 this is not a pdf'));
    expect(notPdf.status).toBeGreaterThanOrEqual(400);
    expect(notPdf.status).toBeLessThan(500);
    const bomb = await makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(60 * 1024 * 1024).fill(0x20) },
    ]);
    expect((await upload('bomb.docx', bomb)).status).toBe(413);
    expect(corpusFiles()).toEqual(before);
    expect(await listed()).toEqual(['guangxi-hitech-zones-2021', 'national-iit-special-deductions-2018']);
  });

  it('a file sent again under its own name replaces the document; sent unchanged, it is refused as a duplicate', async () => {
    const text = readFileSync(join(REALDOCS_DIR, 'national-iit-special-deductions-2018.txt'), 'utf8');
    const unchanged = await upload('national-iit-special-deductions-2018.txt', new TextEncoder().encode(text));
    expect(unchanged.status).toBe(409);
    expect((await unchanged.json()).error.code).toBe('DOC_DUPLICATE');
    // A corrected edition: the figure changes, the document id stays, and answers follow the new text at once.
    const corrected = text.replace('每个子女每月1000元', '每个子女每月2000元');
    expect(corrected).not.toBe(text);
    const res = await upload('national-iit-special-deductions-2018.txt', new TextEncoder().encode(corrected));
    expect(res.status).toBe(200);
    expect((await res.json()).replaced).toBe('national-iit-special-deductions-2018');
    expect((await ask('个税子女教育专项附加扣除每个子女每月扣多少？')).body.answer).toContain('2000元');
    expect(await listed()).toEqual(['guangxi-hitech-zones-2021', 'national-iit-special-deductions-2018']);
    const log = readFileSync(auditFile, 'utf8').trim().split('\n').map((l) => JSON.parse(l));
    expect(log.at(-1)).toMatchObject({ actor: 'ops', action: 'replace', docId: 'national-iit-special-deductions-2018' });
  });

  it('a removed document is no longer answered from, and its file leaves the corpus', async () => {
    const res = await runtime.app.request(new Request('http://local/api/documents/national-iit-special-deductions-2018', { method: 'DELETE', headers: auth }));
    expect(res.status).toBe(200);
    expect(await listed()).toEqual(['guangxi-hitech-zones-2021']);
    expect(existsSync(join(corpusDir, 'national-iit-special-deductions-2018.txt'))).toBe(false);
    const a = await ask('个税子女教育专项附加扣除每个子女每月扣多少？');
    expect(a.body.citations.every((c) => c.docId !== 'national-iit-special-deductions-2018')).toBe(true);
    const last = await runtime.app.request(new Request('http://local/api/documents/guangxi-hitech-zones-2021', { method: 'DELETE', headers: auth }));
    expect(last.status).toBe(409);
  });

  it('a 30-page text PDF is answerable in under 10 s of its upload', async () => {
    // 250 articles of a county's (made-up) support measures, printed to PDF by Chromium: about 30 A4 pages.
    const articles = Array.from({ length: 250 }, (_, i) => {
      const n = i + 1;
      return `<p>第${n}条 对新认定的第${n}类示范企业，给予一次性${n * 2}万元奖励。申报单位应当按照有关规定提交材料，由县商务局会同县财政局审核后拨付资金，确保资金使用规范、安全、有效，接受审计和社会监督。</p>`;
    }).join('');
    const html = `<html><head><meta charset="utf-8"><style>body{font-family:'WenQuanYi Micro Hei',sans-serif;font-size:15pt;line-height:2}</style></head><body><h1>某县促进示范企业发展若干措施</h1>${articles}</body></html>`;
    const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: ['--no-sandbox'] });
    let pdf: Uint8Array;
    try {
      const page = await browser.newPage();
      await page.setContent(html);
      pdf = new Uint8Array(await page.pdf({ format: 'A4' }));
    } finally {
      await browser.close();
    }
    const pages = (Buffer.from(pdf).toString('latin1').match(/\/Type\s*\/Page\b/g) ?? []).length;
    expect(pages).toBeGreaterThanOrEqual(30);
    const t0 = performance.now();
    const res = await upload('county-demo-enterprises.pdf', pdf);
    expect(res.status).toBe(201);
    const a = await ask('第120类示范企业奖励多少？');
    const ms = performance.now() - t0;
    expect(a.body.answer).toContain('240万元');
    console.log(`30-page PDF: ${pages} pages, upload to answered in ${Math.round(ms)} ms`);
    expect(ms).toBeLessThan(10_000);
  });
});
