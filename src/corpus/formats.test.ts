// Every real document in every format it has (HTML page, DOCX, PDF) parsed as shipped and scored against the same
// golden file as its .txt: clauses, lead departments and amounts must agree within 2 percentage points.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { gazetteer, lexicon } from '../testing/fixtures.js';
import { rate, scoreAgainstGolden, type GoldenReport } from '../testing/golden-score.js';
import { golden, readFixture, REALDOCS_DIR, realdocFiles } from '../testing/realdocs.js';
import type { SourceDocument } from './blocks.js';
import { createDepartmentRegistry } from './departments.js';
import { extractFacts } from './facts.js';
import { parseDocument } from './parse.js';
import { readDocument } from './readers/index.js';

const registry = createDepartmentRegistry(lexicon.departments, gazetteer);
const rows: string[] = [];

async function score(doc: SourceDocument, file: string): Promise<GoldenReport> {
  const parsed = parseDocument(doc, { registry, gazetteer });
  return scoreAgainstGolden(parsed, parsed.clauses.flatMap(extractFacts), golden(file), registry);
}

describe('every format of a document gives what its .txt gives', () => {
  for (const file of realdocFiles()) {
    for (const ext of ['html', 'docx', 'pdf']) {
      const other = join(REALDOCS_DIR, file.replace(/\.txt$/, `.${ext}`));
      if (!existsSync(other)) continue;
      it(`${file.replace(/\.txt$/, '')}.${ext}`, async () => {
        const txt = await score(await readFixture(file), file);
        const source = await readDocument(new Uint8Array(readFileSync(other)), file.replace(/\.txt$/, `.${ext}`));
        const sidecar = join(REALDOCS_DIR, file.replace(/\.txt$/, '.meta.json'));
        if (existsSync(sidecar)) source.meta = { ...source.meta, ...JSON.parse(readFileSync(sidecar, 'utf8')) };
        const r = await score(source, file);
        const measures = ['clauses', 'lead', 'leadPrecision', 'amounts'] as const;
        rows.push(`| ${file.replace(/\.txt$/, '')} | ${ext} | ${measures.map((m) => `${(100 * rate(r[m])).toFixed(1)}% (txt ${(100 * rate(txt[m])).toFixed(1)}%)`).join(' | ')} | ${r.thresholdsAsAwards} |`);
        for (const m of measures) expect(Math.abs(rate(r[m]) - rate(txt[m])), `${m}\n${r.misses.join('\n')}`).toBeLessThanOrEqual(0.02);
        expect(r.thresholdsAsAwards, r.misses.join('\n')).toBe(0);
      }, 60_000);
    }
  }
  afterAll(() => console.log(['| document | format | clauses | lead | lead precision | amounts | thresholds as awards |', '|---|---|---|---|---|---|---|', ...rows].join('\n')));
});
