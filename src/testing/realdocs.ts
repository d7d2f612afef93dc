// The development set: 8 real published documents (src/corpus/fixtures/realdocs/, copied from the shared set with
// their hand-checked golden files) and the seed, read as the Node entry reads a corpus folder.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import type { SourceDocument } from '../corpus/blocks.js';
import { txtReader } from '../corpus/readers/txt.js';
import { DEFAULT_CORPUS_DIR, PROJECT_ROOT } from '../node/loaders.js';

export const REALDOCS_DIR = join(PROJECT_ROOT, 'src', 'corpus', 'fixtures', 'realdocs');
export const SEED_FILE = 'guangxi-hitech-zones-2021.txt';

export interface GoldenAmount {
  text: string;
  subject: string;
  kind: 'award' | 'cap' | 'ratio' | 'threshold-condition' | 'other';
}
export interface GoldenClause {
  label: string;
  ordinal: number;
  title: string | null;
  path?: string;
  lead: string[];
  support: string[];
  amounts: GoldenAmount[];
}
export interface Golden {
  title: string;
  issuer: string | null;
  docNumber: string | null;
  published: string | null;
  signed?: string | null;
  effective: string | null;
  validUntil: string | null;
  repeals?: string[];
  clauses: GoldenClause[];
}

/** File names of the real documents (without the seed). */
export const realdocFiles = () => readdirSync(REALDOCS_DIR).filter((f) => f.endsWith('.txt')).sort();

/** A fixture document as a SourceDocument: the .txt through the txt reader, plus its sidecar metadata if any. */
export async function readFixture(file: string): Promise<SourceDocument> {
  const path = file === SEED_FILE ? join(DEFAULT_CORPUS_DIR, file) : join(REALDOCS_DIR, file);
  const doc = await txtReader.read(readFileSync(path), file);
  const sidecar = join(REALDOCS_DIR, file.replace(/\.txt$/, '.meta.json'));
  if (existsSync(sidecar)) doc.meta = { ...doc.meta, ...JSON.parse(readFileSync(sidecar, 'utf8')) };
  return doc;
}

export const golden = (file: string): Golden => JSON.parse(readFileSync(join(REALDOCS_DIR, file.replace(/\.txt$/, '.golden.json')), 'utf8'));
