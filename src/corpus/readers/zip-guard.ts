// A DOCX is a zip, and a zip can expand a few KB into gigabytes (a zip bomb). mammoth (through JSZip) would inflate
// every XML part whole into memory, so before it sees the file, each part's declared size and ratio is checked
// and the XML parts are inflated here once, counting bytes and stopping at the limit: a part whose header lies
// about its size is caught too. Pure bytes and web streams, so it runs in a Worker as well as in Node.
import { createError } from '../../errors.js';

export interface ZipEntry {
  name: string;
  /** 0 stored, 8 deflated; anything else is refused. */
  method: number;
  compressedSize: number;
  uncompressedSize: number;
  localHeaderOffset: number;
}

export interface ZipLimits {
  /** Largest expanded part (document.xml of a 300-page policy is a few MB). */
  maxEntryBytes: number;
  /** Largest expanded total of all parts. */
  maxTotalBytes: number;
  /** Largest expansion ratio of a part over 1 MB (XML compresses 5–20×; bombs 1000× and more). */
  maxRatio: number;
  maxEntries: number;
}

export const DEFAULT_ZIP_LIMITS: ZipLimits = { maxEntryBytes: 50 * 1024 * 1024, maxTotalBytes: 100 * 1024 * 1024, maxRatio: 200, maxEntries: 5000 };

const u16 = (b: Uint8Array, o: number) => b[o] | (b[o + 1] << 8);
const u32 = (b: Uint8Array, o: number) => (b[o] | (b[o + 1] << 8) | (b[o + 2] << 16) | (b[o + 3] << 24)) >>> 0;

const unreadable = (why: string) => createError('DOC_UNREADABLE', `not a readable DOCX (${why})`);

/** The entries of a zip's central directory. */
export function listZip(bytes: Uint8Array): ZipEntry[] {
  // The end-of-central-directory record sits in the last 22 bytes plus an optional comment of up to 64 KB.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (u32(bytes, i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw unreadable('no zip directory');
  const count = u16(bytes, eocd + 10);
  let p = u32(bytes, eocd + 16);
  const entries: ZipEntry[] = [];
  for (let i = 0; i < count; i++) {
    if (p + 46 > bytes.length || u32(bytes, p) !== 0x02014b50) throw unreadable('broken zip directory');
    const nameLength = u16(bytes, p + 28);
    entries.push({
      method: u16(bytes, p + 10),
      compressedSize: u32(bytes, p + 20),
      uncompressedSize: u32(bytes, p + 24),
      localHeaderOffset: u32(bytes, p + 42),
      name: new TextDecoder().decode(bytes.subarray(p + 46, p + 46 + nameLength)),
    });
    p += 46 + nameLength + u16(bytes, p + 30) + u16(bytes, p + 32);
  }
  return entries;
}

const bomb = (why: string) => createError('DOC_ZIP_BOMB', `the DOCX expands beyond the limit (${why}); it is not read`);

/** An entry's bytes, inflated; throws DOC_ZIP_BOMB as soon as more than `limit` bytes come out. */
export async function readEntry(bytes: Uint8Array, entry: ZipEntry, limit: number): Promise<Uint8Array> {
  const h = entry.localHeaderOffset;
  if (h + 30 > bytes.length || u32(bytes, h) !== 0x04034b50) throw unreadable(`broken entry ${entry.name}`);
  const start = h + 30 + u16(bytes, h + 26) + u16(bytes, h + 28);
  const data = bytes.subarray(start, start + entry.compressedSize);
  if (entry.method === 0) {
    if (data.length > limit) throw bomb(`${entry.name} is over ${limit} bytes`);
    return data;
  }
  if (entry.method !== 8) throw unreadable(`${entry.name} uses compression method ${entry.method}`);
  const stream = new DecompressionStream('deflate-raw');
  const writer = stream.writable.getWriter();
  // Errors surface through the reader; these promises are only settled, never awaited.
  writer.write(data as Uint8Array<ArrayBuffer>).catch(() => {});
  writer.close().catch(() => {});
  const reader = stream.readable.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      total += value.length;
      if (total > limit) {
        reader.cancel().catch(() => {});
        throw bomb(`${entry.name} expands past ${limit} bytes`);
      }
      chunks.push(value);
    }
  } catch (e) {
    if ((e as { code?: string }).code === 'DOC_ZIP_BOMB') throw e;
    throw unreadable(`${entry.name} does not inflate`);
  }
  const out = new Uint8Array(total);
  let o = 0;
  for (const c of chunks) out.set(c, o), (o += c.length);
  return out;
}

/**
 * Refuses a zip that would expand past the limits: by the sizes it declares, then by inflating its XML parts
 * (what mammoth reads) while counting. Returns the entries for the caller's own reads.
 */
export async function guardZip(bytes: Uint8Array, limits: ZipLimits = DEFAULT_ZIP_LIMITS): Promise<ZipEntry[]> {
  const entries = listZip(bytes);
  if (entries.length > limits.maxEntries) throw bomb(`${entries.length} parts`);
  let declared = 0;
  for (const e of entries) {
    declared += e.uncompressedSize;
    if (e.uncompressedSize > limits.maxEntryBytes) throw bomb(`${e.name} declares ${e.uncompressedSize} bytes`);
    if (e.uncompressedSize > 1024 * 1024 && e.uncompressedSize / Math.max(1, e.compressedSize) > limits.maxRatio) {
      throw bomb(`${e.name} declares a ${Math.round(e.uncompressedSize / Math.max(1, e.compressedSize))}× expansion`);
    }
  }
  if (declared > limits.maxTotalBytes) throw bomb(`${declared} bytes in all`);
  let total = 0;
  for (const e of entries) {
    if (!/\.(xml|rels)$/i.test(e.name)) continue;
    const data = await readEntry(bytes, e, Math.min(limits.maxEntryBytes, limits.maxTotalBytes - total));
    total += data.length;
  }
  return entries;
}
