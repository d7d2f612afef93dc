// The benefit finder's eval as a test: profiles written from the policy texts, over the seed and the real documents.
// Gated on the development set at what the matcher reaches (the issue notes give before/after); no tempting item may
// be shown as eligible. The held-out set is never tuned to: it only has to run with every computation checking out.
import { describe, expect, it } from 'vitest';
import { matchProfile } from '../src/match/match.js';
import { checkComputation } from '../src/qa/arith.js';
import { libraryKnowledgeBase, wideLibraryKnowledgeBase } from './library/kb.js';
import { loadProfiles, scoreProfile, summarise, type ProfileScore } from './profiles.js';

const kb = await libraryKnowledgeBase();
// The blind set over the second real documents is matched in the library that holds them too (15 documents).
const wide = await wideLibraryKnowledgeBase();
const run = (split: 'dev' | 'fresh' | 'holdout' | 'docs2') => {
  const lib = split === 'docs2' ? wide : kb;
  return loadProfiles(split).map((c) => ({ c, r: matchProfile(lib, c.profile), s: undefined as ProfileScore | undefined, lib })).map((x) => ({ ...x, s: scoreProfile(lib, x.c, x.r) }));
};
const why = (rows: ReturnType<typeof run>) => rows.filter((x) => x.s.fp || x.s.fn || x.s.violations).map((x) => `${x.c.id}: shown ${x.s.shown.join(' | ')}; missed ${x.s.missed.join(' | ')}; wrong ${x.s.wrong.join(' | ')}`).join('\n');

describe('benefit finder eval', () => {
  const dev = run('dev');
  // Written later by a helper who saw only the policy texts, measured before the matcher was tuned on it (issue note).
  const fresh = run('fresh');
  const holdout = run('holdout');
  // Written blind by a helper from the six documents of realdocs-2, which no other profile set covers (issue 16 note).
  const docs2 = run('docs2');
  const sDev = summarise(dev.map((x) => x.s));
  const sFresh = summarise(fresh.map((x) => x.s));
  const sHold = summarise(holdout.map((x) => x.s));
  const sDocs2 = summarise(docs2.map((x) => x.s));
  const line = (name: string, x: ReturnType<typeof summarise>) => `${name}: precision ${(x.precision * 100).toFixed(1)}%, recall ${(x.recall * 100).toFixed(1)}%, violations ${x.violations}`;
  console.log(`profiles ${line('dev', sDev)}; ${line('fresh', sFresh)}; ${line('holdout', sHold)}; ${line('docs2', sDocs2)}`);

  it('has at least 40 profiles over the seed and the real documents', () => {
    expect(dev.length + fresh.length + holdout.length).toBeGreaterThanOrEqual(40);
    expect(new Set(dev.map((x) => x.c.doc)).size).toBeGreaterThanOrEqual(5);
  });
  it('development set: precision ≥ 95%, recall ≥ 68%, no tempting item shown as eligible', () => {
    expect(sDev.precision, why(dev)).toBeGreaterThanOrEqual(0.95);
    expect(sDev.recall, why(dev)).toBeGreaterThanOrEqual(0.68);
    expect(sDev.violations, why(dev)).toBe(0);
  });
  it('second development set: precision ≥ 78%, recall ≥ 55%, no tempting item shown as eligible', () => {
    expect(sFresh.precision, why(fresh)).toBeGreaterThanOrEqual(0.78);
    expect(sFresh.recall, why(fresh)).toBeGreaterThanOrEqual(0.55);
    expect(sFresh.violations, why(fresh)).toBe(0);
  });
  it('documents no profile set covers (realdocs-2, blind): scores and violations not worse than their last measure', () => {
    expect(docs2.length).toBeGreaterThanOrEqual(30);
    // One known: 市财政供养的特困人员 (2094.4元) is offered to a 番禺 rural one, whose profile never says 市财政供养;
    // a 的-modifier the profile does not state is not yet judged as a condition (issue 16 note).
    expect(sDocs2.violations, why(docs2)).toBeLessThanOrEqual(1);
    expect(sDocs2.precision, why(docs2)).toBeGreaterThanOrEqual(0.4);
    expect(sDocs2.recall, why(docs2)).toBeGreaterThanOrEqual(0.38);
  });
  it('cites every item and shows only computations that check out (every set)', () => {
    for (const { r, lib } of [...dev, ...fresh, ...holdout, ...docs2]) {
      for (const i of r.items) {
        expect(lib.clause(i.docId, i.number)?.cite).toBe(i.clause);
        if (i.computed) expect(checkComputation(i.computed, i.quote, r.profile.text), i.computation).toBe(true);
        else expect(i.quote).toContain(i.display);
      }
    }
  });
});
