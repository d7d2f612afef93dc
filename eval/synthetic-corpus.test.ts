import { describe, expect, it } from 'vitest';
import { createDepartmentRegistry } from '../src/corpus/departments.js';
import { extractFacts } from '../src/corpus/facts.js';
import { parseDocument } from '../src/corpus/parse.js';
import { lexicon, sources } from '../src/testing/fixtures.js';
import { syntheticDocuments } from './synthetic-corpus.js';

describe('synthetic corpus for the scale benchmark', () => {
  it('generates documents that parse like the seed, with other subjects and amounts', () => {
    const docs = syntheticDocuments(sources[0].text, 12);
    const reg = createDepartmentRegistry(lexicon.departments);
    const parsed = docs.map((d) => parseDocument(d.file, d.text, reg));
    expect(new Set(parsed.map((p) => p.docId)).size).toBe(12);
    expect(new Set(parsed.map((p) => p.title)).size).toBe(12);
    for (const p of parsed) {
      expect(p.clauses).toHaveLength(27);
      expect(p.clauses[21].lead.map((d) => d.name)).toEqual(['自治区自然资源厅']);
    }
    const amounts = (i: number) => parsed[i].clauses.flatMap(extractFacts).filter((f) => f.type === 'amount').map((f) => f.display);
    expect(amounts(0)).not.toEqual(amounts(1));
    expect(parsed[3].clauses[13].text).not.toContain('科技企业孵化器');
  });
});
