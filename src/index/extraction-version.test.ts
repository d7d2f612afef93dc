// An index built by older extraction code must not be served as current: the manifest's INDEX_FORMAT_VERSION is
// what a start compares, so any change to the code that turns documents into artifacts (readers, parser, facts,
// chunks, embedder, text normalisation) must bump it. This test holds the hash of that code next to the version it
// was recorded for, and fails when the code changed but the version did not.
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { PROJECT_ROOT } from '../node/loaders.js';
import { INDEX_FORMAT_VERSION } from './manifest.js';

const RECORD = join(PROJECT_ROOT, 'src', 'index', 'extraction-version.txt');
const ROOTS = ['src/corpus', 'src/index', 'src/text'];

function sources(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const path = join(dir, e.name);
    if (e.isDirectory()) return e.name === 'fixtures' ? [] : sources(path);
    return /\.ts$/.test(e.name) && !/\.test\.ts$/.test(e.name) && e.name !== 'build-report.ts' ? [path] : [];
  });
}

/** The extraction code's hash, comments and blank lines left out: rewording a comment changes no artifact. */
function extractionHash(): string {
  const h = createHash('sha256');
  for (const file of ROOTS.flatMap((r) => sources(join(PROJECT_ROOT, r))).sort()) {
    const code = readFileSync(file, 'utf8')
      .split('\n')
      // The version line itself is left out, so bumping it does not change the hash it is recorded with.
      .filter((l) => !/^\s*(\/\/|\/\*\*?|\*)/.test(l) && l.trim() && !l.includes('INDEX_FORMAT_VERSION = '))
      .join('\n');
    h.update(`${relative(PROJECT_ROOT, file)}\0${code}\0`);
  }
  return h.digest('hex').slice(0, 16);
}

describe('index format version', () => {
  it('is bumped whenever the code that builds the index changes', () => {
    const [version, hash] = readFileSync(RECORD, 'utf8').trim().split(/\s+/);
    const now = extractionHash();
    const line = `${INDEX_FORMAT_VERSION} ${now}`;
    if (hash !== now) {
      expect(Number(version), `the extraction code changed: bump INDEX_FORMAT_VERSION in src/index/manifest.ts, then write "<new version> ${now}" into src/index/extraction-version.txt`).toBeLessThan(INDEX_FORMAT_VERSION);
    }
    expect(`${version} ${hash}`, `record the new version: write "${line}" into src/index/extraction-version.txt`).toBe(line);
  });
});
