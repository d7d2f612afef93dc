// The scale benchmark's corpus: N documents from the bases, each parsed like its base (clauses found), moved to
// another province, with its own 文号 and scaled amounts, none a copy of another.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readDocument } from '../src/corpus/readers/index.js';
import { buildKnowledgeBaseData } from '../src/index/knowledge-base.js';
import { PROJECT_ROOT } from '../src/node/loaders.js';
import { lexicon, tokenizer } from '../src/testing/fixtures.js';
import { REALDOCS_DIR } from '../src/testing/realdocs.js';
import { scaleCorpus } from './scale-corpus.js';

const bases = [
  { file: 'guangxi-hitech-zones-2021.txt', region: ['广西'], text: readFileSync(join(PROJECT_ROOT, 'corpus', 'guangxi-hitech-zones-2021.txt'), 'utf8') },
  { file: 'guangzhou-employment-internship-bases-2019.txt', region: ['广东', '广州'], text: readFileSync(join(REALDOCS_DIR, 'guangzhou-employment-internship-bases-2019.txt'), 'utf8') },
];

describe('scale corpus', () => {
  it('makes N distinct documents that parse like their bases, in other places', async () => {
    const docs = scaleCorpus(bases, 6, lexicon.places);
    expect(docs).toHaveLength(6);
    expect(new Set(docs.map((d) => d.text)).size).toBe(6);
    const data = buildKnowledgeBaseData(await Promise.all(docs.map((d) => readDocument(new TextEncoder().encode(d.text), d.file))), lexicon, tokenizer);
    const base = buildKnowledgeBaseData(await Promise.all(bases.map((b) => readDocument(new TextEncoder().encode(b.text), b.file))), lexicon, tokenizer);
    for (const [i, d] of data.documents.entries()) {
      expect(d.clauses.length).toBe(base.documents[i % 2].clauses.length);
      expect(d.region[0]).not.toBe(bases[i % 2].region[0]);
    }
  });
});
