import { describe, expect, it } from 'vitest';
import type { RowBlock } from '../blocks.js';
import { isAppError } from '../../errors.js';
import { paragraphAgreement, readFixture, readFixtureText, rowAgreement } from '../../testing/reader-agreement.js';
import { htmlReader, readHtmlText } from './html.js';

const PAGES = [
  'guangzhou-outpatient-special-diseases-2019',
  'guangzhou-employment-internship-bases-2019',
  'national-employment-stability-2018',
] as const;

/** Text a saved page shows around the document, which must not reach the parser. */
const FURNITURE = ['当前位置', '首页', '政务公开', '搜一下', '打印', '分享到', '返回顶部', '关闭窗口', '扫一扫', '政策解读', '版权所有', '网站标识码', '网站地图', '相关报道', '统计脚本', '无障碍', '1024'];

describe('html reader on saved government pages', () => {
  it.each(PAGES)('%s: every paragraph and table row of the published text, and nothing of the page around it', async (doc) => {
    const { blocks, format } = await htmlReader.read(readFixture(`${doc}.html`), `${doc}.html`);
    const txt = readFixtureText(`${doc}.txt`);
    const a = paragraphAgreement(txt, blocks);
    expect(format).toBe('html');
    expect(a.ratio).toBeGreaterThanOrEqual(0.98);
    expect(a.extra).toEqual([]);
    expect(rowAgreement(txt, blocks).ratio).toBe(1);
    const text = blocks.map((b) => (b.kind === 'row' ? b.cells.join(' ') : b.text)).join('\n');
    for (const f of FURNITURE) expect(text, f).not.toMatch(new RegExp(`^\\S{0,4}${f}|${f}\\S{0,4}$`, 'm'));
  });

  it('reads gz.gov.cn 基本信息 into metadata', async () => {
    const doc = 'guangzhou-outpatient-special-diseases-2019';
    const { meta } = await htmlReader.read(readFixture(`${doc}.html`), `${doc}.html`);
    expect(meta).toEqual({
      docNumber: '穗医保规字〔2019〕4号',
      effective: '2019年07月01日',
      validUntil: '2024年06月30日',
      issuer: '广州市医疗保障局,广州市财政局,广州市卫生健康委员会',
      title: '广州市医疗保障局 广州市财政局 广州市卫生健康委员会关于印发广州市社会医疗保险统筹基金支付门诊特定病种费用范围及标准的通知',
      published: '2019-06-17 10:00',
    });
    const jx = await htmlReader.read(readFixture('guangzhou-employment-internship-bases-2019.html'), 'x.html');
    expect(jx.meta).toMatchObject({ docNumber: '穗人社规字〔2019〕6号', effective: '2019年10月16日', validUntil: '2024年10月15日' });
  });

  it('reads the gov.cn 索引号 table into metadata, 发布日期 over 成文日期', async () => {
    const doc = 'national-employment-stability-2018';
    const { meta } = await htmlReader.read(readFixture(`${doc}.html`), `${doc}.html`);
    expect(meta).toEqual({
      indexNumber: '000014349/2018-00212',
      issuer: '国务院',
      title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见',
      docNumber: '国发〔2018〕39号',
      published: '2018年12月05日',
    });
  });

  it('keeps the 门特 table: 58 rows, two-row header joined per column, merged limits repeated in both schemes', async () => {
    const doc = 'guangzhou-outpatient-special-diseases-2019';
    const { blocks } = await htmlReader.read(readFixture(`${doc}.html`), `${doc}.html`);
    const rows = blocks.filter((b): b is RowBlock => b.kind === 'row' && b.table === 0);
    expect(rows).toHaveLength(58);
    expect(rows[0].header).toEqual(['序号', '门诊特定病种/分类', '门诊特定病种/病种名称', '统筹基金最高支付限额/职工医保', '统筹基金最高支付限额/城乡居民医保', '审核确认有效期']);
    expect(rows.map((r) => r.cells[0])).toEqual(Array.from({ length: 58 }, (_, i) => String(i + 1)));
    expect(rows[0].cells).toEqual(['1', '一类', '高血压病', '200元/月', '50元/月', '长期']);
    expect(rows[39].cells).toEqual(['40', '二类', '小儿脑性瘫痪', '——', '640元/月', '两年']);
    for (const n of [41, 42, 43, 44, 45, 46, 47, 48, 49, 51, 52, 53, 54, 55, 56, 57, 58]) {
      const [, , , staff, resident] = rows[n - 1].cells;
      expect(staff, `row ${n}`).toBe(resident);
    }
    expect(rows[40].cells.slice(3, 5)).toEqual(['3000元/月', '3000元/月']);
    // Row 50 splits the scheme columns differently from the header (Word's grid); each limit stays in its column.
    expect(rows[49].cells).toEqual(['50', '二类', '湿性年龄相关性黄斑变性', '18000元/年', '14400元/年', '两年']);
    expect(rows[57].cells).toEqual(['58', '二类', '急诊留院观察', '无', '无', '—']);
  });

  it('keeps the 见习 forms as separate tables, blank forms as their column names', async () => {
    const { blocks } = await htmlReader.read(readFixture('guangzhou-employment-internship-bases-2019.html'), 'x.html');
    const tables = new Set(blocks.filter((b) => b.kind === 'row').map((b) => (b as RowBlock).table));
    expect(tables.size).toBe(6);
    const roster = blocks.filter((b): b is RowBlock => b.kind === 'row' && b.table === 5);
    expect(roster.map((r) => r.cells)).toEqual([['序号', '姓名', '身份证号码', '毕业院校', '毕业时间', '专业', '见习起始时间', '见习结束时间', '实际见习天数', '补贴金额']]);
  });

  it("keeps the status label but not what the page's script would append to it", async () => {
    const { blocks } = await htmlReader.read(readFixture('guangzhou-employment-internship-bases-2019.html'), 'x.html');
    expect(blocks.find((b) => b.kind === 'paragraph' && b.text.startsWith('文件状态'))).toEqual({ kind: 'paragraph', text: '文件状态：' });
  });
});

describe('html reader on markup', () => {
  const read = (html: string) => readHtmlText(html).blocks;

  it('splits paragraphs at <br> and block elements, joins inline runs, decodes entities once', () => {
    expect(read('<div><p>第一条&nbsp;为了<span>加强</span><b>管理</b>，<br>制定本办法。</p><p>&amp;lt;附件&amp;gt; &lt;一&gt;</p></div>')).toEqual([
      { kind: 'paragraph', text: '第一条\u00a0为了加强管理，' },
      { kind: 'paragraph', text: '制定本办法。' },
      { kind: 'paragraph', text: '&lt;附件&gt; <一>' },
    ]);
  });

  it('keeps heading levels and drops scripts, styles and hidden elements', () => {
    expect(read('<h1>总则</h1><script>document.write("x")</script><style>p{}</style><h3>细则</h3><p style="display: none">统计</p><p>正文</p>')).toEqual([
      { kind: 'heading', level: 1, text: '总则' },
      { kind: 'heading', level: 3, text: '细则' },
      { kind: 'paragraph', text: '正文' },
    ]);
  });

  it('reads <th> header rows and resolves rowspan downwards', () => {
    const blocks = read('<table><thead><tr><th>类别</th><th>项目</th><th>金额</th></tr></thead><tbody><tr><td rowspan="2">孵化器</td><td>国家级</td><td>100万元</td></tr><tr><td>自治区级</td><td>50万元</td></tr></tbody></table>');
    expect(blocks).toEqual([
      { kind: 'row', table: 0, cells: ['孵化器', '国家级', '100万元'], header: ['类别', '项目', '金额'] },
      { kind: 'row', table: 0, cells: ['孵化器', '自治区级', '50万元'], header: ['类别', '项目', '金额'] },
    ]);
  });

  it('reads layout tables (one cell per row, or cells holding tables) as running text', () => {
    expect(read('<table><tr><td><p>一、总体要求</p><table><tr><td>甲</td><td>乙</td></tr><tr><td>丙</td><td>丁</td></tr></table></td></tr></table>')).toEqual([
      { kind: 'paragraph', text: '一、总体要求' },
      { kind: 'row', table: 0, cells: ['丙', '丁'], header: ['甲', '乙'] },
    ]);
  });

  it('finds the body by the largest text block when the page names no known container', () => {
    const page = `<html><body><div class="top"><a href="/">首页</a> <a href="/">机构</a></div>
      <div class="main"><div class="left"><ul><li><a href="/">相关文件一</a></li><li><a href="/">相关文件二</a></li></ul></div>
      <div class="text"><p>一、为促进产业发展，制定本措施，对符合条件的企业给予支持。</p><p>二、对新认定的国家级孵化器给予100万元奖励。</p></div></div>
      <div class="bottom">版权所有 某某市人民政府</div></body></html>`;
    expect(read(page).map((b) => (b as { text: string }).text)).toEqual([
      '一、为促进产业发展，制定本措施，对符合条件的企业给予支持。',
      '二、对新认定的国家级孵化器给予100万元奖励。',
    ]);
  });

  it('keeps the byline under the title (date, source) without its view counter, and reads its date', () => {
    const page = `<html><head><title>关于受理天河区人才公寓申请的公告 - 天河区</title></head><body>
      <div class="curb">您当前所在的位置：<a href="/">首页</a> &gt; <a href="/">住房保障</a></div>
      <div class="article"><div class="article-title"><h1>关于受理天河区人才公寓申请的公告</h1></div>
      <div class="article-attr"><span class="date">发表时间：<b>2025-08-11 18:04:59</b></span> <span class="ly">信息来源：<b>区住建园林局</b></span> <span class="llcs">浏览量：<b id="view">88</b></span></div>
      <div class="article-content"><p>根据《天河区人才公寓建设和使用管理办法》的有关规定，现面向辖区企业、人才受理天河区人才公寓申请。公告如下：</p><p>一、申请类别及条件</p></div></div></body></html>`;
    const { blocks, meta } = readHtmlText(page);
    expect(blocks.map((b) => (b as { text: string }).text)).toEqual([
      '关于受理天河区人才公寓申请的公告',
      '发表时间：2025-08-11 18:04:59 信息来源：区住建园林局',
      '根据《天河区人才公寓建设和使用管理办法》的有关规定，现面向辖区企业、人才受理天河区人才公寓申请。公告如下：',
      '一、申请类别及条件',
    ]);
    expect(meta).toEqual({ title: '关于受理天河区人才公寓申请的公告', published: '2025-08-11 18:04:59' });
  });

  it('reads a GBK page that declares its charset', async () => {
    const head = new TextEncoder().encode('<html><head><meta charset="gb2312"></head><body><p>');
    const gbk = new Uint8Array([0xb5, 0xda, 0xd2, 0xbb, 0xcc, 0xf5]); // 第一条
    const tail = new TextEncoder().encode('</p></body></html>');
    const { blocks } = await htmlReader.read(new Uint8Array([...head, ...gbk, ...tail]), 'gbk.html');
    expect(blocks).toEqual([{ kind: 'paragraph', text: '第一条' }]);
  });

  it('refuses a page with no text', async () => {
    const err = await htmlReader.read(new TextEncoder().encode('<html><body><script>x</script></body></html>'), 'e.html').catch((e) => e);
    expect(isAppError(err, 'DOC_EMPTY')).toBe(true);
  });
});
