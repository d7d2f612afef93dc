// Out of scope: another jurisdiction, or a question whose subject the corpus never mentions. Saying
// "本政策未涉及" beats offering the nearest clause's numbers.
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { dictionaryWords } from '../text/lexicon.js';
import { hasTerm, type Term } from './terms.js';

export interface ScopeVerdict {
  inScope: boolean;
  reason?: string;
  /** What the question asked about that the corpus lacks, for the reply. */
  missing: string[];
}

export interface ScopeJudge {
  judge(question: string, terms: Term[]): ScopeVerdict;
}

/**
 * Coverage = weight of the question's terms the corpus has / weight of all its terms, where a word found only
 * inside longer corpus words (材料 in 新材料) counts half, and region places (南宁) count nothing. Calibrated
 * on the eval set: in-scope questions with typos stay above it, foreign subjects fall below.
 */
export const MIN_COVERAGE = 0.5;
/** With a specific domain term (found in at most a few clauses) a chatty question needs less coverage. */
export const MIN_COVERAGE_SPECIFIC = 0.3;
const SPECIFIC_DF = 3;

export function createScopeJudge(kb: KnowledgeBase): ScopeJudge {
  const corpusText = kb.documents.map((d) => `${d.title}${d.region.join('')}${d.preamble}${d.clauses.map((c) => c.text + c.deptNote).join('')}`).join('');
  // Places no document governs or mentions; a name that is also an ordinary word (安康, 白云) counts only with
  // its suffix (安康市).
  const ambiguous = new Set(kb.lexicon.places.ambiguous ?? []);
  // A national document applies in every place: a question about a place no document names is still answered
  // from it when every word of its subject is known and the heaviest is the national document's own.
  const nationalText = kb.documents.filter((d) => d.level === 'national').map((d) => `${d.title}${d.clauses.map((c) => c.title + c.text).join('')}`).join('');
  const national = (terms: Term[]) => {
    const subject = terms.filter((t) => !t.place && !t.noise && !kb.gazetteer.lookup(t.text));
    if (!nationalText || !subject.length || subject.some((t) => !t.known)) return false;
    const heaviest = [...subject].sort((a, b) => b.weight - a.weight)[0];
    return hasTerm(nationalText, heaviest);
  };
  const places = kb.gazetteer
    .names()
    .filter((p) => !kb.regionPlaces.has(p) && !corpusText.includes(p))
    .flatMap((p) => (ambiguous.has(p) ? ['市', '区', '县', '省'].map((s) => p + s) : [p]))
    .sort((a, b) => b.length - a.length);
  // Domain terms (the jieba user dictionary): a rare one marks a question as about this policy.
  const domain = new Set(dictionaryWords(kb.lexicon));
  return {
    judge(question, terms) {
      const place = places.find((p) => question.includes(p));
      if (place && !national(terms)) return { inScope: false, reason: `place:${place}`, missing: [place] };
      const subject = terms.filter((t) => !t.place && !(!t.known && /^\d+$/.test(t.text)));
      let have = 0;
      let total = 0;
      for (const [i, t] of subject.entries()) {
        // Chinese questions lead with their topic: the first term says what is asked about.
        const w = (t.noise ? 0.5 : t.weight) * (i === 0 ? 1.5 : 1);
        total += w;
        if (t.known) have += t.wholeWord ? w : w / 2;
      }
      const missing = subject.filter((t) => !t.known || !t.wholeWord).map((t) => t.text);
      if (!subject.length) {
        // Only places and frame words ("南宁有什么政策"): nothing foreign was asked about.
        return { inScope: true, missing };
      }
      const coverage = have / total;
      const specific = subject.some((t) => t.known && (domain.has(t.text) || /\d/.test(t.text)) && t.df <= SPECIFIC_DF);
      if (coverage < (specific ? MIN_COVERAGE_SPECIFIC : MIN_COVERAGE)) return { inScope: false, reason: 'low-coverage', missing };
      return { inScope: true, missing };
    },
  };
}
