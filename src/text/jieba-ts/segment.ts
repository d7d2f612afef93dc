// cppjieba's MixSegment (what nodejieba.cut(text, true) runs): split at separators, find the most probable
// path through the dictionary DAG, then hand every run of single characters that are not user words to the HMM.
import type { JiebaDictionary } from './dictionary.js';
import { hmmCut, type HmmModel } from './hmm.js';

const MIN_DOUBLE = -3.14e100;
const SEPARATORS = new Set([' ', '\t', '\n', '\uff0c', '\u3002']); // space, tab, newline, ，。

/** nodejieba passes UTF-8, where a lone surrogate becomes U+FFFD. */
const wellFormed = (s: string) => s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, '\ufffd');

/** The text as code points, with the UTF-16 offset where each starts (and the end). */
interface Runes {
  text: string;
  chars: string[];
  offsets: number[];
}

export function cut(dict: JiebaDictionary, model: HmmModel, input: string, hmm = true): string[] {
  const text = wellFormed(input);
  const chars = Array.from(text);
  const offsets = new Array<number>(chars.length + 1);
  for (let i = 0, o = 0; i <= chars.length; o += chars[i]?.length ?? 0, i++) offsets[i] = o;
  const runes: Runes = { text, chars, offsets };

  const words: string[] = [];
  const ranges: [number, number][] = [];
  const emit = (b: number, e: number) => {
    ranges.length = 0;
    if (hmm) mixCut(dict, model, runes, b, e, ranges);
    else mpCut(dict, runes, b, e, ranges);
    for (const [l, r] of ranges) words.push(text.slice(offsets[l], offsets[r]));
  };
  let begin = 0;
  for (let i = 0; i < chars.length; i++) {
    if (!SEPARATORS.has(chars[i])) continue;
    if (begin < i) emit(begin, i);
    emit(i, i + 1);
    begin = i + 1;
  }
  if (begin < chars.length) emit(begin, chars.length);
  return words;
}

/** Maximum-probability path over the DAG of dictionary words (ties keep the shorter word, as cppjieba does). */
function mpCut(dict: JiebaDictionary, runes: Runes, begin: number, end: number, out: [number, number][]): void {
  const { text, offsets } = runes;
  const n = end - begin;
  const route = new Float64Array(n + 1);
  const len = new Int32Array(n);
  for (let i = n - 1; i >= 0; i--) {
    const from = offsets[begin + i];
    const group = dict.group(text.charCodeAt(from));
    let best = MIN_DOUBLE;
    let bestLen = 1;
    // The single character first, then longer words in order: a tie keeps the earlier (shorter) one.
    for (let j = i; j < n; j++) {
      const to = offsets[begin + j + 1];
      let w: number | undefined;
      if (j === i) w = group?.words.get(text.slice(from, to)) ?? dict.minWeight;
      else if (!group || to - from > group.maxLength) break;
      else if ((w = group.words.get(text.slice(from, to))) === undefined) continue;
      const val = (j + 1 < n ? route[j + 1] : 0) + w;
      if (val > best) {
        best = val;
        bestLen = j - i + 1;
      }
    }
    route[i] = best;
    len[i] = bestLen;
  }
  for (let i = 0; i < n; i += len[i]) out.push([begin + i, begin + i + len[i]]);
}

function mixCut(dict: JiebaDictionary, model: HmmModel, runes: Runes, begin: number, end: number, out: [number, number][]): void {
  const mp: [number, number][] = [];
  mpCut(dict, runes, begin, end, mp);
  const single = (w: [number, number]) => w[1] - w[0] === 1 && !dict.isUserSingleWord(runes.chars[w[0]]);
  for (let i = 0; i < mp.length; i++) {
    if (!single(mp[i])) {
      out.push(mp[i]);
      continue;
    }
    let j = i;
    while (j < mp.length && single(mp[j])) j++;
    hmmCut(model, runes.chars, mp[i][0], mp[j - 1][1], out);
    i = j - 1;
  }
}
