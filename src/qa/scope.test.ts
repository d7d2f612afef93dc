import { describe, expect, it } from 'vitest';
import { fixtureKnowledgeBase } from '../testing/fixtures.js';
import { createScopeJudge, MIN_COVERAGE, MIN_COVERAGE_SPECIFIC } from './scope.js';
import type { Term } from './terms.js';

// The scope thresholds, pinned with hand-made terms on a small fixture corpus: coverage is the weight of the
// question's known terms over all its terms, the first term counting 1.5×.
const term = (text: string, known: boolean, weight: number, extra: Partial<Term> = {}): Term => ({
  text, forms: [text], weight, known, wholeWord: known, place: false, noise: false, df: known ? 4 : 0, ...extra,
});

describe('scope thresholds', () => {
  const judge = createScopeJudge(fixtureKnowledgeBase());

  it('are the documented values', () => {
    expect([MIN_COVERAGE, MIN_COVERAGE_SPECIFIC]).toEqual([0.5, 0.3]);
  });

  it('keeps a question at half coverage and refuses one just below', () => {
    // 1.5·1 / (1.5·1 + 1.5) = 0.5
    expect(judge.judge('q', [term('贴息', true, 1), term('火锅', false, 1.5)]).inScope).toBe(true);
    // 1.5·1 / (1.5·1 + 1.6) < 0.5
    expect(judge.judge('q', [term('贴息', true, 1), term('火锅', false, 1.6)])).toMatchObject({ inScope: false, reason: 'low-coverage', missing: ['火锅'] });
  });

  it('needs less coverage when a rare domain term (a user-dictionary word in at most 3 clauses) is named', () => {
    const rare = term('高新技术企业', true, 1, { df: 2 });
    // 1.5 / (1.5 + 2.5) = 0.375: below 0.5, above 0.3
    expect(judge.judge('q', [rare, term('火锅', false, 2.5)]).inScope).toBe(true);
    expect(judge.judge('q', [{ ...rare, df: 4 }, term('火锅', false, 2.5)]).inScope).toBe(false);
    // 1.5 / (1.5 + 4) < 0.3
    expect(judge.judge('q', [rare, term('火锅', false, 4)]).inScope).toBe(false);
  });

  it('counts a word found only inside longer corpus words half, and noise half its weight', () => {
    const inside = term('材料', true, 1, { wholeWord: false });
    // have 0.75 of 1.5 + 1 → 0.3 < 0.5
    expect(judge.judge('q', [inside, term('火锅', false, 1)]).inScope).toBe(false);
    // noise weighs half: 1.5 / (1.5 + 1) = 0.6
    expect(judge.judge('q', [term('贴息', true, 1), term('债能', false, 2, { noise: true })]).inScope).toBe(true);
  });

  it('refuses a place outside the corpus whatever the coverage', () => {
    expect(judge.judge('广州的贴息给多少', [term('贴息', true, 1)])).toMatchObject({ inScope: false, reason: 'place:广州' });
  });

  it('finds no place foreign when a national document is in the library: it applies everywhere', () => {
    const national = createScopeJudge(fixtureKnowledgeBase('realdocs/national-iit-special-deductions-2018.txt'));
    expect(national.judge('广州的住房租金扣除多少', [term('住房租金', true, 1)]).reason).not.toBe('place:广州');
  });
});
