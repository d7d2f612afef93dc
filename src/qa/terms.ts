// Question terms: the content words that name what is asked about, each with a weight from corpus rarity.
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { createSubstringIndex } from '../index/substring-index.js';
import { dictionaryWords } from '../text/lexicon.js';
import { languageOf } from './language.js';

export interface Term {
  text: string;
  /** Other surface forms of the same concept (synonyms from the lexicon). */
  forms: string[];
  weight: number;
  /** Whether the term occurs anywhere in the corpus. */
  known: boolean;
  /** Whether the corpus has it as a word of its own, not only inside a longer word (材料 in 新材料). */
  wholeWord: boolean;
  /** A place of the corpus's own region: it says where, not what. */
  place: boolean;
  /**
   * Unknown and not a dictionary word: a segmentation by-product of HMM (名奖, 债能) or a stray latin word.
   * It weighs little in scope decisions, since a foreign subject (增值税, 高考) is a dictionary word.
   */
  noise: boolean;
  /** Clauses that contain the term (0 when unknown). */
  df: number;
}

export interface TermIndex {
  termsOf(question: string): Term[];
  /** Clause-level document frequency of a surface form. */
  df(form: string): number;
}

// Figures with their measure words are one term each (前3名, 10位以上, 3年), so HMM cannot glue them into
// by-products such as 年前 or 名奖.
// Grades (4A, 5A级) are one term too: the letter alone matches every grade.
const FIGURE_TERM = /(?:前|末|第|超)?(?:\d+(?:\.\d+)?|[一二三四五六七八九十百几两]+[几多余来]?)\s*(?:年|名|位|家|个|万元|万|亿元|%|倍)(?:以上|以内|以下)?|\d\s*[aA](?![a-zA-Z])/g;

export function createTermIndex(kb: KnowledgeBase): TermIndex {
  const lang = languageOf(kb.lexicon);
  const texts = kb.clauses.map((c) => `${c.title}${c.text}${c.deptNote}`);
  // Counted from bigram postings, not by scanning every clause: the cost follows the word's rarity, not the library.
  const clauseIndex = createSubstringIndex(texts);
  const docIndex = createSubstringIndex(kb.documents.map((d) => `${d.title}${d.preamble}`));
  const dfCache = new Map<string, number>();
  const df = (form: string) => {
    let n = dfCache.get(form);
    if (n === undefined) {
      n = clauseIndex.count(form);
      if (n === 0 && docIndex.count(form) > 0) n = 1;
      if (dfCache.size < 50_000) dfCache.set(form, n);
    }
    return n;
  };
  const n = texts.length;
  const vocabulary = new Set(kb.chunks.filter((c) => c.kind === 'clause').flatMap((c) => kb.tokenizer.cut(c.text)));
  for (const w of dictionaryWords(kb.lexicon)) vocabulary.add(w);
  for (const w of [...vocabulary]) vocabulary.add(w.toLowerCase());
  const regionPlaces = kb.regionPlaces;
  return {
    df,
    termsOf(question) {
      const seen = new Set<string>();
      const out: Term[] = [];
      for (const m of question.match(FIGURE_TERM) ?? []) {
        const t = m.replace(/\s+/g, '');
        if (seen.has(t)) continue;
        seen.add(t);
        const d = df(t);
        out.push({ text: t, forms: [t], known: d > 0, wholeWord: d > 0, place: false, noise: d === 0, df: d, weight: 1 + Math.log((n + 1) / Math.max(d, 1)) });
      }
      // Adjacent tokens the corpus lacks are one unknown phrase (专精 + 特心 → 专精特心): one foreign subject.
      const tokens: string[] = [];
      const parts = new Map<string, number>();
      let run = '';
      let runParts = 0;
      const raws = kb.tokenizer.cut(question.replace(FIGURE_TERM, '，'));
      const predicates = new Set<string>();
      for (const [i, raw] of raws.entries()) {
        const t = raw.toLowerCase();
        const skip = !t.trim() || kb.stopWords.has(t) || /^[\p{P}\p{S}\s]+$/u.test(t) || lang.generic.has(t) || lang.levelWord.test(t);
        const foreign = !skip && !regionPlaces.has(t) && !regionPlaces.has(kb.gazetteer.lookup(t)?.name ?? '') && /^[\u4e00-\u9fa5]{2,}$/.test(t) && df(t) === 0 && !kb.concepts.words(kb.concepts.concept(t)).some((f) => df(f) > 0);
        // 新批了、升格为、批下来: what happened to the subject, said in the asker's own words; never a subject.
        if (foreign && (lang.particles.has(raws[i + 1] ?? '') || lang.complement.test(t))) {
          predicates.add(t);
          if (run) tokens.push(run), parts.set(run, runParts);
          run = '';
          runParts = 0;
          tokens.push(t);
          continue;
        }
        if (foreign) {
          run += t;
          runParts++;
          continue;
        }
        if (run) tokens.push(run), parts.set(run, runParts);
        run = '';
        runParts = 0;
        if (!skip) tokens.push(t);
      }
      if (run) tokens.push(run), parts.set(run, runParts);
      for (const t of tokens) {
        if (seen.has(t)) continue;
        // Single han characters carry too little meaning (and typos land there); single latin letters are grades (A).
        if (/^[\u4e00-\u9fa5]$/.test(t) || (/^[a-z]$/.test(t) && t !== 'a')) continue;
        seen.add(t);
        const forms = [...new Set([t, ...kb.concepts.words(kb.concepts.concept(t))])].filter((f) => f.length > 1 || f === 'a');
        let d = Math.max(...forms.map((f) => df(f.toUpperCase() === 'A' ? 'A' : f)));
        // A compound of corpus words (职工宿舍 = 职工 + 宿舍) is partly known even when the corpus never joins them.
        let composed = false;
        if (d === 0 && /^[\u4e00-\u9fa5]{4,}$/.test(t)) {
          const halves = t.match(/../g)!;
          composed = halves.every((h) => clauseIndex.count(h) > 0 || docIndex.count(h) > 0);
        }
        // Unknown words are by definition the rarest: each weighs as much as a word found in one clause, and a
        // run of them (小规模纳税人增值税) as much as its words together.
        const weight = (1 + Math.log((n + 1) / Math.max(d, 1))) * (d === 0 ? (parts.get(t) ?? 1) : 1);
        const noise = predicates.has(t) || (d === 0 && !composed && (/^[a-z&\-.]+$/.test(t) || (kb.tokenizer.cut(t, false).length > 1 && t.length <= 2)));
        if (composed) d = 1;
        out.push({ text: t, forms, known: d > 0, wholeWord: !composed && forms.some((f) => vocabulary.has(f)), place: regionPlaces.has(t) || regionPlaces.has(kb.gazetteer.lookup(t)?.name ?? ''), noise, df: d, weight });
      }
      return out;
    },
  };
}

/** Whether a text contains a term in any of its forms. */
export const hasTerm = (text: string, term: Term) =>
  term.forms.some((f) => (f === 'a' ? /(^|[^a-zA-Z])A([^a-zA-Z]|$)/.test(text) : text.toLowerCase().includes(f)));
