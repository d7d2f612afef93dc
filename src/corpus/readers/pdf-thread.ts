// Node only (imported by pdf.ts on first use, never at the top of a module): pdf.js run in a worker thread, so a
// malformed or endless PDF is stopped at the time limit by terminating the thread (pdf.js parses synchronously and
// cannot be interrupted in its own thread) and a PDF that exhausts memory takes down the thread, not the server.
// The thread runs the steps of extractInProcess (pdf-extract.ts) written out as plain JavaScript, because a
// thread cannot load this project's TypeScript under every runner (tsx, vitest, the esbuild bundle).
import { createError } from '../../errors.js';
import { documentParams, type ExtractOptions, PATH_OPS, type RawPdf } from './pdf-extract.js';

const THREAD = `
const { parentPort, workerData } = require('node:worker_threads');
(async () => {
  const { pdfjsUrl, params, maxPages, pathOps } = workerData;
  try {
    const pdfjs = await import(pdfjsUrl);
    const doc = await pdfjs.getDocument(params).promise;
    if (doc.numPages > maxPages) {
      parentPort.postMessage({ error: { code: 'DOC_TOO_LARGE', message: 'the PDF has ' + doc.numPages + ' pages; the limit is ' + maxPages } });
      return;
    }
    const keep = new Set(pathOps.map((name) => pdfjs.OPS[name]));
    const pages = [];
    for (let n = 1; n <= doc.numPages; n++) {
      const page = await doc.getPage(n);
      const { items } = await page.getTextContent();
      const ops = await page.getOperatorList();
      const fnArray = [];
      const argsArray = [];
      ops.fnArray.forEach((fn, i) => { if (keep.has(fn)) { fnArray.push(fn); argsArray.push(ops.argsArray[i]); } });
      pages.push({ items: items.map((it) => ({ str: it.str, transform: it.transform, width: it.width })), fnArray, argsArray, height: page.getViewport({ scale: 1 }).height });
    }
    const meta = await doc.getMetadata().catch(() => ({}));
    parentPort.postMessage({ pdf: { pages, title: meta.info && meta.info.Title, ops: { ...pdfjs.OPS } } });
  } catch (e) {
    parentPort.postMessage({ error: { name: e && e.name, message: String(e && e.message) } });
  }
})();
`;

/** Thrown by the thread for pdf.js's own failures, mapped to codes by pdf.ts like in-process ones. */
export class PdfJsError extends Error {
  constructor(
    readonly pdfjsName: string | undefined,
    message: string,
  ) {
    super(message);
  }
}

export async function extractInThread(bytes: Uint8Array, { maxPages, deadline, assetsUrl }: ExtractOptions & { memoryMb?: number }): Promise<RawPdf> {
  const { Worker } = await import('node:worker_threads');
  const pdfjsUrl = (import.meta as { resolve?: (s: string) => string }).resolve?.('pdfjs-dist/legacy/build/pdf.mjs');
  if (!pdfjsUrl) throw createError('DOC_UNREADABLE', 'pdf.js cannot be found');
  const data = bytes.slice();
  const worker = new Worker(THREAD, {
    eval: true,
    workerData: { pdfjsUrl, params: documentParams(data, assetsUrl), maxPages, pathOps: PATH_OPS },
    transferList: [data.buffer as ArrayBuffer],
    resourceLimits: { maxOldGenerationSizeMb: 1024 },
  });
  return new Promise<RawPdf>((resolve, reject) => {
    const timer = setTimeout(() => {
      worker.terminate().catch(() => {});
      reject(createError('DOC_PARSE_TIMEOUT', 'reading the PDF took too long; it may be damaged'));
    }, Math.max(0, deadline - Date.now()));
    const done = () => clearTimeout(timer);
    worker.once('message', (m: { pdf?: RawPdf; error?: { code?: 'DOC_TOO_LARGE'; name?: string; message: string } }) => {
      done();
      worker.terminate().catch(() => {});
      if (m.pdf) resolve(m.pdf);
      else if (m.error?.code) reject(createError(m.error.code, m.error.message));
      else reject(new PdfJsError(m.error?.name, m.error?.message ?? 'unknown error'));
    });
    worker.once('error', (e) => {
      done();
      // ERR_WORKER_OUT_OF_MEMORY: the document needs more memory than any policy document does.
      reject((e as { code?: string }).code === 'ERR_WORKER_OUT_OF_MEMORY' ? createError('DOC_TOO_LARGE', 'the PDF needs too much memory to read') : new PdfJsError(e.name, e.message));
    });
    worker.once('exit', () => {
      done();
      reject(createError('DOC_UNREADABLE', 'the PDF reader stopped'));
    });
  });
}
