// Every real document of the development set and the seed, parsed as shipped (txt reader → parser → facts) and
// compared with its hand-checked golden file. Prints a per-document table.
import { afterAll, describe, expect, it } from 'vitest';
import { gazetteer, lexicon } from '../testing/fixtures.js';
import { rate, scoreAgainstGolden, type GoldenReport } from '../testing/golden-score.js';
import { golden, readFixture, realdocFiles, realdocFiles2, SEED_FILE } from '../testing/realdocs.js';
import { createDepartmentRegistry } from './departments.js';
import { extractFacts } from './facts.js';
import { parseDocument } from './parse.js';

const registry = createDepartmentRegistry(lexicon.departments, gazetteer);
const files = [SEED_FILE, ...realdocFiles(), ...realdocFiles2()];
const reports = new Map<string, GoldenReport>();

const pct = (x: number) => `${(100 * x).toFixed(1)}%`;

describe('real documents against their golden files', () => {
  for (const file of files) {
    it(`${file}: clauses, lead departments and amounts on the right clause; no threshold read as an award`, async () => {
      const doc = parseDocument(await readFixture(file), { registry, gazetteer });
      const facts = doc.clauses.flatMap(extractFacts);
      const r = scoreAgainstGolden(doc, facts, golden(file), registry);
      reports.set(file, r);
      const min = file === SEED_FILE ? 1 : 0.95;
      const why = r.misses.join('\n');
      expect(rate(r.clauses), why).toBeGreaterThanOrEqual(min);
      expect(rate(r.lead), why).toBeGreaterThanOrEqual(min);
      expect(rate(r.leadPrecision), why).toBeGreaterThanOrEqual(min);
      expect(rate(r.names), why).toBeGreaterThanOrEqual(min);
      expect(rate(r.amounts), why).toBeGreaterThanOrEqual(min);
      expect(r.thresholdsAsAwards, why).toBe(0);
      expect(rate(r.metadata), why).toBe(1);
    });
  }

  afterAll(() => {
    const rows = [...reports.entries()].map(([f, r]) =>
      `| ${f.replace(/\.txt$/, '')} | ${pct(rate(r.clauses))} (${r.clauses.hits}/${r.clauses.total}) | ${pct(rate(r.lead))} (${r.lead.hits}/${r.lead.total}) | ${pct(rate(r.support))} | ${pct(rate(r.amounts))} (${r.amounts.hits}/${r.amounts.total}) | ${r.thresholdsAsAwards} | ${pct(rate(r.metadata))} |`);
    console.log(['| document | clauses aligned | lead on clause | support | award/cap/ratio | thresholds as awards | metadata |', '|---|---|---|---|---|---|---|', ...rows].join('\n'));
  });
});
