// How closely a reader's blocks carry a document's published text (realdocs/*.txt, copied beside the fixtures):
// which source paragraphs come out as one block each, which table rows come out as rows, and which blocks are
// not in the source at all (page numbers, running headers, navigation left over). Whitespace is ignored in the
// comparison: where a format adds or drops a space is the parser's business, not a lost paragraph.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Block } from '../corpus/blocks.js';
import { PROJECT_ROOT } from '../node/loaders.js';

// The realdocs documents in every format live beside their golden files; special files (scanned, encrypted) here.
export const READER_FIXTURES = join(PROJECT_ROOT, 'src', 'corpus', 'fixtures', 'realdocs');
export const SPECIAL_FIXTURES = join(PROJECT_ROOT, 'src', 'corpus', 'readers', 'fixtures');

export const readFixture = (name: string) =>
  new Uint8Array(readFileSync(join(/^(scanned|encrypted|owner-locked)\.pdf$/.test(name) ? SPECIAL_FIXTURES : READER_FIXTURES, name)));
export const readFixtureText = (name: string) => readFileSync(join(READER_FIXTURES, name), 'utf8');

const squeeze = (s: string) => s.normalize('NFC').replace(/[\s\u00a0\u3000\u200b\ufeff]+/g, '');

/** A row's cells as compared: merged cells (repeated by readers, written once in the .txt) counted once, blanks dropped. */
const rowKey = (cells: string[]) => cells.map(squeeze).filter((c, i, all) => c !== '' && c !== all[i - 1]).join('|');

export interface Agreement {
  /** Source paragraphs (non-table lines of the .txt) that some text block equals. */
  found: number;
  total: number;
  ratio: number;
  missing: string[];
  /** Text blocks equal to no source line (nor to a table line read as text): furniture or broken paragraphs. */
  extra: string[];
}

export interface Span {
  /** Compare from this line of the .txt (0-based): the lines above are the page's, not the file's (基本信息). */
  from?: number;
  /** Compare up to this line: a fixture printed from part of a document. */
  lines?: number;
}

function sourceLines(txt: string, { from = 0, lines }: Span): string[] {
  return txt.split(/\r?\n/).slice(from, lines).filter((l) => l.trim() !== '');
}

export function paragraphAgreement(txt: string, blocks: Block[], span: Span = {}): Agreement {
  const source = sourceLines(txt, span);
  const paragraphs = source.filter((l) => !l.includes('\t')).map(squeeze);
  const texts = blocks.filter((b) => b.kind !== 'row').map((b) => squeeze((b as { text: string }).text));
  const have = new Set(texts);
  const known = new Set([...paragraphs, ...source.filter((l) => l.includes('\t')).map(squeeze)]);
  const missing = paragraphs.filter((p) => !have.has(p));
  return {
    found: paragraphs.length - missing.length,
    total: paragraphs.length,
    ratio: (paragraphs.length - missing.length) / paragraphs.length,
    missing,
    extra: texts.filter((t) => !known.has(t)),
  };
}

/**
 * Source table rows (TAB lines of the .txt) that some row block carries, cell for cell, or that a table's header
 * carries (a header row of the .txt is one level of the joined names: 分类 in 门诊特定病种/分类).
 */
export function rowAgreement(txt: string, blocks: Block[], span: Span = {}) {
  const rows = sourceLines(txt, span).filter((l) => l.includes('\t')).map((l) => l.split('\t'));
  const rowBlocks = blocks.filter((b) => b.kind === 'row');
  const have = new Set(rowBlocks.map((b) => rowKey(b.cells)));
  // Whole names and their levels: a name may hold a slash of its own (联系电话/传真).
  const headerNames = new Set(rowBlocks.flatMap((b) => b.header.flatMap((h) => [h, ...h.split('/')]).map(squeeze)));
  const inHeader = (cells: string[]) => cells.map(squeeze).filter(Boolean).every((c) => headerNames.has(c));
  const missing = rows.filter((r) => !have.has(rowKey(r)) && !inHeader(r)).map((r) => r.join('\t'));
  return { found: rows.length - missing.length, total: rows.length, ratio: rows.length === 0 ? 1 : (rows.length - missing.length) / rows.length, missing };
}

/**
 * Which lines of each .txt a DOCX or PDF made from the document's body carries: the two gz.gov.cn documents' first
 * eight lines are the page's 基本信息 block and <h1> title, and the 门特 PDF was printed up to the end of 附件1.
 */
export function bodySpan(doc: string, format: 'docx' | 'pdf'): Span {
  if (!doc.startsWith('guangzhou-')) return {};
  return { from: 8, lines: format === 'pdf' && doc.startsWith('guangzhou-outpatient') ? 113 : undefined };
}

/** The realdocs documents with fixtures, by name. */
export const DOCUMENTS = [
  'guangzhou-outpatient-special-diseases-2019',
  'guangzhou-employment-internship-bases-2019',
  'national-employment-stability-2018',
  'national-iit-special-deductions-2018',
  'national-supervision-incentives-2018',
  'guangdong-graduate-employment-support-list-2026',
  'tianhe-talent-apartments-2025',
  'liuhe-tourism-2019',
] as const;
