import { describe, expect, it } from 'vitest';
import { createDepartmentRegistry } from '../src/corpus/departments.js';
import { extractFacts } from '../src/corpus/facts.js';
import { parseDocument } from '../src/corpus/parse.js';
import { blocksToText } from '../src/corpus/blocks.js';
import { sourceFromText } from '../src/corpus/readers/txt.js';
import { gazetteer, lexicon, sources } from '../src/testing/fixtures.js';
import { syntheticDocuments } from './synthetic-corpus.js';

describe('synthetic corpus for the scale benchmark', () => {
  it('generates documents that parse like the seed, with other subjects and amounts', () => {
    const docs = syntheticDocuments(blocksToText(sources[0].blocks), 12);
    const registry = createDepartmentRegistry(lexicon.departments, gazetteer);
    const parsed = docs.map((d) => parseDocument(sourceFromText(d.file, d.text), { registry, gazetteer }));
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
