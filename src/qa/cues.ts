// Reading a question's clause reference and level with the lexicon's question language (corpus/lexicon/language.json).
import type { Level } from '../corpus/types.js';
import { chineseToInt } from '../text/numerals.js';
import { levelsIn, type Language } from './language.js';

export type { Level } from '../corpus/types.js';

/** 第十五条 / 第15条 / (十五) / （十五） / 十五条 / clause 15 → 15. */
export function clauseRefOf(lang: Language, q: string): number | undefined {
  for (const re of lang.clauseRefs) {
    const m = q.match(re);
    if (!m) continue;
    const n = /^\d+$/.test(m[1]) ? Number(m[1]) : chineseToInt(m[1]);
    return n && n > 0 && n < 100 ? n : undefined;
  }
  return undefined;
}

/**
 * The one level a question asks about. "自治区能给多少" names the funder, not a level (bare 自治区 counts only
 * before a subject); a question naming two levels has none (the planner gives each its own ask).
 */
export function levelOf(lang: Language, q: string): Level | undefined {
  const levels = levelsIn(lang, q);
  return levels.length === 1 ? levels[0] : undefined;
}
