import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors.js';
import { readFixture } from '../../testing/reader-agreement.js';
import { READERS, readDocument, readerFor, SUPPORTED_EXTENSIONS } from './index.js';

const HERE = dirname(fileURLToPath(import.meta.url));

describe('reader registry', () => {
  it('finds one reader per extension, whatever its case', () => {
    expect(SUPPORTED_EXTENSIONS).toEqual(expect.arrayContaining(['txt', 'md', 'html', 'htm', 'docx', 'pdf']));
    expect(new Set(SUPPORTED_EXTENSIONS).size).toBe(SUPPORTED_EXTENSIONS.length);
    expect(readerFor('政策.PDF')).toBe(readerFor('a.pdf'));
    expect(readerFor('dir.v2/page.HTM')?.extensions).toContain('htm');
    expect(readerFor('notes')).toBeUndefined();
  });

  it('reads each format through its reader', async () => {
    const doc = 'liuhe-tourism-2019';
    for (const ext of ['txt', 'docx', 'pdf']) {
      const read = await readDocument(readFixture(`${doc}.${ext}`), `${doc}.${ext}`);
      expect(read.format).toBe(ext);
      expect(read.fileName).toBe(`${doc}.${ext}`);
      expect(read.blocks.length).toBeGreaterThan(40);
    }
  });

  it('refuses an unknown extension with a coded 415 naming what it reads', async () => {
    const err = await readDocument(new Uint8Array([1, 2, 3]), '表格.xlsx').catch((e) => e);
    expect(isAppError(err, 'DOC_UNSUPPORTED_FORMAT')).toBe(true);
    expect(err.status).toBe(415);
    expect(err.message).toContain('.xlsx');
    expect(err.message).toContain('.pdf');
    expect(isAppError(await readDocument(new Uint8Array(), 'README').catch((e) => e), 'DOC_UNSUPPORTED_FORMAT')).toBe(true);
  });

  it('has readers that import nothing Node-only at module top level (they may run in a Worker)', () => {
    const sources = readdirSync(HERE).filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'));
    expect(sources.length).toBeGreaterThan(10);
    for (const f of sources) {
      const staticImports = [...readFileSync(join(HERE, f), 'utf8').matchAll(/^import [^;]*? from '([^']+)'/gm)].map((m) => m[1]);
      // mammoth and pdf.js are loaded on first use: mammoth's Node build requires fs, pdf.js is heavy.
      expect(staticImports.filter((m) => /^(node:|fs$|path$|mammoth|pdfjs-dist)/.test(m)), f).toEqual([]);
    }
    expect(READERS.length).toBe(5);
  });
});
