// The reader registry: which reader reads a file, by its extension. A new format is one reader file and one line
// here; nothing else in the corpus or index knows formats.
import type { DocumentReader, SourceDocument } from '../blocks.js';
import { createError } from '../../errors.js';
import { docxReader } from './docx.js';
import { htmlReader } from './html.js';
import { pdfReader } from './pdf.js';
import { mdReader, txtReader } from './txt.js';

export const READERS: readonly DocumentReader[] = [
  txtReader,
  mdReader,
  htmlReader,
  docxReader,
  pdfReader,
];

const extensionOf = (fileName: string) => fileName.match(/\.([^./\\]+)$/)?.[1]?.toLowerCase() ?? '';

/** Every extension some reader reads, e.g. for an upload form's accept list. */
export const SUPPORTED_EXTENSIONS: readonly string[] = READERS.flatMap((r) => r.extensions);

/** The reader for a file name, or undefined when no reader reads its extension. */
export function readerFor(fileName: string, readers: readonly DocumentReader[] = READERS): DocumentReader | undefined {
  const ext = extensionOf(fileName);
  return readers.find((r) => r.extensions.includes(ext));
}

/** Reads a file into blocks; an extension no reader reads is DOC_UNSUPPORTED_FORMAT. */
export async function readDocument(bytes: Uint8Array, fileName: string, readers: readonly DocumentReader[] = READERS): Promise<SourceDocument> {
  const reader = readerFor(fileName, readers);
  if (!reader) {
    const ext = extensionOf(fileName);
    throw createError('DOC_UNSUPPORTED_FORMAT', `${ext ? `.${ext}` : 'a file without an extension'} cannot be read; use ${SUPPORTED_EXTENSIONS.map((e) => `.${e}`).join(', ')}`);
  }
  return reader.read(bytes, fileName);
}

/** Whether a corpus file is a document some reader reads (README.md and sidecar metadata are not). */
export const isDocumentFile = (fileName: string) => !!readerFor(fileName) && !/^readme\.(md|txt)$/i.test(fileName) && !/\.meta\.json$/i.test(fileName);
