// .html / .htm: a saved government page (or just its body) → the document's blocks and the page's metadata.
// Parsed by parse5 (the HTML standard's tree building, as a browser would) into cheerio; nothing here strips tags
// with regular expressions. What is kept, in page order: the metadata block, the title heading above the text,
// and the content container; everything else on the page is furniture.
import { load, type CheerioAPI } from 'cheerio/slim';
import type { Element } from 'domhandler';
import { parse } from 'parse5';
import { adapter } from 'parse5-htmlparser2-tree-adapter';
import type { Block, DocumentReader, SourceDocument, SourceMeta } from '../blocks.js';
import { createError } from '../../errors.js';
import { declaredCharset, decodeText } from './decode.js';
import { dropChrome, dropNeverText, findByline, findContainer, findMetaBlock, findTitle, precedes } from './html-article.js';
import { nodesToBlocks, type WalkState } from './html-blocks.js';
import { parseMetaSegments } from './html-meta.js';

/** Lines that are page furniture even when a site puts them inside the content container. */
const FURNITURE = /^[【[]?\s*(返回顶部|关闭窗口|打印本页|打印|关闭|分享到[:：]?|扫一扫在手机打开当前页|字号[:：]?\s*[大中小\s]*|【?\s*字体[:：]?\s*[大中小\s]*】?|上一篇.*|下一篇.*)\s*[】\]]?$/;

export function parseHtml(html: string): CheerioAPI {
  return load(parse(html, { treeAdapter: adapter }));
}

/** The page's own idea of its title and date: <meta name="ArticleTitle">, <title> without the site's name. */
function pageMeta($: CheerioAPI): { titles: string[]; published?: string } {
  const metaContent = (name: string) => $(`meta[name="${name}"]`).attr('content')?.trim() || undefined;
  const article = metaContent('ArticleTitle');
  // "<title>标题 - 广州市人民政府门户网站</title>", "标题_中国政府网".
  const page = $('title').first().text().trim().split(/\s+[-–—|_]\s+|_(?=[^_]*(网|网站|政府|门户)[^_]*$)/)[0]?.trim();
  return {
    titles: [article, page].filter((t): t is string => !!t),
    published: metaContent('PubDate') ?? metaContent('pubdate') ?? metaContent('firstpublishedtime'),
  };
}

/** Text segments of the metadata block (its cells, items, lines) for label:value reading. */
function metaSegments(block: Element): string[] {
  return nodesToBlocks([block], { nextTable: 0 }).flatMap((b) => (b.kind === 'row' ? b.cells : [b.text]));
}

export interface HtmlRead {
  blocks: Block[];
  meta: SourceMeta;
  warnings: string[];
}

/** Blocks of HTML that is all document (mammoth's output for a DOCX): no page furniture to look for. */
export function readHtmlFragment(html: string): Block[] {
  const $ = parseHtml(html);
  dropNeverText($);
  return nodesToBlocks($('body').toArray());
}

/** Reads a saved page's HTML text into its blocks and metadata. */
export function readHtmlText(html: string): HtmlRead {
  const $ = parseHtml(html);
  const { titles, published } = pageMeta($);
  dropNeverText($);
  const container = findContainer($);
  const metaBlocks = findMetaBlock($, container);
  const meta: SourceMeta = parseMetaSegments(metaBlocks.flatMap(metaSegments));
  const titleEl = findTitle($, container, [meta.title, ...titles].filter((t): t is string => !!t));
  const byline = findByline($, titleEl, container);
  dropChrome($, container);
  if (byline) {
    dropChrome($, byline);
    const { published: when, ...rest } = parseMetaSegments(metaSegments(byline));
    Object.assign(meta, { ...rest, ...meta });
    if (when) meta.published ??= when;
  }

  const state: WalkState = { nextTable: 0 };
  const roots = [...metaBlocks, titleEl, byline, container].filter((el): el is Element => el !== undefined);
  roots.sort((a, b) => (precedes(a, b) ? -1 : 1));
  const blocks = roots.flatMap((root) => nodesToBlocks([root], state)).filter((b) => b.kind === 'row' || !FURNITURE.test(b.text));

  meta.title ??= titles[0] ?? (titleEl ? $(titleEl).text().trim() : undefined);
  if (published) meta.published ??= published;
  const warnings = metaBlocks.length > 0 ? [] : ['no metadata block found on the page'];
  return { blocks, meta: clean(meta), warnings };
}

const clean = (meta: SourceMeta): SourceMeta =>
  Object.fromEntries(Object.entries(meta).filter(([, v]) => typeof v === 'string' && v.trim() !== '').map(([k, v]) => [k, (v as string).trim().normalize('NFC')]));

export interface HtmlReaderOptions {
  /** Pages larger than this are refused (a saved page is a few hundred KB). */
  maxBytes?: number;
}

export function createHtmlReader({ maxBytes = 20 * 1024 * 1024 }: HtmlReaderOptions = {}): DocumentReader {
  return {
    extensions: ['html', 'htm', 'xhtml', 'shtml'],
    async read(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
      if (bytes.byteLength > maxBytes) throw createError('DOC_TOO_LARGE', `the page is over ${maxBytes} bytes`);
      const { blocks, meta, warnings } = readHtmlText(decodeText(bytes, declaredCharset(bytes)));
      if (blocks.length === 0) throw createError('DOC_EMPTY', 'the page holds no text');
      return { fileName, format: 'html', blocks, meta, warnings };
    },
  };
}

export const htmlReader = createHtmlReader();
