// The domain lexicon (data in corpus/lexicon): user dictionary, stop words, synonyms, department aliases.
import type { DepartmentLexicon } from '../corpus/departments.js';
import type { PlacesFile } from './places.js';

export interface Lexicon {
  userDict: string; // jieba user dictionary text: "word freq tag" per line
  stopWords: string[];
  synonyms: { groups: string[][] };
  departments: DepartmentLexicon;
  /** The gazetteer: provinces, cities, districts, counties, zones and foreign places (src/text/places.ts). */
  places: PlacesFile;
}

export interface ConceptMap {
  /** Concept name for a word (the first word of its synonym group), or the word itself. */
  concept(word: string): string;
  /** All words of a concept, for query expansion. */
  words(concept: string): string[];
}

export function createConceptMap(lex: Lexicon): ConceptMap {
  const toConcept = new Map<string, string>();
  const groups = new Map<string, string[]>();
  for (const g of lex.synonyms.groups) {
    groups.set(g[0], g);
    for (const w of g) if (!toConcept.has(w)) toConcept.set(w, g[0]);
  }
  return {
    concept: (w) => toConcept.get(w) ?? w,
    words: (c) => groups.get(c) ?? [c],
  };
}

/** A short, stable hash (FNV-1a, 32-bit hex) used for manifests and dictionary ids. */
export function hashText(...parts: string[]): string {
  let h = 0x811c9dc5;
  for (const part of parts) {
    for (let i = 0; i < part.length; i++) {
      h ^= part.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    h ^= 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The texts of corpus/lexicon's five files. */
export interface LexiconFiles {
  userDict: string;
  stopWords: string;
  synonyms: string;
  departments: string;
  places: string;
}

/** The lexicon from its files' texts; both entries use this, so the manifest's lexicon hash agrees in both. */
export function lexiconFromFiles(files: LexiconFiles): Lexicon {
  return {
    userDict: files.userDict,
    stopWords: files.stopWords.split('\n').map((s) => s.trim()).filter(Boolean),
    synonyms: JSON.parse(files.synonyms),
    departments: JSON.parse(files.departments),
    places: JSON.parse(files.places),
  };
}

const wordsCache = new WeakMap<Lexicon, string[]>();

/** The words of the jieba user dictionary (the domain terms), parsed once per lexicon. */
export function dictionaryWords(lex: Lexicon): string[] {
  let words = wordsCache.get(lex);
  if (!words) {
    words = [...new Set(lex.userDict.split('\n').map((l) => l.split(/\s+/)[0]).filter(Boolean))];
    wordsCache.set(lex, words);
  }
  return words;
}
