import { describe, expect, it } from 'vitest';
import { DOCUMENTS, paragraphAgreement, readFixture, readFixtureText, rowAgreement } from '../../testing/reader-agreement.js';
import { isAppError } from '../../errors.js';
import { mdReader, textToBlocks, txtReader } from './txt.js';

const enc = (s: string) => new TextEncoder().encode(s);

describe('txt reader', () => {
  it.each(DOCUMENTS)('reads every line of %s as a block, tables as rows', async (doc) => {
    const { blocks, format } = await txtReader.read(readFixture(`${doc}.txt`), `${doc}.txt`);
    const txt = readFixtureText(`${doc}.txt`);
    expect(format).toBe('txt');
    expect(paragraphAgreement(txt, blocks).ratio).toBe(1);
    expect(rowAgreement(txt, blocks).ratio).toBe(1);
  });

  it('keeps text as written: full-width spaces inside a line, NFC', async () => {
    const { blocks } = await txtReader.read(enc('第一条　为加强本市管理\r\n\r\n  第二条 本办法…  \n'), 'a.txt');
    expect(blocks).toEqual([
      { kind: 'paragraph', text: '第一条　为加强本市管理' },
      { kind: 'paragraph', text: '第二条 本办法…' },
    ]);
    const decomposed = 'e\u0301'; // é as e + combining accent
    expect((await txtReader.read(enc(decomposed), 'b.txt')).blocks[0]).toMatchObject({ text: '\u00e9' });
  });

  it('reads TAB runs as a table: the first line names the columns, rows padded to one width', () => {
    const blocks = textToBlocks('表一\n项目\t标准\t金额\n孵化器\t国家级\t100万元\n众创空间\t省级\n正文\n甲\t乙\n丙\t丁');
    expect(blocks[0]).toEqual({ kind: 'paragraph', text: '表一' });
    expect(blocks[1]).toEqual({ kind: 'row', table: 0, cells: ['孵化器', '国家级', '100万元'], header: ['项目', '标准', '金额'] });
    expect(blocks[2]).toEqual({ kind: 'row', table: 0, cells: ['众创空间', '省级', ''], header: ['项目', '标准', '金额'] });
    expect(blocks[3]).toEqual({ kind: 'paragraph', text: '正文' });
    expect(blocks[4]).toMatchObject({ table: 1, header: ['甲', '乙'], cells: ['丙', '丁'] });
  });

  it('does not take a metadata or form block (label：value cells) for column names', async () => {
    const doc = 'national-employment-stability-2018';
    const { blocks } = await txtReader.read(readFixture(`${doc}.txt`), `${doc}.txt`);
    const rows = blocks.filter((b) => b.kind === 'row');
    expect(rows).toHaveLength(4);
    expect(rows[0]).toMatchObject({ cells: ['索 引 号：', '000014349/2018-00212', '主题分类：', '劳动、人事、监察\\劳动就业'], header: [] });
  });

  it('keeps the 门特 table: 58 disease rows under the two-line header the .txt writes', async () => {
    const doc = 'guangzhou-outpatient-special-diseases-2019';
    const { blocks } = await txtReader.read(readFixture(`${doc}.txt`), `${doc}.txt`);
    const rows = blocks.filter((b) => b.kind === 'row');
    expect(rows).toHaveLength(58); // both header lines name the columns
    expect(rows[0].header).toEqual(['序号', '门诊特定病种/分类', '门诊特定病种/病种名称', '统筹基金最高支付限额/职工医保', '统筹基金最高支付限额/城乡居民医保', '审核确认有效期']);
    // Row 41 writes one limit for both schemes (a merged cell): it spans the two 统筹基金最高支付限额 columns.
    expect(rows[40].cells).toEqual(['41', '二类', '重型β地中海贫血', '3000元/月', '3000元/月', '两年']);
    expect(rows.at(-1)!.cells[0]).toBe('58');
  });

  it('reads GBK files, which Windows tools still write', async () => {
    const gbk = new Uint8Array([0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5]); // 第一条 in GBK
    expect((await txtReader.read(gbk, 'gbk.txt')).blocks).toEqual([{ kind: 'paragraph', text: '第一条' }]);
  });

  it('refuses binary content with a coded error', async () => {
    const err = await txtReader.read(new Uint8Array([0, 1, 2, 3, 0, 0, 0, 5, 0xff, 0xfe, 0]), 'x.txt').catch((e) => e);
    expect(isAppError(err, 'DOC_UNREADABLE')).toBe(true);
  });
});

describe('md reader', () => {
  it('reads # headings with their level and strips emphasis, links and bullets', async () => {
    const md = '# 关于支持科技型中小企业的若干措施\n\n## 一、支持企业研发\n\n对**新认定**的企业给予*50万元*奖励，详见[附件](a.pdf)。\n- 条件一\n---\n';
    const { blocks, format } = await mdReader.read(enc(md), 'a.md');
    expect(format).toBe('md');
    expect(blocks).toEqual([
      { kind: 'heading', level: 1, text: '关于支持科技型中小企业的若干措施' },
      { kind: 'heading', level: 2, text: '一、支持企业研发' },
      { kind: 'paragraph', text: '对新认定的企业给予50万元奖励，详见附件。' },
      { kind: 'paragraph', text: '条件一' },
    ]);
  });

  it('reads pipe tables with their header row', () => {
    const blocks = textToBlocks('| 项目 | 金额 |\n|---|---:|\n| **孵化器** | 100万元 |\n| 众创空间 | 50万元 |\n后文', { markdown: true });
    expect(blocks).toEqual([
      { kind: 'row', table: 0, cells: ['孵化器', '100万元'], header: ['项目', '金额'] },
      { kind: 'row', table: 0, cells: ['众创空间', '50万元'], header: ['项目', '金额'] },
      { kind: 'paragraph', text: '后文' },
    ]);
  });

  it('leaves numbered markers alone: 1. is a clause marker in policy text', () => {
    expect(textToBlocks('1.优先发展以下旅游项目。', { markdown: true })).toEqual([{ kind: 'paragraph', text: '1.优先发展以下旅游项目。' }]);
  });
});
