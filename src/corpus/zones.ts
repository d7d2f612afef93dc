// Where a published document's parts are: the site wrapper and metadata block, the title, the 印发通知 that wraps
// an attached 办法, the body, the signature and date lines, and the attachments. The body is what the tree parser
// reads; everything else is kept as metadata.
import type { Block, TextBlock } from './blocks.js';
import { markerOf } from './markers.js';

export interface Zones {
  /** Metadata rows and lines (索引号, 文号, 发布日期 …), breadcrumbs and publication lines. */
  header: Block[];
  /** The title as printed (one or more lines), joined. */
  title: string;
  /** The 文号 line printed under the title, if any. */
  docNumberLine?: string;
  /** A date printed under the title in brackets: (2023年2月8日). */
  headerDate?: string;
  /** 印发通知: the wrapping notice's paragraphs (addressee, 现将《…》印发给你们, signature). */
  notice: TextBlock[];
  /** The attached document's title when a notice wraps it. */
  bodyTitle?: string;
  /** Body blocks: preamble, numbered items and trailing paragraphs, in order. */
  body: Block[];
  /** Signature and date lines after the body (and after a notice). */
  signature: TextBlock[];
  attachments: { label: string; title: string; blocks: Block[] }[];
  /** The attachment list printed after the body (附件：1. … 2. …), one entry per line. */
  attachmentList: string[];
}

const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');

// Lines a site adds around the text: breadcrumbs, publication and source lines, view counters, print links.
const BREADCRUMB = /(网站首页|首页|主页|当前位置|您的位置)\s*[:：>]|>\s*$/;
const PUBLICATION = /^(发布时间|发布日期|发表时间|来源|信息来源|文章来源|浏览次数|点击数|字号|【|打印|关闭|分享)[:：]?/;
/** "key：value" metadata lines (文　　号： 穗人社规字〔2019〕6号), by the keys government pages use. */
export const FIELD_KEYS =
  '索引号|主题分类|发文机关|发文单位|成文日期|标题|名称|发文字号|文号|文件编号|统一编号|发布日期|发布时间|发表时间|公布日期|实施日期|施行日期|生效日期|失效日期|废止日期|有效期至|发布机关|发布机构|发布单位|文件状态|有效性|时效性|主题词|关键词|信息来源|来源|所属机构|信息分类|体裁分类|组配分类|公开方式|浏览次数|索取号';
const FIELD_LINE = new RegExp(`^(?:${FIELD_KEYS})[:：]`);
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}[〔[［【(（]\s*\d{4}\s*[〕\]］】)）]\s*\d+\s*号/;
const BARE_DATE = /^\d{4}\s*[-年/.]\s*\d{1,2}\s*[-月/.]\s*\d{1,2}\s*日?(\s+\d{1,2}:\d{2}(:\d{2})?)?$/;
// A title ends with the document type.
const TITLE_END = /(意见|通知|办法|措施|决定|规定|公告|通告|方案|细则|清单|规划|条例|指引|标准|计划|批复|函|纲要|规则|实施意见|若干意见)(（[^（）]*）)?$/;
const ADDRESSEE = /^(各|有关|全市|全省|全区|全县|市|省|区|县)[^。！？]{1,80}[:：]$/;
/** A notice that wraps an attached document: 现将《X》印发给你们, 《X》已经…同意，现印发实施. */
const NOTICE_NAMES = [
  /现将《([^》]+)》(?:（[^）]*）)?(?:印发|转发|予以印发|予以转发|印送)/,
  /《([^》]+)》(?:（[^）]*）)?[^。]{0,40}?(?:现印发给你们|现予印发|现印发实施|现予发布|现印发|现转发给你们|现予公布)/,
];
/** The date printed under a title: (2023年2月8日). */
const PAREN_DATE = /^[（(]\d{4}年\d{1,2}月\d{1,2}日[）)]$/;
const SIGN_DATE = /^\s*\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日\s*$|^\s*[一二三四五六七八九〇零]{4}年[一二三四五六七八九十]{1,2}月[一二三四五六七八九十]{1,3}日\s*$/;
const PUBLIC_NOTE = /^[（(]此件[^）)]*[）)]$|^公开方式[:：]|^相关附件$|^附件下载|^扫一扫/;
const ORG_END = /(局|厅|委|部|办|院|署|会|政府|委员会|办公室|办公厅|中心|小组|公司|集团|银行|支行)$/;
/** "附件：1. X" — the list of attachments under the body. */
const ATTACH_LIST = /^(附件|附表)[:：]/;
/** "附件1", "附件", "附表2" alone (or "附件1：X"): an attachment's own first line. */
const ATTACH_START = /^(附件|附表)(?:(\d+)([:：].{0,60})?)?$/;

/**
 * Layout spaces inside a title go (关于促进高新技术产业 开发区 → one word); a space between two issuers' names
 * stays (广州市医疗保障局 广州市财政局).
 */
function tidyTitleLine(t: string): string {
  return t
    .trim()
    .replace(/[\s\u3000\u00a0]+/g, ' ')
    .replace(/(?<!(?:局|厅|委|部|办|院|署|会|府|室|心)) (?=\S)/g, '')
    .replace(/ (?!.*(?:局|厅|委|部|办|院|署|会|府))/g, '');
}

const isTitleLike = (sq: string) => sq.length > 0 && sq.length <= 70 && !/[。；！？]|[，,：:]$/.test(sq);

const textOf = (b: Block) => (b.kind === 'row' ? b.cells.join('\t') : b.text);
const isText = (b: Block): b is TextBlock => b.kind !== 'row';

/** A line that only carries a signature: issuer names (space-separated) or the date under them. */
function isSignature(b: Block): boolean {
  if (!isText(b)) return false;
  const t = b.text.trim();
  if (SIGN_DATE.test(t) || PUBLIC_NOTE.test(t)) return true;
  const parts = t.split(/[\s\u3000\u00a0]+/).filter(Boolean);
  return t.length <= 60 && parts.length > 0 && parts.every((p) => p.length <= 30 && ORG_END.test(p) && !/[，。；：、]/.test(p));
}

/** Splits blocks into zones. */
export function findZones(blocks: Block[]): Zones {
  const header: Block[] = [];
  let i = 0;
  let title = '';
  let docNumberLine: string | undefined;

  // 1. The header: everything before the preamble or the first numbered item that is metadata, the title (possibly
  // printed twice, broken over lines, or as a page title and again as the notice's own title), the 文号 line, the
  // date printed under the title and the addressee.
  const groups: string[][] = [];
  let cur: string[] = [];
  let headerDate: string | undefined;
  const close = () => {
    if (cur.length) groups.push(cur);
    cur = [];
  };
  for (; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'row') {
      header.push(b);
      continue;
    }
    const t = b.text.trim();
    const sq = squeeze(t);
    if (!sq) continue;
    if (markerOf(t)) break;
    if (BREADCRUMB.test(t) || PUBLICATION.test(sq) || BARE_DATE.test(t) || sq === '基本信息' || (FIELD_LINE.test(sq) && sq.length < 80 && !/[。；]/.test(sq))) {
      close();
      header.push(b);
      continue;
    }
    if (PAREN_DATE.test(sq)) {
      close();
      headerDate ??= sq;
      header.push(b);
      continue;
    }
    if (DOC_NUMBER.test(sq) && sq.length <= 30 && squeeze(sq.match(DOC_NUMBER)![0]) === sq) {
      close();
      docNumberLine ??= sq;
      header.push(b);
      continue;
    }
    if (ADDRESSEE.test(sq) && sq.length < 90) {
      close();
      header.push(b);
      continue;
    }
    // Title lines: short, no sentence punctuation, before any body text. A title broken over lines ends with a
    // document type on its last line; the next title-like line then starts another printing of a title.
    if (isTitleLike(sq)) {
      if (cur.length && TITLE_END.test(squeeze(cur.join('')))) close();
      // After a title, another run of title-like lines is a title only if it reads as one (org line + 关于…的通知);
      // otherwise it is the body's first heading (面向单位的扶持政策).
      if (!cur.length && groups.some((g) => TITLE_END.test(squeeze(g.join(''))))) {
        let k = i;
        let run = '';
        while (k < blocks.length && isText(blocks[k]) && isTitleLike(squeeze((blocks[k] as TextBlock).text)) && !markerOf((blocks[k] as TextBlock).text)) {
          run += squeeze((blocks[k] as TextBlock).text);
          if (TITLE_END.test(run)) break;
          k++;
        }
        if (!TITLE_END.test(run)) break;
      }
      cur.push(tidyTitleLine(t));
      header.push(b);
      continue;
    }
    break;
  }
  close();
  // The formal title names its subject with 关于 (the notice's own title); a page title or a repeat is a copy.
  const titled = groups.filter((g) => TITLE_END.test(squeeze(g.join(''))));
  const chosen = titled.find((g) => g.join('').includes('关于')) ?? titled[0] ?? groups[0] ?? [];
  title = pickTitle(chosen);
  // Title-like lines that were no title (a lone unit name before 一、…) go back to the body.
  if (!titled.length && groups.length && !title) i = 0;

  // 2. A 印发通知 wrapping an attached 办法 (现将《…》印发给你们 / 《…》…现印发实施): the notice, its signature,
  // then the attached document's own title if it is printed again.
  let notice: TextBlock[] = [];
  let bodyTitle: string | undefined;
  const signature: TextBlock[] = [];
  const noticeAt = blocks.findIndex((b, k) => k >= i && isText(b) && !markerOf(b.text) && NOTICE_NAMES.some((re) => re.test(squeeze(b.text))));
  if (noticeAt !== -1 && blocks.slice(i, noticeAt).every((b) => isText(b) && !markerOf(b.text))) {
    const text = squeeze((blocks[noticeAt] as TextBlock).text);
    const m = NOTICE_NAMES.map((re) => text.match(re)).find(Boolean)!;
    const name = squeeze(m[1]).replace(/[〈〉<>]/g, '');
    let at = blocks.findIndex((b, k) => k > noticeAt && isText(b) && squeeze(b.text).replace(/[〈〉<>]/g, '') === name);
    let start = at + 1;
    if (at === -1) {
      // Not printed again: the body starts after the notice's signature and date.
      at = noticeAt + 1;
      while (at < blocks.length && isText(blocks[at]) && !markerOf((blocks[at] as TextBlock).text) && (isSignature(blocks[at]) || squeeze((blocks[at] as TextBlock).text).length <= 60 && !/[。；]/.test((blocks[at] as TextBlock).text))) at++;
      start = at;
    }
    notice = blocks.slice(i, noticeAt + 1).filter(isText).filter((b) => !isSignature(b));
    signature.push(...blocks.slice(noticeAt + 1, start).filter(isText).filter(isSignature));
    bodyTitle = name;
    i = start;
  }

  // 3. The end of the body: an attachment list ("附件：1. …" then "2. …"), the signature and date, the site's
  // trailing lines, then the attachments themselves, each starting at a line "附件1" / "附件" / "附表2" alone.
  let end = blocks.findIndex((b, k) => k >= i && isText(b) && ATTACH_LIST.test(squeeze(b.text)) && squeeze(b.text).length <= 120);
  const contentAt = blocks.findIndex((b, k) => k >= i && isText(b) && ATTACH_START.test(squeeze(b.text)));
  if (end === -1 || (contentAt !== -1 && contentAt < end)) end = contentAt === -1 ? blocks.length : contentAt;
  const attachments = splitAttachments(contentAt === -1 ? [] : blocks.slice(contentAt));
  const tail = blocks.slice(end, contentAt === -1 ? blocks.length : contentAt);

  // 4. Signature and date lines: after the attachment list, or closing the body.
  let bodyEnd = end;
  while (bodyEnd > i && (isSignature(blocks[bodyEnd - 1]) || isSiteLine(blocks[bodyEnd - 1]))) bodyEnd--;
  for (const b of [...blocks.slice(bodyEnd, end), ...tail]) {
    if (isText(b) && isSignature(b) && !PUBLIC_NOTE.test(squeeze(b.text))) signature.push(b);
    else if (isText(b) && isSiteLine(b)) header.push(b);
  }
  const attachmentList = tail.filter((b) => isText(b) && !isSignature(b) && !isSiteLine(b)).map((b) => squeeze((b as TextBlock).text));

  return { header, title, docNumberLine, headerDate, notice, bodyTitle, body: blocks.slice(i, bodyEnd), signature, attachments, attachmentList };
}

function isSiteLine(b: Block): boolean {
  if (!isText(b)) return false;
  const sq = squeeze(b.text);
  return !sq || PUBLICATION.test(sq) || BREADCRUMB.test(b.text) || PUBLIC_NOTE.test(sq);
}

/** The title from its printed lines: the longest run that reads as one title (printed twice → once). */
function pickTitle(lines: string[]): string {
  if (!lines.length) return '';
  const joined = lines.join('');
  // Printed twice ("X" then "X" broken over two lines): keep one copy.
  for (let k = 1; k < lines.length; k++) {
    const a = lines.slice(0, k).join('');
    const b = lines.slice(k).join('');
    if (a === b || b.startsWith(a) || a.startsWith(b)) return a.length >= b.length ? a : b;
  }
  const ends = lines.findIndex((_, k) => TITLE_END.test(lines.slice(0, k + 1).join('')));
  return ends === -1 ? joined : lines.slice(0, ends + 1).join('');
}

/** Attachments, each from its "附件N" line; its title is the next short line. */
function splitAttachments(blocks: Block[]): Zones['attachments'] {
  const out: Zones['attachments'] = [];
  for (const b of blocks) {
    const m = isText(b) ? squeeze(b.text).match(ATTACH_START) : null;
    if (m && !ATTACH_LIST.test(squeeze((b as TextBlock).text)) || (m && out.length === 0)) {
      out.push({ label: `${m[1]}${m[2] ?? ''}`, title: (m[3] ?? '').replace(/^[:：]/, ''), blocks: [] });
      continue;
    }
    if (!out.length) continue;
    const cur = out.at(-1)!;
    if (!cur.title && isText(b) && squeeze(b.text).length <= 60 && !markerOf(b.text)) cur.title = squeeze(b.text);
    else cur.blocks.push(b);
  }
  return out;
}

export { textOf as blockText };
