// Document routing by 文号: written whole (国发〔2018〕39号) or as people say it, without the year (国发39号文), it names
// the one document that has it; a short number two documents share names neither.
import { describe, expect, it } from 'vitest';
import { buildKnowledgeBaseData, hydrateKnowledgeBase } from '../index/knowledge-base.js';
import { lexicon, sources, tokenizer } from '../testing/fixtures.js';
import { readFixture } from '../testing/realdocs.js';
import { languageOf } from './language.js';
import { createRouter } from './route.js';

const docs = [...sources, await readFixture('national-employment-stability-2018.txt'), await readFixture('national-iit-special-deductions-2018.txt')];
const kb = hydrateKnowledgeBase(buildKnowledgeBaseData(docs, lexicon, tokenizer), lexicon, tokenizer);
const router = createRouter(kb, languageOf(kb.lexicon));
const employment = kb.documents.find((d) => d.docId === 'national-employment-stability-2018')!;

describe('routing by 文号', () => {
  it('names the document by its whole 文号, and by issuer code and number without the year', () => {
    expect(employment.docNumber).toMatch(/国发.*39号/);
    expect(router.route(`按${employment.docNumber}能贷多少？`).docs).toEqual([employment.docId]);
    expect(router.route('按国发39号文，小微企业能贷多少创业担保贷款？').docs).toEqual([employment.docId]);
  });

  it('does not single a document out by a number no document has (国发 still says national)', () => {
    expect(router.route('按国发99号文能贷多少？').docs).not.toEqual([employment.docId]);
  });
});
