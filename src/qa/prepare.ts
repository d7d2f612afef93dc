// Question text the engine matches: normalised (全角, 繁體, emoji), Chinese numerals as digits, English domain
// words replaced by their Chinese concept, and one-character typos of dictionary words corrected (孵化气 → 孵化器).
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { createSubstringIndex } from '../index/substring-index.js';
import { dictionaryWords } from '../text/lexicon.js';
import { chineseAmountsToDigits, normalizeQuestion } from '../text/normalize.js';

export function createPreparer(kb: KnowledgeBase): (question: string) => string {
  // Readings of Han characters: a one-character typo has the same reading (孵化气 → 孵化器; 教育扣 is not 教育厅),
  // and a place written in pinyin (Guangxi, Liuhe county) is that place.
  const readings = new Map<string, Set<string>>();
  for (const line of kb.lexicon.pinyin.split('\n')) {
    const [py, chars] = line.split(' ');
    if (!chars || py.startsWith('#')) continue;
    for (const ch of chars) (readings.get(ch) ?? readings.set(ch, new Set()).get(ch)!).add(py);
  }
  const english: [RegExp, string | ((m: string, suffix?: string) => string)][] = [];
  for (const g of kb.lexicon.synonyms.groups) {
    const head = g.find((w) => /[\u4e00-\u9fa5]/.test(w)) ?? g[0];
    for (const w of g) {
      if (!/^[a-z0-9&\- .]+$/i.test(w) || /^\d+$/.test(w)) continue;
      const esc = w.toLowerCase().replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
      english.push([new RegExp(`(?<![a-z])${esc}(?![a-z])`, 'g'), head]);
    }
  }
  for (const [re, zh] of placesInPinyin(kb, readings)) english.push([re, zh]);
  english.sort((a, b) => b[0].source.length - a[0].source.length);

  // Words long enough that one wrong character is still unambiguous.
  const dict = dictionaryWords(kb.lexicon).filter((w) => /^[\u4e00-\u9fa5]{2,}$/.test(w));
  const words = dict.filter((w) => w.length >= 3);
  const dictSet = new Set(dict);
  // Whether the corpus writes a string: from postings, so a long library costs no more per question than a short one.
  const index = createSubstringIndex(kb.clauses.map((c) => `${c.title}。${c.text}`));
  const inCorpus = (x: string) => index.has(x);
  // Candidate words by their first or second character: one substitution leaves one of the two intact.
  const opposite = new Set(kb.lexicon.language.opposites.flatMap((p) => [p, [...p].reverse().join('')]));
  const sameReading = (a: string, b: string) => [...(readings.get(a) ?? [])].some((p) => readings.get(b)?.has(p));
  const byChar = new Map<string, string[]>();
  for (const w of words) for (const key of [`0${w[0]}`, `1${w[1]}`]) byChar.set(key, [...(byChar.get(key) ?? []), w]);

  const fixTypos = (s: string) => {
    // Characters inside a correctly written dictionary word at least as long are never "corrected".
    const covered = new Array<number>(s.length).fill(0);
    for (const w of dict) {
      for (let i = s.indexOf(w); i !== -1; i = s.indexOf(w, i + 1)) for (let k = i; k < i + w.length; k++) covered[k] = Math.max(covered[k], w.length);
    }
    // A typo leaves a character pair the corpus never has; windows without one are left alone.
    const odd = Array.from({ length: s.length }, (_, i) => i + 1 < s.length && !inCorpus(s.slice(i, i + 2)));
    for (let i = 0; i + 3 <= s.length; i++) {
      if (!odd.slice(i, i + 12).some(Boolean)) continue;
      const candidates = new Set([...(byChar.get(`0${s[i]}`) ?? []), ...(byChar.get(`1${s[i + 1]}`) ?? [])]);
      for (const w of candidates) {
        const piece = s.slice(i, i + w.length);
        if (piece.length !== w.length || !/^[\u4e00-\u9fa5]+$/.test(piece) || inCorpus(piece)) continue;
        if (covered.slice(i, i + w.length).some((n) => n >= w.length)) continue;
        let diff = -1;
        for (let k = 0; k < w.length; k++) if (piece[k] !== w[k]) diff = diff === -1 ? k : -2;
        if (diff < 0 || opposite.has(piece[diff] + w[diff]) || !sameReading(piece[diff], w[diff])) continue;
        // The wrong character must not form a real corpus bigram with its neighbour (加速产业 is not 加速器).
        const pair = diff > 0 ? piece.slice(diff - 1, diff + 1) : piece.slice(0, 2);
        if (inCorpus(pair)) continue;
        // At an edge, the rest must not already be a word: 高新技术企业占比 is not 高新技术企业贷.
        const rest = diff === 0 ? piece.slice(1) : diff === w.length - 1 ? piece.slice(0, -1) : '';
        if (rest && (dictSet.has(rest) || inCorpus(rest + piece[diff]))) continue;
        s = s.slice(0, i) + w + s.slice(i + w.length);
        covered.fill(w.length, i, i + w.length);
        break;
      }
    }
    return s;
  };

  return (question) => {
    let s = chineseAmountsToDigits(normalizeQuestion(question));
    // A relayed question ("有个企业问：…", "管委会的人问：…") is about what follows the colon, not who asks.
    s = s.replace(/^[^:：?？。]{0,14}?(?:问|说|咨询|反映|来电)[^:：]{0,4}[:：]\s*/, '');
    for (const [re, head] of english) s = typeof head === 'string' ? s.replace(re, head) : s.replace(re, head as (m: string, suffix?: string) => string);
    return fixTypos(s);
  };
}

const SUFFIX: Record<string, string> = { province: '省', city: '市', county: '县', district: '区' };

/** Every place of the gazetteer as pinyin (guangzhou, liu he), with an optional English level word after it. */
function placesInPinyin(kb: KnowledgeBase, readings: Map<string, Set<string>>): [RegExp, (m: string, suffix?: string) => string][] {
  const out: [RegExp, (m: string, suffix?: string) => string][] = [];
  for (const name of kb.gazetteer.names()) {
    if (!/^[\u4e00-\u9fa5]{2,4}$/.test(name)) continue;
    let variants = [''];
    for (const ch of name) {
      const rs = [...(readings.get(ch) ?? [])].slice(0, 2);
      if (!rs.length) break;
      variants = variants.flatMap((v) => rs.map((r) => (v ? `${v} ?${r}` : r))).slice(0, 4);
    }
    if (!variants[0]) continue;
    const re = new RegExp(`(?<![a-z])(?:${variants.join('|')})(?: (province|city|county|district))?(?![a-z])`, 'g');
    out.push([re, (_m, suffix) => name + (suffix ? SUFFIX[suffix] : '')]);
  }
  return out;
}
