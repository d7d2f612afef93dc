// The question language (corpus/lexicon/language.json) compiled once per knowledge base: attribute cues, levels,
// follow-up openers, generic words, greetings, examples. Engine code asks these; it holds no cue words itself.
import type { Level } from '../corpus/types.js';
import { dictionaryWords, type LanguageFile, type Lexicon } from '../text/lexicon.js';
import { createError } from '../errors.js';

/** What a question can ask of a clause or a document. */
export const ATTRIBUTES = [
  'amount', 'cap', 'ratio', 'lead', 'support', 'departments', 'text', 'condition', 'sanction', 'target',
  'procedure', 'deadline', 'materials', 'contact', 'portal', 'source', 'usage', 'payment', 'validity', 'docinfo', 'overview', 'search',
] as const;
export type Attribute = (typeof ATTRIBUTES)[number];


export interface Language {
  /** Each attribute's cue, global (for positions). */
  cue: Record<Attribute, RegExp>;
  /** Cues that count only when no attribute is cued. */
  weak: Partial<Record<Attribute, RegExp>>;
  clauseRefs: RegExp[];
  /** Sentences that state an attribute, and headings that state it document-wide. */
  states: Partial<Record<Attribute, RegExp>>;
  statedTopics: Partial<Record<Attribute, RegExp>>;
  /** A token that is nothing but a level word (国家级, 自治区). */
  levelWord: RegExp;
  yesNo: RegExp;
  fine: RegExp;
  sanctionNoun: RegExp;
  grantVerb: RegExp;
  procedureWord: RegExp;
  verbatim: RegExp;
  role: { lead: RegExp; support: RegExp };
  byDepartment: RegExp;
  titleStop: RegExp;
  calc: Record<'total' | 'countUnits' | 'rankChange' | 'rankTop' | 'rankRise' | 'rankDrop' | 'firstTime' | 'excess' | 'perMonth' | 'yearWords' | 'moneyBase' | 'step', RegExp>;
  nationalWords: RegExp;
  particles: ReadonlySet<string>;
  complement: RegExp;
  levels: [Level, RegExp][];
  /** Bare 自治区/省/市 count as a level only before a subject, not before a funder's verb (自治区能给多少). */
  bareLevels: [Level, RegExp][];
  levelVerb: RegExp;
  /** Domain terms (the jieba user dictionary): a bare 自治区 before one of them is its level (自治区重点实验室). */
  subjectWords: string[];
  opener: RegExp;
  tail: RegExp;
  more: RegExp;
  pronoun: RegExp;
  greeting: RegExp;
  generic: ReadonlySet<string>;
  examples: string[];
  notStated: Partial<Record<Attribute, string>>;
  /** Words just before a word that exclude it from a figure (不含物业管理费). */
  exclusion: RegExp;
}

const any = (patterns: string[], flags = 'i') => new RegExp(patterns.map((p) => `(?:${p})`).join('|'), flags);

const LEVELS: readonly Level[] = ['national', 'province', 'city', 'district', 'county'];
const compiled = new WeakMap<Lexicon, Language>();

/** The lexicon's question language, compiled once. */
export function languageOf(lex: Lexicon): Language {
  let lang = compiled.get(lex);
  if (!lang) {
    lang = compileLanguage(lex.language, dictionaryWords(lex).filter((w) => w.length >= 2 && /^[\u4e00-\u9fa5]+$/.test(w)));
    compiled.set(lex, lang);
  }
  return lang;
}

/** Compiles language.json; a key that names no attribute or level is a typo in the data, so it is refused. */
export function compileLanguage(f: LanguageFile, subjectWords: string[] = []): Language {
  const weakKeys = Object.keys(f.weakCues).filter((k) => k !== 'comment');
  for (const k of [...Object.keys(f.attributes), ...Object.keys(f.notStated), ...weakKeys, ...Object.keys(f.statedBy.sentences), ...Object.keys(f.statedBy.topics)])
    if (!(ATTRIBUTES as readonly string[]).includes(k)) throw createError('LEXICON_INVALID', `language.json: unknown attribute ${k}`);
  for (const k of [...Object.keys(f.levels), ...Object.keys(f.levelBarePrefixes)])
    if (!(LEVELS as readonly string[]).includes(k)) throw createError('LEXICON_INVALID', `language.json: unknown level ${k}`);
  // A lookup by department (科技厅负责的是哪些) asks a department question too.
  const patterns = (a: Attribute) => [...(f.attributes[a] ?? []), ...(a === 'sanction' ? f.sanctionNouns : []), ...(a === 'lead' ? [f.byDepartment] : [])];
  const cue = Object.fromEntries(ATTRIBUTES.map((a) => [a, any(patterns(a).length ? patterns(a) : ['(?!)'], 'gi')])) as Record<Attribute, RegExp>;
  const weak = Object.fromEntries(weakKeys.map((k) => [k, any(f.weakCues[k] as string[], 'gi')])) as Partial<Record<Attribute, RegExp>>;
  const levelPatterns = [...Object.values(f.levels).flat(), ...Object.values(f.levelBarePrefixes).flat()];
  return {
    cue,
    weak,
    clauseRefs: f.clauseRefs.map((p) => new RegExp(p, 'i')),
    states: Object.fromEntries(Object.entries(f.statedBy.sentences).map(([k, v]) => [k, new RegExp(v, 'i')])) as Partial<Record<Attribute, RegExp>>,
    statedTopics: Object.fromEntries(Object.entries(f.statedBy.topics).map(([k, v]) => [k, new RegExp(v)])) as Partial<Record<Attribute, RegExp>>,
    levelWord: new RegExp(`^(?:${levelPatterns.join('|')})$`, 'i'),
    yesNo: any(f.yesNo),
    fine: any(f.sanctionFine),
    sanctionNoun: new RegExp(`^(?:${f.sanctionNouns.join('|')})$`, 'i'),
    grantVerb: new RegExp(f.grantVerbs),
    procedureWord: new RegExp(f.procedureWords),
    verbatim: new RegExp(f.verbatimWords),
    role: { lead: new RegExp(f.roleWords.lead), support: new RegExp(f.roleWords.support) },
    byDepartment: new RegExp(f.byDepartment),
    titleStop: new RegExp(`^(?:${f.routing.titleStop})$`),
    calc: Object.fromEntries(Object.entries(f.calc).filter(([k]) => k !== 'comment').map(([k, v]) => [k, new RegExp(v as string)])) as Language['calc'],
    nationalWords: new RegExp(f.routing.national),
    particles: new Set(f.predicateMarks.particles),
    complement: new RegExp(`.(?:${f.predicateMarks.complements.join('|')})$`),
    levels: (Object.entries(f.levels) as [Level, string[]][]).map(([l, ps]) => [l, any(ps)]),
    bareLevels: (Object.entries(f.levelBarePrefixes) as [Level, string[]][]).map(([l, ps]) => [l, new RegExp(`(?:${ps.join('|')})(?!级|内|外|${f.funderAfter})(?=[\\u4e00-\\u9fa5])`)]),
    levelVerb: new RegExp(`^(?:${f.levelVerbs})`),
    subjectWords,
    opener: new RegExp(f.followup.openers),
    tail: new RegExp(f.followup.tail),
    more: new RegExp(f.followup.more),
    pronoun: new RegExp(f.followup.pronouns),
    greeting: new RegExp(f.greetings, 'i'),
    generic: new Set(f.generic.split(/\s+/).filter(Boolean)),
    examples: f.examples,
    notStated: f.notStated as Partial<Record<Attribute, string>>,
    exclusion: new RegExp(`(?:${f.exclusionWords})$`),
  };
}

/** Where each attribute is cued in a text: [attribute, index, cue text], in order; weak cues only when asked. */
export function cuesIn(lang: Language, text: string, weak = false): { attribute: Attribute; index: number; text: string }[] {
  const out: { attribute: Attribute; index: number; text: string }[] = [];
  for (const a of ATTRIBUTES) {
    const re = weak ? lang.weak[a] : lang.cue[a];
    if (!re) continue;
    re.lastIndex = 0;
    for (const m of text.matchAll(re)) if (m[0]) out.push({ attribute: a, index: m.index!, text: m[0] });
  }
  return out.sort((x, y) => x.index - y.index || y.text.length - x.text.length);
}

/** The levels a question names (国家级 / 自治区级 / 市级 …), in the order written. */
export function levelsIn(lang: Language, text: string): Level[] {
  return [...new Set(levelMentions(lang, text).map((f) => f.level))];
}

/** Every level a text names, where it names it, in order. */
export function levelMentions(lang: Language, text: string): { level: Level; at: number; length: number }[] {
  const found: { level: Level; at: number; length: number }[] = [];
  for (const [level, re] of lang.levels) {
    const g = new RegExp(re.source, 'gi');
    for (const m of text.matchAll(g)) found.push({ level, at: m.index!, length: m[0].length });
  }
  // A bare 自治区/省/市 is a level only before a domain term or a verb of recognition (自治区重点实验室, 自治区认定的);
  // before anything else it names who pays (自治区按什么比例配套).
  for (const [level, re] of lang.bareLevels) {
    const g = new RegExp(re.source, 'g');
    for (const m of text.matchAll(g)) {
      const after = text.slice(m.index! + m[0].length).replace(/^的/, '');
      const subject = lang.levelVerb.test(after) || lang.subjectWords.some((w) => after.startsWith(w));
      if (subject && !found.some((f) => Math.abs(f.at - m.index!) < 3)) found.push({ level, at: m.index!, length: m[0].length });
    }
  }
  return found.sort((a, b) => a.at - b.at);
}
