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
  /** The question language (attribute cues, levels, follow-ups, greetings); compiled by qa/language.ts. */
  language: LanguageFile;
  /** Han characters by reading ("qi 器气起…" per line), for the typo corrector. */
  pinyin: string;
}

/** corpus/lexicon/language.json as written; keyed by attribute and level names that qa/language.ts checks. */
export interface LanguageFile {
  attributes: Record<string, string[]>;
  /** Cues that count only when no attribute is cued (补助 alone asks an amount). */
  weakCues: Record<string, string[] | string>;
  /** Clause references (第十五条, （十五）, clause 15), each with the number as its first group. */
  clauseRefs: string[];
  /** What states an attribute a document may leave out: sentences that do, and headings that do for the whole document. */
  statedBy: { sentences: Record<string, string>; topics: Record<string, string> };
  /** Sanction words that name a subject (摘牌, 约谈): an ask of their own only when nothing else is asked. */
  sanctionNouns: string[];
  /** Verbs of granting: beside a target cue they make an amount question (到2025年给多少) rather than a target one. */
  grantVerbs: string;
  /** Words that ask how to do something; without them 找谁申请 is a lead question, not a procedure one. */
  procedureWords: string;
  /** Words that ask for the clause's own wording (原文): a text ask that no other ask absorbs. */
  verbatimWords: string;
  /** Words naming a department's role: 牵头 (lead) or 配合 (support). */
  roleWords: { lead: string; support: string };
  /** A question about what a department does (科技厅牵头哪些, 商务厅配合了几条): a lookup by department. */
  byDepartment: string;
  routing: { titleStop: string; national: string };
  calc: Record<'total' | 'countUnits' | 'rankChange' | 'rankTop' | 'rankRise' | 'rankDrop' | 'firstTime' | 'excess' | 'perMonth' | 'yearWords' | 'moneyBase', string> & { comment?: string };
  /** Character pairs of opposite meaning: a typo fix never swaps one for the other (靠前 is not a typo of 靠后). */
  opposites: string[];
  /** What marks an unfamiliar word as a predicate (新批了, 批下来) rather than a subject the corpus lacks. */
  predicateMarks: { particles: string[]; complements: string[] };
  yesNo: string[];
  sanctionFine: string[];
  levels: Record<string, string[]>;
  levelBarePrefixes: Record<string, string[]>;
  funderAfter: string;
  /** After a bare 自治区/省/市, a verb that makes it the subject's level (自治区认定的 → province). */
  levelVerbs: string;
  followup: { openers: string; tail: string; more: string; pronouns: string };
  greetings: string;
  generic: string;
  examples: string[];
  notStated: Record<string, string>;
  /** Words just before a word that exclude it from a figure (不含物业管理费, 不包括). */
  exclusionWords: string;
  /** The benefit finder's words: how clauses write bars and stacking, how profiles say what happened (src/match/). */
  match: MatchLanguageFile;
}

/** language.json's "match" section; each value is a regex source. */
export interface MatchLanguageFile {
  comment?: string;
  atLeastAfter: string;
  atMostAfter: string;
  rankTopBefore: string;
  rankRiseBefore: string;
  rankDropBefore: string;
  rankBottomBefore: string;
  stacking: string;
  wholeDocument: string;
  listSeparator: string;
  qualifierOnly: string;
  /** A figure that counts conditions, not a bar (符合以下3个条件之一). */
  notBar: string;
  /** Words of a rule that name nobody (符合条件的贷款: 符合条件). */
  vague: string;
  /** A subject that is only the grant's verb and bound (可申请最高不超过). */
  verbOnly: string;
  /** A subject that says when, not who (在实际发生贷款利息的年度). */
  temporal: string;
  /** A word that makes a piece of a profile a question (吗, 多少, 是不是). */
  question: string;
  /** A grade letter (考核评价为A), the letter as the first group. */
  letterGrade: string;
  /** After a word, that it has not happened yet (还没批下来, 尚未通过). */
  pendingAfter: string;
  /** How profiles say an event happened, by the word the rule uses (评定: 评上, 评为). */
  eventAliases: Record<string, string[]>;
  /** A profile's words that an event is new (刚, 今年), or first (第一次), or long past (好几年了). */
  recent: string;
  notRecent: string;
  /** A subject that asks for a new event (新认定) or a first one (首次进入). */
  requiresRecent: string;
  requiresFirst: string;
  /** A subject that only points at conditions stated elsewhere (符合条件的贷款): whether they are met is asked. */
  vagueWho: string;
  /** Pairs that exclude each other (城镇 / 农村): a grant for one is not for a profile that says the other. */
  opposites: [string, string][];
  /** How many consecutive years a bar must hold (连续3年). */
  consecutive: string;
  first: string;
  notFirst: string;
  /** Words that deny what follows them (没有, 不是). */
  negation: string;
  /** A denial as rules write it before a word (不裁员, 非独生子女). */
  ruleNegation: string;
  /** Sentence breaks inside a profile beyond punctuation (另外, 二是). */
  statementBreak: string;
  /** A profile's rank this year and last (今年全国排第33，去年第38), and a list of ranks (第2、第1、第3). */
  rankNow: string;
  rankBefore: string;
  /** Words that make a statement about a rank (排名, 第3名); only there do rankNow/rankBefore read ranks. */
  rankWords: string;
  /** Unit spellings a profile may use for a clause's unit (平米 for 平方米, 晚 for 夜). */
  unitAliases: Record<string, string[]>;
  /** Words before a bar's figure that belong to the bar (提升, 前, 达到). */
  barBefore: string;
  /** A grade (4A级, 四星级), its digit as the first group. */
  grade: string;
  /** What happens to a subject (获批, 认定, 备案, 进入): a word a profile must state for the award to apply. */
  events: string;
  /** A list's closing category (…等研发机构). */
  listTail: string;
  /** An award per unit written before it (每块奖励1万元), the unit as the first group. */
  perUnit: string;
  /** A question that describes the asker (我们是, 我司). */
  self: string;
  /** A turn that adds to the description a conversation holds (我们还…, 另外…). */
  refine: string;
  /** Units that are the applicant itself (每家, 每户). */
  perRecipient: string;
  /** A stacking sentence that allows combining (可叠加, 可同时享受), written not to match its denial. */
  stackingAllowed: string;
  /** Words of a profile asking for everything it qualifies for (能拿哪些, 都能领什么). */
  ask: string;
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

/** The texts of corpus/lexicon's seven files. */
export interface LexiconFiles {
  userDict: string;
  stopWords: string;
  synonyms: string;
  departments: string;
  places: string;
  language: string;
  pinyin: string;
}

/** The lexicon from its files' texts; both entries use this, so the manifest's lexicon hash agrees in both. */
export function lexiconFromFiles(files: LexiconFiles): Lexicon {
  return {
    userDict: files.userDict,
    stopWords: files.stopWords.split('\n').map((s) => s.trim()).filter(Boolean),
    synonyms: JSON.parse(files.synonyms),
    departments: JSON.parse(files.departments),
    places: JSON.parse(files.places),
    language: JSON.parse(files.language),
    pinyin: files.pinyin,
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
