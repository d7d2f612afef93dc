// The word dictionary as cppjieba's DictTrie builds it: main dictionary weights are log(freq / sum of main
// frequencies), user words with a frequency are weighed against the same sum (not added to it), a later entry
// replaces an earlier one, and single-character user words are remembered (the HMM never splits them off).
// Words are grouped by their first UTF-16 unit (~12,000 groups) and a group is parsed on first use, so a cold
// Worker pays only for the characters it meets, not for all 349,000 words.
import { exactLog } from './exact-log.js';

/** The words that start with one character, and the longest of them (UTF-16 units). */
export interface WordGroup {
  words: ReadonlyMap<string, number>;
  maxLength: number;
}

export interface JiebaDictionary {
  /** Words whose first UTF-16 unit is `unit`, or undefined when there are none. */
  group(unit: number): WordGroup | undefined;
  /** Weight of a character that is no word (the lowest main-dictionary weight). */
  readonly minWeight: number;
  isUserSingleWord(char: string): boolean;
}

interface Pending {
  /** Offsets of main-dictionary lines, in file order. */
  lines: number[];
  /** User entries (word, weight), in file order: they replace main entries. */
  user: [string, number][];
}

/**
 * @param main cppjieba's jieba.dict.utf8: "word freq tag" (or "word freq") per line.
 * @param user the user dictionary: "word", "word tag" or "word freq tag" per line.
 */
export function createDictionary(main: string, user: string): JiebaDictionary {
  const pending = new Map<number, Pending>();
  const pendingOf = (unit: number) => {
    let p = pending.get(unit);
    if (!p) pending.set(unit, (p = { lines: [], user: [] }));
    return p;
  };
  const freqs: number[] = [];
  let sum = 0;
  let minFreq = Infinity;
  const lineEnd = (from: number) => {
    const i = main.indexOf('\n', from);
    return i === -1 ? main.length : i;
  };
  for (let start = 0; start < main.length; ) {
    const end = lineEnd(start);
    if (end > start) {
      const freq = lineFreq(main, start, end);
      if (!(freq > 0)) throw new Error(`bad main dictionary line: ${JSON.stringify(main.slice(start, end))}`);
      sum += freq; // integers below 2^53: exact in any order
      if (freq < minFreq) minFreq = freq;
      freqs.push(freq);
      pendingOf(main.charCodeAt(start)).lines.push(start);
    }
    start = end + 1;
  }

  // Weights depend only on the frequency; a dictionary has a few thousand distinct ones.
  const byFreq = new Map<number, number>();
  const weightOf = (freq: number) => {
    let w = byFreq.get(freq);
    if (w === undefined) byFreq.set(freq, (w = exactLog(freq / sum)));
    return w;
  };
  // A user word without a frequency gets the median main weight (cppjieba's default option).
  let median: number | undefined;
  const medianWeight = () => (median ??= weightOf([...freqs].sort((a, b) => a - b)[freqs.length >> 1]));

  const userSingles = new Set<string>();
  for (const line of user.split('\n')) {
    if (!line) continue;
    const parts = splitLikeLimonp(line);
    // Lines of more than three fields leave cppjieba's entry empty: such a word is never inserted.
    if (parts.length > 3 || !parts[0]) continue;
    const word = parts[0];
    pendingOf(word.charCodeAt(0)).user.push([word, parts.length === 3 ? exactLog(atoi(parts[1]) / sum) : medianWeight()]);
    if ([...word].length === 1) userSingles.add(word);
  }

  const groups = new Map<number, WordGroup>();
  const group = (unit: number): WordGroup | undefined => {
    let g = groups.get(unit);
    if (g) return g;
    const p = pending.get(unit);
    if (!p) return undefined;
    const words = new Map<string, number>();
    let maxLength = 1;
    for (const start of p.lines) {
      const sp = main.indexOf(' ', start);
      words.set(main.slice(start, sp), weightOf(lineFreq(main, start, lineEnd(sp))));
      if (sp - start > maxLength) maxLength = sp - start;
    }
    for (const [word, weight] of p.user) {
      words.set(word, weight);
      if (word.length > maxLength) maxLength = word.length;
    }
    groups.set(unit, (g = { words, maxLength }));
    pending.delete(unit);
    return g;
  };

  return {
    group,
    minWeight: exactLog(minFreq / sum),
    isUserSingleWord: (c) => userSingles.has(c),
  };
}

/** The frequency field of "word freq[ tag]" between start and end (atof of the second field). */
function lineFreq(text: string, start: number, end: number): number {
  const sp = text.indexOf(' ', start);
  if (sp === -1 || sp >= end) return NaN;
  let f = 0;
  let k = sp + 1;
  for (; k < end; k++) {
    const c = text.charCodeAt(k);
    if (c < 48 || c > 57) break;
    f = f * 10 + (c - 48);
  }
  // Digits only (every line of jieba.dict.utf8) is the fast path; anything else goes through parseFloat, like atof.
  if (k === end || text.charCodeAt(k) === 32) return k > sp + 1 ? f : NaN;
  return parseFloat(text.slice(sp + 1, end));
}

/** limonp::Split on " ": consecutive spaces give empty fields, a trailing space gives none. */
function splitLikeLimonp(s: string): string[] {
  const out: string[] = [];
  let start = 0;
  while (start < s.length) {
    const end = s.indexOf(' ', start);
    if (end === -1) {
      out.push(s.slice(start));
      break;
    }
    out.push(s.slice(start, end));
    start = end + 1;
  }
  return out;
}

/** C's atoi: optional whitespace and sign, then leading digits; 0 when there are none. */
function atoi(s: string): number {
  const m = /^\s*([+-]?\d+)/.exec(s);
  return m ? parseInt(m[1], 10) : 0;
}
