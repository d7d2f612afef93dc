import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import { readFixture } from '../../testing/reader-agreement.js';
import { makeZip } from '../../testing/zip.js';
import { guardZip, listZip, readEntry } from './zip-guard.js';

const enc = (s: string) => new TextEncoder().encode(s);
const code = (e: unknown) => (isAppError(e) ? e.code : e);

describe('zip guard', () => {
  it('lists and inflates a real DOCX', async () => {
    const bytes = readFixture('liuhe-tourism-2019.docx');
    const entries = await guardZip(bytes);
    const doc = entries.find((e) => e.name === 'word/document.xml')!;
    const data = await readEntry(bytes, doc, 1e7);
    expect(data.length).toBe(doc.uncompressedSize);
    expect(new TextDecoder().decode(data)).toContain('酒店建设');
  });

  it('refuses a part that declares more than the limit', async () => {
    const zip = await makeZip([{ name: 'word/document.xml', data: enc('<w:document/>'), declaredSize: 60 * 1024 * 1024 }]);
    expect(code(await guardZip(zip).catch((e) => e))).toBe('DOC_ZIP_BOMB');
  });

  it('refuses a part that lies about its size and expands past the limit while inflating', async () => {
    const zip = await makeZip([{ name: 'word/document.xml', data: new Uint8Array(3 * 1024 * 1024).fill(32), declaredSize: 1000 }]);
    const limits = { maxEntryBytes: 2 * 1024 * 1024, maxTotalBytes: 4 * 1024 * 1024, maxRatio: 200, maxEntries: 10 };
    expect(code(await guardZip(zip, limits).catch((e) => e))).toBe('DOC_ZIP_BOMB');
  });

  it('refuses an absurd expansion ratio even under the size limits', async () => {
    const zip = await makeZip([{ name: 'word/document.xml', data: new Uint8Array(8 * 1024 * 1024).fill(32) }]);
    expect(listZip(zip)[0].compressedSize).toBeLessThan(20_000);
    expect(code(await guardZip(zip).catch((e) => e))).toBe('DOC_ZIP_BOMB');
  });

  it('calls anything that is not a zip unreadable', async () => {
    expect(code(await guardZip(enc('PK not really a zip file at all')).catch((e) => e))).toBe('DOC_UNREADABLE');
  });
});
