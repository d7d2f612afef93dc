// The reader registry: one line per format. A file's extension picks its reader; the parser never knows which.
import { createError } from '../../errors.js';
import type { DocumentReader, SourceDocument } from '../blocks.js';
import { txtReader } from './txt.js';

export const READERS: DocumentReader[] = [txtReader];

export function readerFor(fileName: string): DocumentReader | undefined {
  const ext = fileName.toLowerCase().split('.').pop() ?? '';
  return READERS.find((r) => r.extensions.includes(ext));
}

/** Whether a corpus file is a document some reader reads (README.md and sidecar metadata are not). */
export const isDocumentFile = (fileName: string) => !!readerFor(fileName) && !/^readme\.(md|txt)$/i.test(fileName) && !/\.meta\.json$/i.test(fileName);

export async function readDocument(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
  const reader = readerFor(fileName);
  if (!reader) throw createError('DOC_UNSUPPORTED_FORMAT', `no reader for ${fileName}: supported are ${READERS.flatMap((r) => r.extensions).join(', ')}`);
  return reader.read(bytes, fileName);
}
