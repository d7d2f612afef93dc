// .pdf with a text layer, through pdf.js (pdfjs-dist 4.10, its legacy build: 5+ needs Node 22). Fully offline: no
// worker script from a CDN, no font loading or fetching, no eval; character maps for PDFs that use Adobe's
// predefined Chinese CMaps come from the package's own files. On Node pdf.js runs in a worker thread that the time
// limit can stop (pdf-thread.ts); elsewhere in this thread (pdf-extract.ts). Then: runs → bordered tables
// (pdf-rules.ts, pdf-tables.ts) and lines (pdf-lines.ts) → page furniture removed (pdf-furniture.ts) → paragraphs
// rejoined, tables continued across pages (pdf-paragraphs.ts) → split digits repaired (pdf-repair.ts).
import type { DocumentReader, SourceDocument, SourceMeta } from '../blocks.js';
import { createError, isAppError } from '../../errors.js';
import { dropFurniture, type Page } from './pdf-furniture.js';
import { buildLines, toRuns } from './pdf-lines.js';
import { linesToParagraphs, type PageItem } from './pdf-paragraphs.js';
import { repairSpaces } from './pdf-repair.js';
import { extractInProcess, type RawPdf } from './pdf-extract.js';
import { rulesOf } from './pdf-rules.js';
import { findTables, type PageTable } from './pdf-tables.js';

export interface PdfReaderOptions {
  maxBytes?: number;
  /** A longer document is refused: policy documents run to tens of pages, not thousands. */
  maxPages?: number;
  /** Reading stops with DOC_PARSE_TIMEOUT after this long (a malformed or endless PDF). */
  timeLimitMs?: number;
  /** Where pdf.js finds its CMaps and standard fonts; by default the installed package's own folders (Node). */
  assetsUrl?: string;
  /** Run pdf.js in a worker thread (Node's default) so the time limit can stop it mid-page. */
  thread?: boolean;
}

const isNode = () => typeof process !== 'undefined' && typeof process.versions?.node === 'string';

/** The folder holding pdfjs-dist's cmaps/ and standard_fonts/, where the runtime can resolve packages (Node). */
function defaultAssets(): string | undefined {
  try {
    const resolve = (import.meta as { resolve?: (s: string) => string }).resolve;
    const pkg = resolve?.('pdfjs-dist/package.json');
    return pkg?.startsWith('file:') ? decodeURIComponent(new URL('.', pkg).pathname) : undefined;
  } catch {
    return undefined;
  }
}

/** A title that is the file's, not a conversion tool's default ("Microsoft Word - 文件.doc", empty, "untitled"). */
function usableTitle(title: unknown): string | undefined {
  if (typeof title !== 'string') return undefined;
  const t = title.replace(/^Microsoft Word\s*-\s*/i, '').replace(/\.(docx?|wps|pdf)$/i, '').trim();
  return t && !/^(untitled|无标题|about:blank)$/i.test(t) && /[\u4e00-\u9fff]/.test(t) ? t : undefined;
}

/** Characters that are text, not layout. */
const textChars = (s: string) => s.replace(/\s+/g, '').length;

export function createPdfReader({
  maxBytes = 50 * 1024 * 1024,
  maxPages = 500,
  timeLimitMs = 30_000,
  assetsUrl = defaultAssets(),
  thread = isNode(),
}: PdfReaderOptions = {}): DocumentReader {
  return {
    extensions: ['pdf'],
    async read(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
      if (bytes.byteLength > maxBytes) throw createError('DOC_TOO_LARGE', `the file is over ${maxBytes} bytes`);
      const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
      if (!head.includes('%PDF-')) throw createError('DOC_UNREADABLE', 'not a PDF (no %PDF header)');
      const options = { maxPages, deadline: Date.now() + timeLimitMs, assetsUrl };
      let raw: RawPdf;
      try {
        raw = thread ? await (await import('./pdf-thread.js')).extractInThread(bytes, options) : await extractInProcess(bytes, options);
      } catch (e) {
        if (isAppError(e)) throw e;
        const name = (e as { pdfjsName?: string; name?: string }).pdfjsName ?? (e as { name?: string }).name;
        if (name === 'PasswordException') throw createError('DOC_ENCRYPTED', 'the PDF is password-protected; remove the password and upload it again');
        throw createError('DOC_UNREADABLE', `the PDF could not be read: ${(e as Error).message}`);
      }
      return toDocument(raw, fileName);
    },
  };
}

function toDocument(raw: RawPdf, fileName: string): SourceDocument {
  const warnings: string[] = [];
  const empty: number[] = [];
  const pages = raw.pages.map((p, i) => {
    const runs = toRuns(p.items);
    const { h, v } = rulesOf(p.fnArray, p.argsArray, raw.ops);
    const { tables, rest } = findTables(h, v, runs);
    if (textChars(runs.map((r) => r.text).join('')) === 0) empty.push(i + 1);
    return { page: i + 1, lines: buildLines(rest), tables, height: p.height };
  });
  if (pages.length === 0 || empty.length === pages.length) throw createError('DOC_SCANNED_PDF');
  if (empty.length > 0) warnings.push(`no text layer on page ${empty.join(', ')} (scanned?): those pages are not read`);
  const { pages: clean } = dropFurniture(pages);
  const blocks = linesToParagraphs(
    clean.map((p, i) => ({ page: pages[i].page, items: inReadingOrder(p.lines, pages[i].tables) })),
    repairSpaces,
  );
  if (blocks.length === 0) throw createError('DOC_SCANNED_PDF');
  const meta: SourceMeta = {};
  const title = usableTitle(raw.title);
  if (title) meta.title = title;
  return { fileName, format: 'pdf', blocks, meta, warnings };
}

/** A page's lines and tables, top to bottom. */
function inReadingOrder(lines: Page['lines'], tables: PageTable[]): PageItem[] {
  const items: (PageItem & { top: number })[] = [
    ...lines.map((line) => ({ kind: 'line' as const, line, top: line.y + line.size })),
    ...tables.map((t) => ({ kind: 'table' as const, rows: t.rows, top: t.y1 })),
  ];
  return items.sort((a, b) => b.top - a.top).map(({ top: _, ...item }) => item as PageItem);
}

export const pdfReader = createPdfReader();
