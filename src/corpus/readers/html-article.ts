// Where the document is on a saved government page. Pages wrap the text in a header, menus, breadcrumbs, share
// and print buttons, visit counters, related-document lists and a footer; the text itself sits in one content
// container, usually with a metadata block and an <h1> title above it. The container is found by the names CMSs
// give it (TRS, NFCMS, UCAP…), else as the element that holds the most paragraph text; the metadata block as the
// smallest element naming several metadata fields; the title as the heading before the container that repeats
// the page's title.
import type { CheerioAPI } from 'cheerio/slim';
import type { AnyNode, Element } from 'domhandler';
import { countLabels } from './html-meta.js';

/** Content containers of the CMSs Chinese government sites run on, most specific first. */
const CONTAINERS = [
  '#UCAP-CONTENT', '.pages_content', '#zoomcon', '#zoom', '.zoom', '.TRS_Editor', '.TRS_UEDITOR', '#info_cont',
  '.info_cont', '[wzades="正文"]', '.article-content', '.article_content', '.articleContent', '.content_text',
  '.news_content', '.detail-content', '.xxgk_content', '#content', 'article', '.content',
];

/** Page furniture, by the names sites give it. Matched against class and id. */
const CHROME = /(^|[-_\s])(nav|navbar|menu|header|footer|foot|breadcrumb|crumbs?|curb|position|location|share|bdshare|fx|print|fontsize|font_size|zoomsize|ewm|qrcode|qr|gbck|close|toolbar|llcs|views?|visits?|hits|attr_r|content_attr|info_bot|xgwz\w*|xgwj|related|relevant|pager|pagination|comment|sidebar|aside|banner|search\w*|login|topbar|skip)([-_\s]|$)/i;

/** Elements that are never text of the document, wherever they are. */
const NEVER = 'script, style, noscript, template, iframe, frame, object, embed, svg, canvas, link, meta, input, button, select, textarea, nav, [aria-hidden="true"]';

const textLength = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '').length;

/** Drops what is never document text, anywhere on the page: scripts, styles, inline-hidden elements, forms' controls. */
export function dropNeverText($: CheerioAPI): void {
  $(NEVER).remove();
  $('[style]').each((_, el) => {
    if (/display\s*:\s*none|visibility\s*:\s*hidden/i.test($(el).attr('style') ?? '')) $(el).remove();
  });
}

/** Drops page furniture inside a subtree (a share bar inside the container, a breadcrumb above it). */
export function dropChrome($: CheerioAPI, root: Element): void {
  $(root)
    .find('*')
    .each((_, el) => {
      const names = `${$(el).attr('class') ?? ''} ${$(el).attr('id') ?? ''}`;
      if (CHROME.test(names)) $(el).remove();
    });
}

/** The element of the given candidates that holds the most text of its own paragraphs (not of links). */
function largestTextBlock($: CheerioAPI): Element | undefined {
  const scores = new Map<Element, number>();
  $('p, td, pre, div, section, article, li, font, span').each((_, el) => {
    // Text directly in this element (not in its element children): what a paragraph holds.
    const own = el.children.filter((c) => c.type === 'text').map((c) => (c as unknown as { data: string }).data).join('');
    const isParagraph = el.name === 'p' || el.name === 'pre';
    const text = isParagraph ? $(el).text() : own;
    const links = isParagraph ? $(el).find('a').text() : '';
    const n = textLength(text) - textLength(links);
    if (n < 10) return;
    const parent = el.parent as Element | null;
    const host = isParagraph || el.name === 'span' || el.name === 'font' ? parent : el;
    if (host?.type !== 'tag') return;
    scores.set(host, (scores.get(host) ?? 0) + n);
    const grand = host.parent as Element | null;
    if (grand?.type === 'tag') scores.set(grand, (scores.get(grand) ?? 0) + n / 2);
  });
  let best: Element | undefined;
  for (const [el, s] of scores) if (!best || s > scores.get(best)!) best = el;
  return best;
}

/** The content container: a known CMS container that holds most of the page's text, else the largest text block. */
export function findContainer($: CheerioAPI): Element {
  const body = ($('body').get(0) ?? $.root().get(0)) as Element;
  const total = textLength($(body).text());
  for (const selector of CONTAINERS) {
    const found = $(selector)
      .toArray()
      .filter((el) => textLength($(el).text()) >= Math.min(200, total * 0.3));
    if (found.length > 0) return found.sort((a, b) => textLength($(b).text()) - textLength($(a).text()))[0] as Element;
  }
  return largestTextBlock($) ?? body;
}

/**
 * The metadata block: the smallest element outside the container that labels at least three metadata fields
 * (索引号, 文号, 日期…), widened to the wrapper that holds nothing else, with the sibling blocks that carry more
 * labels (gov.cn's 主题词 table) or caption it (gz.gov.cn's "基本信息"). [] when the page has none.
 */
export function findMetaBlock($: CheerioAPI, container: Element): Element[] {
  let best: Element | undefined;
  let bestSize = Number.POSITIVE_INFINITY;
  $('table, ul, ol, dl, div, section').each((_, el) => {
    if (el === container || $(el).find(container).length > 0) return;
    if ($(container).find(el).length > 0) return;
    const text = $(el).text();
    if (countLabels(text) < 3) return;
    const size = textLength(text);
    if (size < bestSize) (best = el), (bestSize = size);
  });
  if (!best) return [];
  let block: Element = best;
  while (block.parent?.type === 'tag' && textLength($(block.parent).text()) === bestSize && $(block.parent).find(container).length === 0) {
    block = block.parent as Element;
  }
  const before: Element[] = [];
  const after: Element[] = [];
  for (let el: Element | undefined = $(block).prev().get(0); el; el = $(el).prev().get(0)) {
    const text = $(el).text();
    if (countLabels(text, true) > 0) before.unshift(el);
    else if (textLength(text) > 0 && textLength(text) <= 12 && /信息$/.test(squeeze(text))) {
      before.unshift(el); // a caption such as 基本信息 / 文件信息 right above the block
      break;
    } else if (textLength(text) > 0) break;
  }
  for (let el: Element | undefined = $(block).next().get(0); el && el !== container && $(el).find(container).length === 0; el = $(el).next().get(0)) {
    const text = $(el).text();
    if (countLabels(text, true) > 0) after.push(el);
    else if (textLength(text) > 0) break;
  }
  return [...before, block, ...after];
}

const squeeze = (s: string) => s.replace(/[\s\u00a0\u3000]+/g, '');

/**
 * The title heading outside the container: the last h1–h3 (or element whose class says title) before it whose
 * text the page's <title> or ArticleTitle repeats. gz.gov.cn puts it in h1.info_title; gov.cn only in the body.
 */
export function findTitle($: CheerioAPI, container: Element, pageTitles: string[]): Element | undefined {
  const wanted = pageTitles.map(squeeze).filter((t) => t.length >= 4);
  if (wanted.length === 0) return undefined;
  let found: Element | undefined;
  $('h1, h2, h3, [class*="title"], [id*="title"]').each((_, el) => {
    if ($(container).find(el).length > 0 || el === container || $(el).find(container).length > 0) return;
    if (!precedes(el, container)) return;
    const t = squeeze($(el).text());
    if (t.length >= 4 && t.length <= 200 && wanted.some((w) => w.includes(t) || t.includes(w))) found = el;
  });
  return found;
}

/** A date or a source: what a byline under the title says (发表时间：2025-08-11 信息来源：区住建园林局). */
const BYLINE = /\d{4}[-/.年]\d{1,2}[-/.月]\d{1,2}|来源[:：]|发[布表](时间|日期)[:：]/;

/**
 * The byline between the title and the container (publication date, source), kept as the .txt keeps it; its
 * counters and buttons are dropped by dropChrome. The outermost short element there that names a date or source.
 */
export function findByline($: CheerioAPI, title: Element | undefined, container: Element): Element | undefined {
  if (!title) return undefined;
  // Elements in document order between the title's subtree and the container, not holding either.
  const all = $('body *').toArray();
  const containerAncestors = new Set<AnyNode>();
  for (let n: AnyNode | null = container; n; n = n.parent) containerAncestors.add(n);
  const from = all.indexOf(title) + 1 + $(title).find('*').length;
  const to = all.indexOf(container);
  let found: Element | undefined;
  for (const el of all.slice(from, Math.max(from, to))) {
    if (containerAncestors.has(el) || (found && $(found).find(el).length > 0)) continue;
    const text = squeeze($(el).text());
    if (text.length > 0 && text.length <= 120 && BYLINE.test(text)) found ??= el;
  }
  return found;
}

/** Whether a comes before b in document order. */
export function precedes(a: AnyNode, b: AnyNode): boolean {
  const path = (n: AnyNode) => {
    const p: AnyNode[] = [];
    for (let c: AnyNode | null = n; c; c = c.parent) p.unshift(c);
    return p;
  };
  const pa = path(a);
  const pb = path(b);
  let i = 0;
  while (i < pa.length && i < pb.length && pa[i] === pb[i]) i++;
  if (i === pa.length || i === pb.length) return pa.length < pb.length; // an ancestor comes first
  const siblings = pa[i - 1] && 'children' in pa[i - 1] ? (pa[i - 1] as Element).children : [];
  return siblings.indexOf(pa[i] as never) < siblings.indexOf(pb[i] as never);
}
