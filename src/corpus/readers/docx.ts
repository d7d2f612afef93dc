// .docx through mammoth: Word's paragraphs, heading styles (→ h1…h6 → heading levels) and tables (merged cells as
// colspan/rowspan) as HTML, then the same block walk as saved pages. The zip is checked first (zip-guard.ts), so
// mammoth never inflates a bomb; pictures are never decoded. The title comes from the core properties, as Word
// keeps it. mammoth is loaded on first use: its Node build reads files through `fs`, which a Worker lacks.
import { load } from 'cheerio/slim';
import type { DocumentReader, SourceDocument, SourceMeta } from '../blocks.js';
import { createError, isAppError } from '../../errors.js';
import { readHtmlFragment } from './html.js';
import { DEFAULT_ZIP_LIMITS, guardZip, readEntry, type ZipLimits } from './zip-guard.js';

/** Word's own heading styles by their English and Chinese (WPS, localised Word) names, and the Title style. */
const STYLE_MAP = [
  "p[style-name='Title'] => h1:fresh",
  "p[style-name='标题'] => h1:fresh",
  ...[1, 2, 3, 4, 5, 6].flatMap((n) => [`p[style-name='标题 ${n}'] => h${n}:fresh`, `p[style-name='heading ${n}'] => h${n}:fresh`]),
];

interface Mammoth {
  convertToHtml(
    input: { buffer?: Uint8Array; arrayBuffer?: ArrayBuffer },
    options: { styleMap: string[]; convertImage: unknown },
  ): Promise<{ value: string; messages: { type: string; message: string }[] }>;
  images: { imgElement(f: (image: unknown) => Promise<Record<string, string>>): unknown };
}

/** An OLE compound file: a legacy .doc, or an encrypted OOXML file (Word stores those in OLE with EncryptionInfo). */
function oleKind(bytes: Uint8Array): 'encrypted' | 'doc' | undefined {
  const ole = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];
  if (!ole.every((b, i) => bytes[i] === b)) return undefined;
  const marker = new TextDecoder('utf-16le').decode(bytes.subarray(0, Math.min(bytes.length, 1 << 20)));
  return marker.includes('EncryptionInfo') || marker.includes('EncryptedPackage') ? 'encrypted' : 'doc';
}

async function coreTitle(bytes: Uint8Array, entries: Awaited<ReturnType<typeof guardZip>>): Promise<string | undefined> {
  const core = entries.find((e) => e.name === 'docProps/core.xml');
  if (!core) return undefined;
  const xml = new TextDecoder().decode(await readEntry(bytes, core, 1024 * 1024));
  const title = load(xml, { xml: true })('dc\\:title').first().text().trim();
  return title || undefined;
}

export interface DocxReaderOptions {
  /** Files larger than this are refused before unzipping. */
  maxBytes?: number;
  zipLimits?: ZipLimits;
}

export function createDocxReader({ maxBytes = 20 * 1024 * 1024, zipLimits = DEFAULT_ZIP_LIMITS }: DocxReaderOptions = {}): DocumentReader {
  return {
    extensions: ['docx'],
    async read(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
      if (bytes.byteLength > maxBytes) throw createError('DOC_TOO_LARGE', `the file is over ${maxBytes} bytes`);
      const ole = oleKind(bytes);
      if (ole === 'encrypted') throw createError('DOC_ENCRYPTED');
      if (ole === 'doc') throw createError('DOC_UNSUPPORTED_FORMAT', 'this is an old Word .doc file; save it as .docx and upload it again');
      const entries = await guardZip(bytes, zipLimits);
      if (!entries.some((e) => e.name === 'word/document.xml')) throw createError('DOC_UNREADABLE', 'not a DOCX (no word/document.xml)');

      const mod = (await import('mammoth')) as unknown as Mammoth & { default?: Mammoth };
      const mammoth = mod.default ?? mod; // CommonJS: the module object or its default, by loader
      let html: string;
      let messages: { type: string; message: string }[];
      try {
        ({ value: html, messages } = await mammoth.convertToHtml(
          { buffer: bytes, arrayBuffer: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer },
          { styleMap: STYLE_MAP, convertImage: mammoth.images.imgElement(async () => ({ src: '' })) },
        ));
      } catch (e) {
        if (isAppError(e)) throw e;
        throw createError('DOC_UNREADABLE', `the DOCX could not be read: ${(e as Error).message}`);
      }
      const blocks = readHtmlFragment(html);
      if (blocks.length === 0) throw createError('DOC_EMPTY', 'the DOCX holds no text');
      const meta: SourceMeta = {};
      const title = await coreTitle(bytes, entries);
      if (title) meta.title = title;
      const warnings = messages.filter((m) => m.type === 'error').map((m) => m.message);
      return { fileName, format: 'docx', blocks, meta, warnings };
    },
  };
}

export const docxReader = createDocxReader();
