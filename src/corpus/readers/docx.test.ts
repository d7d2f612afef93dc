import { describe, expect, it } from 'vitest';
import type { RowBlock } from '../blocks.js';
import { isAppError } from '../../errors.js';
import { bodySpan, DOCUMENTS, paragraphAgreement, readFixture, readFixtureText, rowAgreement } from '../../testing/reader-agreement.js';
import { makeZip } from '../../testing/zip.js';
import { createDocxReader, docxReader } from './docx.js';

const code = (e: unknown) => (isAppError(e) ? e.code : e);
const read = (doc: string) => docxReader.read(readFixture(`${doc}.docx`), `${doc}.docx`);

describe('docx reader on DOCX made from realdocs (pandoc)', () => {
  it.each(DOCUMENTS)('%s: every paragraph and table row of the published text', async (doc) => {
    const { blocks, format } = await read(doc);
    const txt = readFixtureText(`${doc}.txt`);
    const a = paragraphAgreement(txt, blocks, bodySpan(doc, 'docx'));
    expect(format).toBe('docx');
    expect(a.ratio, a.missing.join('\n')).toBeGreaterThanOrEqual(0.98);
    expect(rowAgreement(txt, blocks, bodySpan(doc, 'docx')).ratio).toBe(1);
  });

  it('reads Word heading styles as headings with their level', async () => {
    const { blocks } = await read('national-iit-special-deductions-2018');
    const headings = blocks.filter((b) => b.kind === 'heading');
    expect(headings.map((h) => (h.kind === 'heading' ? h.text : ''))).toEqual([
      '第一章　总　　则', '第二章　子女教育', '第三章　继续教育', '第四章　大病医疗', '第五章　住房贷款利息', '第六章　住房租金', '第七章　赡养老人', '第八章　保障措施', '第九章　附　　则',
    ]);
    expect(headings.every((h) => h.kind === 'heading' && h.level === 2)).toBe(true);
  });

  it('keeps the 门特 table with merged cells resolved from Word gridSpan/vMerge', async () => {
    const { blocks } = await read('guangzhou-outpatient-special-diseases-2019');
    const rows = blocks.filter((b): b is RowBlock => b.kind === 'row' && b.table === 0);
    expect(rows).toHaveLength(58);
    expect(rows[0].header).toEqual(['序号', '门诊特定病种/分类', '门诊特定病种/病种名称', '统筹基金最高支付限额/职工医保', '统筹基金最高支付限额/城乡居民医保', '审核确认有效期']);
    for (const n of [41, 45, 49, 51, 58]) expect(rows[n - 1].cells[3], `row ${n}`).toBe(rows[n - 1].cells[4]);
    expect(rows[40].cells).toEqual(['41', '二类', '重型β地中海贫血', '3000元/月', '3000元/月', '两年']);
    expect(rows[49].cells.slice(3, 5)).toEqual(['18000元/年', '14400元/年']);
  });

  it('takes the title from the core properties', async () => {
    expect((await read('national-employment-stability-2018')).meta).toEqual({ title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见' });
  });
});

describe('docx reader refusals', () => {
  it('refuses a zip bomb (document.xml expanding to 60 MB) before mammoth sees it', async () => {
    const bomb = await makeZip([
      { name: '[Content_Types].xml', data: new TextEncoder().encode('<Types/>') },
      { name: 'word/document.xml', data: new Uint8Array(60 * 1024 * 1024).fill(0x20) },
    ]);
    expect(bomb.length).toBeLessThan(200_000);
    const err = await docxReader.read(bomb, 'bomb.docx').catch((e) => e);
    expect(code(err)).toBe('DOC_ZIP_BOMB');
    expect(err.status).toBe(413);
  });

  it('refuses a file over the size limit, a zip without word/document.xml, an old .doc and an encrypted one', async () => {
    const small = createDocxReader({ maxBytes: 1000 });
    expect(code(await small.read(readFixture('liuhe-tourism-2019.docx'), 'a.docx').catch((e) => e))).toBe('DOC_TOO_LARGE');
    const notWord = await makeZip([{ name: 'xl/workbook.xml', data: new TextEncoder().encode('<workbook/>') }]);
    expect(code(await docxReader.read(notWord, 'b.docx').catch((e) => e))).toBe('DOC_UNREADABLE');
    const ole = new Uint8Array(4096);
    ole.set([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]);
    expect(code(await docxReader.read(ole, 'c.docx').catch((e) => e))).toBe('DOC_UNSUPPORTED_FORMAT');
    ole.set(new Uint8Array(new Uint16Array([...'EncryptionInfo'].map((c) => c.charCodeAt(0))).buffer), 1024);
    expect(code(await docxReader.read(ole, 'd.docx').catch((e) => e))).toBe('DOC_ENCRYPTED');
  });
});
