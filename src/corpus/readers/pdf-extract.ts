// What the PDF reader needs from pdf.js, per page: the text runs, the drawing operators that can be table borders,
// and the page height. Extracted in this thread (a Worker, a browser); on Node the same steps run in a worker
// thread instead (pdf-thread.ts), because pdf.js parses synchronously and only a thread can be stopped mid-page.
import { createError } from '../../errors.js';
import type { Ops } from './pdf-rules.js';

export interface RawPage {
  items: { str: string; transform: number[]; width: number }[];
  fnArray: number[];
  argsArray: unknown[];
  height: number;
}

export interface RawPdf {
  pages: RawPage[];
  title?: unknown;
  ops: Ops;
}

export interface ExtractOptions {
  maxPages: number;
  /** Epoch ms after which extraction stops with DOC_PARSE_TIMEOUT (checked between pages). */
  deadline: number;
  /** pdfjs-dist's folder (with cmaps/ and standard_fonts/), when the runtime has files. */
  assetsUrl?: string;
}

/** The drawing operators rulesOf reads; the rest (text, images, colours) are dropped before they are copied. */
export const PATH_OPS = [
  'save', 'restore', 'transform', 'constructPath', 'stroke', 'closeStroke', 'fill', 'eoFill', 'fillStroke', 'eoFillStroke',
  'closeFillStroke', 'closeEOFillStroke', 'endPath', 'paintFormXObjectBegin', 'paintFormXObjectEnd',
] as const;

/** getDocument's parameters: offline, no fonts loaded, no eval. Shared with the thread's copy of these steps. */
export const documentParams = (data: Uint8Array, assetsUrl?: string) => ({
  data,
  disableFontFace: true,
  useSystemFonts: false,
  isEvalSupported: false,
  disableAutoFetch: true,
  disableStream: true,
  disableRange: true,
  stopAtErrors: false,
  verbosity: 0,
  ...(assetsUrl ? { cMapUrl: `${assetsUrl}cmaps/`, cMapPacked: true, standardFontDataUrl: `${assetsUrl}standard_fonts/` } : {}),
});

interface PdfJs {
  OPS: Ops & Record<string, number>;
  getDocument(params: Record<string, unknown>): {
    promise: Promise<{
      numPages: number;
      getPage(n: number): Promise<{
        getViewport(o: { scale: number }): { height: number };
        getTextContent(): Promise<{ items: unknown[] }>;
        getOperatorList(): Promise<{ fnArray: number[]; argsArray: unknown[] }>;
      }>;
      getMetadata(): Promise<{ info?: Record<string, unknown> }>;
    }>;
    destroy(): Promise<void>;
  };
}

export async function extractInProcess(bytes: Uint8Array, { maxPages, deadline, assetsUrl }: ExtractOptions): Promise<RawPdf> {
  const pdfjs = (await import('pdfjs-dist/legacy/build/pdf.mjs')) as unknown as PdfJs;
  const task = pdfjs.getDocument(documentParams(bytes.slice(), assetsUrl)); // pdf.js detaches the buffer it gets
  try {
    const doc = await task.promise;
    if (doc.numPages > maxPages) throw createError('DOC_TOO_LARGE', `the PDF has ${doc.numPages} pages; the limit is ${maxPages}`);
    const keep = new Set(PATH_OPS.map((name) => pdfjs.OPS[name]));
    const pages: RawPage[] = [];
    for (let n = 1; n <= doc.numPages; n++) {
      await new Promise((resolve) => setTimeout(resolve, 0)); // let the caller's timers and requests run
      if (Date.now() > deadline) throw createError('DOC_PARSE_TIMEOUT', 'reading the PDF took too long');
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      const ops = await page.getOperatorList();
      const fnArray: number[] = [];
      const argsArray: unknown[] = [];
      ops.fnArray.forEach((fn, i) => {
        if (keep.has(fn)) fnArray.push(fn), argsArray.push(ops.argsArray[i]);
      });
      pages.push({ items: items as RawPage['items'], fnArray, argsArray, height: page.getViewport({ scale: 1 }).height });
    }
    const title = (await doc.getMetadata().catch(() => ({ info: undefined }))).info?.Title;
    return { pages, title, ops: pdfjs.OPS };
  } finally {
    task.destroy().catch(() => {});
  }
}
