import { describe, expect, it } from 'vitest';
import type { RowBlock } from '../blocks.js';
import { isAppError } from '../../errors.js';
import { bodySpan, DOCUMENTS, paragraphAgreement, readFixture, readFixtureText, rowAgreement } from '../../testing/reader-agreement.js';
import { makePdf, manyTextRuns } from '../../testing/pdf-maker.js';
import { isPageNumber } from './pdf-furniture.js';
import { createPdfReader, pdfReader } from './pdf.js';

const code = (e: unknown) => (isAppError(e) ? e.code : e);
const read = (doc: string) => pdfReader.read(readFixture(`${doc}.pdf`), `${doc}.pdf`);
const enc = (s: string) => new TextEncoder().encode(s);

/** Running headers the fixtures print on every page (make-fixtures.mjs). */
const RUNNING = ['广州市医疗保障局文件', '广州市人力资源和社会保障局', '国务院文件', '广东省人力资源和社会保障厅'];

describe('pdf reader on PDFs printed from realdocs (Chromium)', () => {
  it.each(DOCUMENTS)('%s: paragraphs rejoined across lines and pages, no page numbers or running headers', async (doc) => {
    const { blocks, format } = await read(doc);
    const txt = readFixtureText(`${doc}.txt`);
    const a = paragraphAgreement(txt, blocks, bodySpan(doc, 'pdf'));
    expect(format).toBe('pdf');
    expect(a.ratio, a.missing.join('\n')).toBeGreaterThanOrEqual(0.98);
    const texts = blocks.flatMap((b) => (b.kind === 'row' ? [] : [b.text]));
    expect(texts.filter(isPageNumber)).toEqual([]);
    for (const r of RUNNING) expect(texts.filter((t) => t === r)).toEqual([]);
    expect(blocks.every((b) => typeof b.page === 'number' && b.page >= 1)).toBe(true);
  });

  it('leaves no fragment of a broken paragraph where the document has no forms', async () => {
    for (const doc of DOCUMENTS.filter((d) => d !== 'guangzhou-employment-internship-bases-2019')) {
      const { blocks } = await read(doc);
      expect(paragraphAgreement(readFixtureText(`${doc}.txt`), blocks, bodySpan(doc, 'pdf')).extra, doc).toEqual([]);
    }
  });

  it('rebuilds the 门特 table from its borders: 58 rows over three pages, one table, merged limits repeated', async () => {
    const doc = 'guangzhou-outpatient-special-diseases-2019';
    const { blocks } = await read(doc);
    const rows = blocks.filter((b): b is RowBlock => b.kind === 'row');
    expect(rows).toHaveLength(58);
    expect(new Set(rows.map((r) => r.table))).toEqual(new Set([0]));
    expect(new Set(rows.map((r) => r.page)).size).toBe(3);
    expect(rows.at(-1)!.header).toEqual(['序号', '门诊特定病种/分类', '门诊特定病种/病种名称', '统筹基金最高支付限额/职工医保', '统筹基金最高支付限额/城乡居民医保', '审核确认有效期']);
    // Text wrapped inside a cell stays in its cell.
    expect(rows[36].cells).toEqual(['37', '二类', '恶性肿瘤镇痛治疗（非化学治疗、生物靶向药物治疗、放射治疗期间）', '800元/月', '640元/月', '两年']);
    for (const n of [41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58]) expect(rows[n - 1].cells[3], `row ${n}`).toBe(rows[n - 1].cells[4]);
    expect(rows[49].cells.slice(3, 5)).toEqual(['18000元/年', '14400元/年']);
    expect(rowAgreement(readFixtureText(`${doc}.txt`), blocks, bodySpan(doc, 'pdf')).ratio).toBe(1);
  });

  it('repairs digits and markers the text layer split (letter-spaced in print)', async () => {
    const iit = (await read('national-iit-special-deductions-2018')).blocks.map((b) => (b.kind === 'row' ? '' : b.text)).join('\n');
    expect(iit).toContain('按照每个子女每月1000元的标准定额扣除');
    expect(iit).not.toMatch(/\d \d/);
    const jobs = (await read('national-employment-stability-2018')).blocks.map((b) => (b.kind === 'row' ? '' : b.text));
    expect(jobs.filter((t) => /^（[一二三四五六七八九十]+）/.test(t))).toHaveLength(15);
    expect(jobs.join('\n')).not.toMatch(/（ /);
  });
});

describe('pdf reader refusals', () => {
  it('says a scanned PDF has no text layer', async () => {
    const err = await pdfReader.read(readFixture('scanned.pdf'), 'scanned.pdf').catch((e) => e);
    expect(code(err)).toBe('DOC_SCANNED_PDF');
    expect(err.message).toBe('扫描版 PDF，没有文字层，请先 OCR');
    expect(err.status).toBe(422);
  });

  it('refuses a PDF that needs a password, and reads one that only restricts copying', async () => {
    expect(code(await pdfReader.read(readFixture('encrypted.pdf'), 'e.pdf').catch((e) => e))).toBe('DOC_ENCRYPTED');
    const { blocks } = await pdfReader.read(readFixture('owner-locked.pdf'), 'o.pdf');
    expect(blocks.map((b) => (b.kind === 'row' ? '' : b.text))).toEqual(['关于加快旅游业发展的若干意见', '一、对新评定的国家5A级旅游景区给予奖励。']);
  });

  it('stops an endless PDF at the time limit, in a thread and in process', async () => {
    const endless = await makePdf(manyTextRuns(400_000)); // 40 KB that take pdf.js many seconds
    const t0 = Date.now();
    expect(code(await createPdfReader({ timeLimitMs: 300 }).read(endless, 'x.pdf').catch((e) => e))).toBe('DOC_PARSE_TIMEOUT');
    expect(Date.now() - t0).toBeLessThan(3000);
    const pages = await makePdf(manyTextRuns(10), { pages: 3 });
    expect(code(await createPdfReader({ timeLimitMs: 0, thread: false }).read(pages, 'y.pdf').catch((e) => e))).toBe('DOC_PARSE_TIMEOUT');
  });

  it('refuses more pages than the limit, more bytes than the limit, a damaged file and a non-PDF', async () => {
    expect(code(await createPdfReader({ maxPages: 2 }).read(readFixture('liuhe-tourism-2019.pdf'), 'a.pdf').catch((e) => e))).toBe('DOC_TOO_LARGE');
    expect(code(await createPdfReader({ maxBytes: 100 }).read(readFixture('liuhe-tourism-2019.pdf'), 'b.pdf').catch((e) => e))).toBe('DOC_TOO_LARGE');
    const truncated = readFixture('liuhe-tourism-2019.pdf').slice(0, 4000);
    expect(code(await pdfReader.read(truncated, 'c.pdf').catch((e) => e))).toBe('DOC_UNREADABLE');
    expect(code(await pdfReader.read(enc('<html>not a pdf</html>'), 'd.pdf').catch((e) => e))).toBe('DOC_UNREADABLE');
  });

  it('reads the same blocks in process as in a thread (the Worker path)', async () => {
    const doc = 'liuhe-tourism-2019';
    const inProcess = await createPdfReader({ thread: false }).read(readFixture(`${doc}.pdf`), `${doc}.pdf`);
    expect(inProcess.blocks).toEqual((await read(doc)).blocks);
  });
});
