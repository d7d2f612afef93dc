// The benefit finder's words (language.json "match"), compiled once per lexicon.
import { compileRuleWords, type RuleWords } from '../corpus/eligibility.js';
import type { Lexicon } from '../text/lexicon.js';
import { languageOf } from '../qa/language.js';

export interface MatchWords {
  rules: RuleWords;
  recent: RegExp;
  notRecent: RegExp;
  /** Both, global: where each is said. */
  recentAll: RegExp;
  notRecentAll: RegExp;
  /** A subject whose event must be new (新认定, 新评定为) or first (首次进入). */
  requiresRecent: RegExp;
  requiresFirst: RegExp;
  /** A subject that only points at conditions stated elsewhere (符合条件的贷款). */
  vagueWho: RegExp;
  opposites: [string, string][];
  first: RegExp;
  notFirst: RegExp;
  /** A denial just before a word: 没有, 不是 (the word is not what the profile says it is). */
  negation: RegExp;
  /** A denial and the words it denies (没做国家备案 → 国家备案), global. */
  denied: RegExp;
  /** A denial as rules write it, just before the word (不裁员, 非独生子女). */
  ruleNegation: RegExp;
  statementBreak: RegExp;
  rankNow: RegExp;
  rankWords: RegExp;
  rankBefore: RegExp;
  rankChange: RegExp;
  /** Consecutive years a rank must hold (连续3年). */
  consecutive: RegExp;
  step: RegExp;
  unitAliases: Record<string, string[]>;
  ask: RegExp;
  /** Words before a bar's figure that are part of the bar (提升, 前, 达到). */
  barBefore: RegExp;
  /** A grade a rule is for (4A, 4星级); its first group is the digit. */
  grade: RegExp;
  /** The same, global, for every grade a profile names. */
  grades: RegExp;
  /** What happened to a subject (获批, 认定, 进入): a profile must state it. */
  events: RegExp;
  /** A term that is one of the events, whole; and every event in a text. */
  eventWord: RegExp;
  eventsAll: RegExp;
  /** A list's closing category (等研发机构). */
  listTail: RegExp;
  perUnit: RegExp;
  /** A question that describes the asker (我们是, 我司). */
  self: RegExp;
  /** A turn that adds to the description the conversation holds (我们还…, 另外…). */
  refine: RegExp;
  /** Units that are the applicant itself (每家): money per one of them is the applicant's. */
  perRecipient: RegExp;
  /** A stacking sentence that allows combining (可叠加), not one that forbids it (不得同时享受). */
  stackingAllowed: RegExp;
  eventAliases: Record<string, string[]>;
  vague: RegExp;
  /** A subject that says when, not who (在…的年度). */
  temporal: RegExp;
  /** A word that makes a piece a question (吗, 多少, 是不是). */
  question: RegExp;
  /** A grade letter a rule asks for (考核评价为A), the letter as the first group. */
  letterGrade: RegExp;
  /** The same, global. */
  letterGrades: RegExp;
  /** After a word: it has not happened yet (国家备案还没批下来, 补助条件还没核). */
  pendingAfter: RegExp;
  /** 超过X的部分 (the part above a floor), the floor as the first group. */
  excess: RegExp;
}

const cache = new WeakMap<Lexicon, MatchWords>();

export function matchWordsOf(lex: Lexicon): MatchWords {
  let w = cache.get(lex);
  if (!w) {
    const f = lex.language.match;
    const lang = languageOf(lex);
    w = {
      rules: compileRuleWords(f),
      recent: new RegExp(f.recent),
      notRecent: new RegExp(f.notRecent),
      recentAll: new RegExp(f.recent, 'g'),
      notRecentAll: new RegExp(f.notRecent, 'g'),
      requiresRecent: new RegExp(f.requiresRecent),
      requiresFirst: new RegExp(f.requiresFirst),
      vagueWho: new RegExp(f.vagueWho),
      opposites: f.opposites ?? [],
      first: new RegExp(f.first),
      notFirst: new RegExp(f.notFirst),
      negation: new RegExp(`(?:${f.negation})$`),
      denied: new RegExp(`(?:${f.negation})[做过在有被是的]*([\\u4e00-\\u9fa5]{2,8})`, 'g'),
      ruleNegation: new RegExp(`(?:${f.ruleNegation})$`),
      statementBreak: new RegExp(`(?:${f.statementBreak})`),
      rankNow: new RegExp(f.rankNow),
      rankWords: new RegExp(f.rankWords),
      rankBefore: new RegExp(f.rankBefore),
      rankChange: lang.calc.rankChange,
      consecutive: new RegExp(f.consecutive),
      step: lang.calc.step,
      unitAliases: f.unitAliases,
      ask: new RegExp(f.ask),
      barBefore: new RegExp(f.barBefore),
      grade: new RegExp(f.grade),
      grades: new RegExp(f.grade, 'g'),
      events: new RegExp(f.events),
      eventWord: new RegExp(`^(?:${f.events})$`),
      eventsAll: new RegExp(f.events, 'g'),
      listTail: new RegExp(`(?:${f.listTail})$`),
      perUnit: new RegExp(`(?:${f.perUnit})$`),
      self: new RegExp(f.self),
      refine: new RegExp(`^(?:${f.refine})`),
      perRecipient: new RegExp(`^(?:${f.perRecipient})$`),
      stackingAllowed: new RegExp(f.stackingAllowed),
      eventAliases: f.eventAliases,
      vague: new RegExp(`^(?:${f.vague})$`),
      temporal: new RegExp(f.temporal),
      question: new RegExp(f.question),
      letterGrade: new RegExp(f.letterGrade),
      letterGrades: new RegExp(f.letterGrade, 'g'),
      pendingAfter: new RegExp(`^(?:${f.pendingAfter})`),
      excess: lang.calc.excess,
    };
    cache.set(lex, w);
  }
  return w;
}
