// The benefit finder (政策计算器): a profile against every award's eligibility rule. For each award, cap and ratio of
// the documents that cover the profile's place, the matcher finds the profile statement that best covers who the
// rule is for, then checks what the rule asks: the level, a new or first event, the bars (figures, ranks), and
// denials (没有国家备案). Every condition met → eligible; a condition the profile does not state → needs-info, with
// the question that settles it; a condition contradicted → not-eligible, with the reason. Amounts are the fact's
// own, or computed from the profile's figures and checked (src/qa/arith.ts).
import type { AmountFact, Level, PolicyDocument } from '../corpus/types.js';
import type { Place } from '../text/places.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { Computation } from '../qa/arith.js';
import { languageOf, levelMentions, type Language } from '../qa/language.js';
import { createRouter, type Router } from '../qa/route.js';
import { createTermIndex, hasTerm, type Term, type TermIndex } from '../qa/terms.js';
import { computeAmount, numberIn } from './compute.js';
import { readProfile, type Profile } from './profile.js';
import { matchWordsOf, type MatchWords } from './words.js';

export type MatchStatus = 'eligible' | 'needs-info' | 'not-eligible';

export interface MatchItem {
  status: MatchStatus;
  docId: string;
  docTitle: string;
  /** The clause as the document labels it (（十四）, 第十九条, 12.). */
  clause: string;
  number: number;
  /** Who the award is for, as the text writes it. */
  subject: string;
  /** The amount: the fact's figure as written, or the figure computed from the profile's own numbers. */
  amount: string;
  /** The fact's figure as written (1:1, 5元/人/夜, 最高不超过1000万元 is 1000万元). */
  display: string;
  role: AmountFact['role'];
  /** 最高 when the figure is a cap. */
  upTo: boolean;
  /** The sentence the figure is in, verbatim (the citation's quote). */
  quote: string;
  factId: string;
  /** The computation shown when the amount is computed from the profile's figures. */
  computation?: string;
  computed?: Computation;
  /** Conditions the profile meets, as the text writes them. */
  met: string[];
  /** For needs-info: what to ask. */
  missing?: string;
  /** For not-eligible: why. */
  reason?: string;
  lead: string[];
  support: string[];
  /** Yuan, for sorting and totals (undefined for ratios and percentages not computed). */
  yuan?: number;
  /** How much of who the award is for the profile states (0–1, by word rarity). */
  coverage: number;
}

export interface MatchResult {
  items: MatchItem[];
  /** The sum of eligible items with a definite money amount, when there are two or more and the text does not forbid it. */
  total?: { amount: string; yuan: number; items: number; upTo: boolean };
  /** What the documents say about combining the items, per document (verbatim), or that they do not say. */
  stacking: { docId: string; stated: boolean; note: string }[];
  /** The one question whose answer would change the list most (the largest needs-info item's). */
  ask?: string;
  /** Documents considered (those covering the profile's place). */
  documents: string[];
  profile: { text: string; places: string[]; level?: Level };
}

export interface MatchOptions {
  docIds?: string[];
  /** List not-eligible items too (the tempting ones, with reasons). */
  includeNotEligible?: boolean;
}

interface Matcher {
  terms: TermIndex;
  router: Router;
  lang: Language;
  words: MatchWords;
  grants: AmountFact[];
  ruleTerms: Map<string, RuleTerms>;
  /** Grants of each sentence, by docId|sentence (tiers and caps are judged against their sentence's others). */
  bySentence: Map<string, AmountFact[]>;
  /**
   * A string a profile must contain for a grant to score at all (its words' forms, their spoken aliases, a compound's
   * first half, a denied word's first character) → the grants: candidates come from these, not from every grant.
   */
  probes: Map<string, number[]>;
  /** Grants with a rank bar: a profile's ranks state their words. */
  ranked: number[];
  /** A grant's place in `grants`, by fact id. */
  grantIndex: Map<string, number>;
}

interface RuleTerms {
  /** Places the subject names below the document's own region (黄埔区农村特困人员…): the profile must be in one. */
  where: Place[];
  all: Term[];
  alternatives: Term[][];
  /** Terms every alternative shares: the words before the list (新认定的, 高新区内企业获得). */
  shared: Set<string>;
  /** Words the profile must state: what happened (获批, 认定, 进入) and who it is (the subject's last word). */
  essential: Set<string>;
  /** The essential words that say what happened. */
  events: Set<string>;
  /** Words the rule denies (非独生子女): a profile that states them is not eligible. */
  excluded: Term[];
}

// Keyed by the fact table, not the knowledge base: a live knowledge base swaps its data when a document is added.
const matchers = new WeakMap<readonly unknown[], Matcher>();
// Verbs and particles between a denial and the word it denies (没做国家备案, 没有被认定).
const DENIAL_TAIL = /[做过在有被的]+$/;
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function matcherOf(kb: KnowledgeBase): Matcher {
  let m = matchers.get(kb.facts);
  if (!m) {
    const terms = createTermIndex(kb);
    const grants = kb.facts.filter((f): f is AmountFact => f.type === 'amount' && f.rule !== undefined && f.rule.readable && f.kind !== 'count');
    const ruleTerms = new Map<string, RuleTerms>();
    const words = matchWordsOf(kb.lexicon);
    const content = (ts: Term[]) => ts.filter((t) => !/\d/.test(t.text) && !t.place && !t.noise && !words.vague.test(t.text));
    for (const f of grants) {
      // The bars (提升10位以上, 前35名) are checked against the profile's figures, not looked for as words; a list's
      // closing category (…和企业技术中心等研发机构) names the kind, not a requirement.
      const who = f.rule!.thresholds
        .reduce((w, t) => w.replace(new RegExp(`(?:${words.barBefore.source})?${escapeRe(t.display)}(?:${words.rules.atLeast.source.slice(1)}|${words.rules.atMost.source.slice(1)})?`, 'g'), '，'), f.rule!.who)
        .replace(words.listTail, '');
      let all = content(terms.termsOf(who));
      // A subject of one word or none (符合条件的贷款, 三星级), or one that says when (在实际发生贷款利息的年度), names
      // whom through its clause's heading too.
      if (all.length < 2 || words.temporal.test(who)) all = content(terms.termsOf(`${kb.clause(f.docId, f.clause)?.title ?? ''}，${who}`));
      const items = f.rule!.alternatives.map((a) => a.replace(words.listTail, ''));
      const first = items[0] ?? '';
      const cut = Math.max(first.lastIndexOf('的') + 1, ...[...first.matchAll(words.eventsAll)].map((x) => x.index! + x[0].length));
      const shared = new Set(content(terms.termsOf(first.slice(0, cut))).map((t) => t.text));
      const events = new Set(all.filter((t) => words.eventWord.test(t.text)).map((t) => t.text));
      const essential = new Set(events);
      // Who it is: the subject's last word, not a qualifier (分别, 每间) that trails it, with the word it is written
      // together with (自主创业: 自主 and 创业).
      const ends = all
        .filter((t) => !f.qualifiers.includes(t.text) && !/^每/.test(t.text))
        .map((t) => ({ t, end: who.lastIndexOf(t.text) + t.text.length, start: who.lastIndexOf(t.text) }))
        .sort((a, b) => b.end - a.end);
      const head = ends[0];
      if (head && !items.length) {
        essential.add(head.t.text);
        // 自主创业: 创业 alone is common, 自主 says who; 旅游景区: 景区 says it, 旅游 only modifies it.
        const joined = ends.find((x) => x.end === head.start && x.t !== head.t);
        if (joined && joined.t.weight > head.t.weight) essential.add(joined.t.text);
      }
      const excluded = all.filter((t) => words.ruleNegation.test(who.slice(0, Math.max(0, who.indexOf(t.text)))));
      // Where the subject says the grant applies, when that is narrower than where the document applies anyway.
      const own = new Set(kb.document(f.docId)?.region ?? []);
      const where = kb.gazetteer.find(who).filter((p) => (p.level === 'city' || p.level === 'district' || p.level === 'county') && !own.has(p.name));
      ruleTerms.set(f.id, {
        where,
        all,
        alternatives: items.map((a) => content(terms.termsOf(a))),
        shared,
        essential,
        events,
        excluded,
      });
    }
    const bySentence = new Map<string, AmountFact[]>();
    const probes = new Map<string, number[]>();
    const ranked: number[] = [];
    for (const [i, f] of grants.entries()) {
      const k = `${f.docId}|${f.sentence}`;
      (bySentence.get(k) ?? bySentence.set(k, []).get(k)!).push(f);
      const rt = ruleTerms.get(f.id)!;
      const own = new Set<string>();
      for (const t of rt.all) {
        for (const form of [...t.forms, ...(words.eventAliases[t.text] ?? [])]) if (form !== 'a') own.add(form);
        if (t.forms.includes('a')) own.add('a').add('A');
        if (/^[\u4e00-\u9fa5]{4}$/.test(t.text)) own.add(t.text.slice(0, 2));
        if (rt.excluded.includes(t)) own.add(t.text[0]);
      }
      for (const p of own) (probes.get(p) ?? probes.set(p, []).get(p)!).push(i);
      if (f.rule!.thresholds.some((t) => t.op === 'top' || t.op === 'rise')) ranked.push(i);
    }
    m = { terms, router: createRouter(kb, languageOf(kb.lexicon)), lang: languageOf(kb.lexicon), words, grants, ruleTerms, bySentence, probes, ranked, grantIndex: new Map(grants.map((f, i) => [f.id, i])) };
    matchers.set(kb.facts, m);
  }
  return m;
}

/** Documents whose jurisdiction holds the profile's places (national documents always). */
function documentsFor(kb: KnowledgeBase, profile: Profile, docIds?: string[]): PolicyDocument[] {
  const docs = kb.documents.filter((d) => !docIds?.length || docIds.includes(d.docId));
  if (!profile.places.length) return docs;
  return docs.filter((d) => {
    if (d.level === 'national' || d.region[0] === '全国' || !d.region.length) return true;
    return profile.places.some((p) => {
      const chain = [...p.parents, p.name];
      return d.region.every((r) => chain.includes(r));
    });
  });
}

/** Where a term occurs in a text, and whether each occurrence is denied (没有国家备案). */
function occurrences(text: string, t: Term, words: MatchWords): { at: number; denied: boolean }[] {
  const out: { at: number; denied: boolean }[] = [];
  const lower = text.toLowerCase();
  // What happened is said in the asker's words too (评定: 评上, 获批: 批下来).
  for (const f of [...t.forms, ...(words.eventAliases[t.text] ?? [])]) {
    if (f === 'a') continue;
    for (let i = lower.indexOf(f); i !== -1; i = lower.indexOf(f, i + 1)) {
      // Denied before (没有国家备案), or not yet happened after (国家备案还没批下来).
      const before = words.negation.test(text.slice(Math.max(0, i - 4), i).replace(DENIAL_TAIL, ''));
      out.push({ at: i, denied: before || words.pendingAfter.test(text.slice(i + f.length, i + f.length + 8)) });
    }
  }
  if (!out.length && hasTerm(text, t)) out.push({ at: 0, denied: false });
  // A compound the profile writes apart (参保企业: 参保的小微企业): both halves, the first before the second.
  if (!out.length && /^[\u4e00-\u9fa5]{4}$/.test(t.text)) {
    const a = text.indexOf(t.text.slice(0, 2));
    const b = a === -1 ? -1 : text.indexOf(t.text.slice(2), a + 2);
    if (a !== -1 && b !== -1 && b - a <= 8) out.push({ at: a, denied: words.negation.test(text.slice(Math.max(0, a - 4), a).replace(DENIAL_TAIL, '')) });
  }
  return out;
}

interface Coverage {
  ratio: number;
  statement: number;
  /** Terms the statement holds only under a denial. */
  denied: Term[];
  missingTerms: Term[];
  /** An essential word (what happened, who) the statement does not state. */
  essentialMissing: boolean;
  /** A word the rule denies (非独生子女) that the profile states. */
  excludedStated: Term[];
  /** The rule's words the statement states (where its level is looked for). */
  anchors: Term[];
}

/** How much of who the rule is for one statement of the profile (with the first, who-we-are, statement) covers. */
function coverage(m: Matcher, f: AmountFact, profile: Profile): Coverage {
  const rt = m.ruleTerms.get(f.id)!;
  // A list subject qualifies through any one item: the terms of the other items are dropped.
  let terms = rt.all;
  if (rt.alternatives.length > 1) {
    let best: Term[] | undefined;
    let bestRatio = -1;
    for (const alt of rt.alternatives) {
      const w = alt.reduce((n, t) => n + t.weight, 0);
      const r = w ? alt.filter((t) => hasTerm(profile.evidence, t)).reduce((n, t) => n + t.weight, 0) / w : 0;
      if (r > bestRatio) (bestRatio = r), (best = alt);
    }
    const others = new Set(rt.alternatives.filter((a) => a !== best).flat().map((t) => t.text));
    const mine = new Set(best!.map((t) => t.text));
    terms = rt.all.filter((t) => mine.has(t.text) || rt.shared.has(t.text) || !others.has(t.text));
  }
  const total = terms.reduce((n, t) => n + t.weight, 0);
  // Words of a rank bar (全国排名 in 年度全国排名提升10位以上) are stated by the profile's ranks.
  const figured = new Set(
    f.rule!.thresholds
      .filter((t) => (t.op === 'top' || t.op === 'rise') && profile.rank.now !== undefined)
      .flatMap((t) => terms.filter((x) => t.text.includes(x.text)).map((x) => x.text)),
  );
  let best: Coverage = { ratio: 0, statement: 0, denied: [], missingTerms: terms, essentialMissing: true, excludedStated: [], anchors: [] };
  if (!total) return best;
  let bestOwn = -1;
  for (let i = 0; i < profile.statements.length; i++) {
    const own = profile.statements[i];
    const context = i === 0 ? own : `${profile.statements[0]}，${own}`;
    let covered = 0;
    let ownCovered = 0;
    const denied: Term[] = [];
    const missing: Term[] = [];
    for (const t of terms) {
      // A word the rule denies (不裁员) is met by the profile denying it too (一个人都没裁).
      if (rt.excluded.includes(t)) {
        if (m.words.negation.test(context.slice(0, Math.max(0, context.indexOf(t.text[0]))).slice(-6).replace(DENIAL_TAIL, '').replace(/[^没未不无零非有]+$/, ''))) covered += t.weight;
        else missing.push(t);
        continue;
      }
      const occ = occurrences(context, t, m.words);
      // A profile that denies a word anywhere (园区不是高新区) is not what the word names, whatever else it says.
      if (occ.some((o) => o.denied)) denied.push(t), missing.push(t);
      else if (occ.length || figured.has(t.text)) {
        covered += t.weight;
        if (i === 0 || occurrences(own, t, m.words).length) ownCovered += t.weight;
      } else missing.push(t);
    }
    const ratio = covered / total;
    const ownRatio = ownCovered / total;
    // What happened must be stated; who it is too, unless the rest of the rule is stated nearly whole (新发展了350亩观赏
    // 花卉 is the 观赏花卉基地 of the rule).
    const essentialMissing = missing.some((t) => rt.essential.has(t.text) && (rt.events.has(t.text) || ratio < 0.75));
    const excludedStated = rt.excluded.filter((t) => occurrences(context, t, m.words).some((o) => !o.denied) && !m.words.negation.test(context.slice(Math.max(0, context.indexOf(t.text) - 3), context.indexOf(t.text))));
    // A tie goes to the statement that states more of the rule itself, then to the later one: profiles tell their
    // history first (前几年是自治区级的，今年…国家级).
    const better = ratio > best.ratio || (ratio === best.ratio && ratio > 0 && (ownRatio > bestOwn || (ownRatio === bestOwn && i > best.statement)));
    if (better) {
      best = { ratio, statement: i, denied, missingTerms: missing, essentialMissing, excludedStated, anchors: terms.filter((t) => !missing.includes(t)) };
      bestOwn = ownRatio;
    }
  }
  return best;
}

const LEVEL_NAMES: Record<Level, string> = { national: '国家级', province: '省级（自治区级）', city: '市级', district: '区级', county: '县级' };

/**
 * The level the profile gives the subject: the level named nearest to where the statement names the subject's own
 * words (国家重点实验室…，自治区一次性奖补多少: 国家, not the funder 自治区), before it preferred; else the last level the
 * statement or the who-we-are statement names. Denied levels (没有国家备案) do not count.
 */
function profileLevel(m: Matcher, profile: Profile, statement: number, anchors: Term[] = []): Level | undefined {
  const mentions = (s: string) => levelMentions(m.lang, s).filter((x) => !m.words.negation.test(s.slice(Math.max(0, x.at - 4), x.at).replace(DENIAL_TAIL, '')));
  // A profile that is only a question (能不能设立综合保税区) states nothing about itself.
  const s = profile.statements[statement] ?? '';
  const found = mentions(s);
  const at = anchors.flatMap((t) => occurrences(s, t, m.words).filter((o) => !o.denied).map((o) => o.at));
  if (found.length && at.length) {
    const anchor = Math.max(...at);
    const distance = (x: { at: number; length: number }) => (x.at <= anchor ? anchor - (x.at + x.length) : 2 * (x.at - anchor));
    return [...found].sort((a, b) => distance(a) - distance(b))[0].level;
  }
  return found.at(-1)?.level ?? (statement ? mentions(profile.statements[0]).at(-1)?.level : undefined);
}

/** What the profile denies: the words after each denial (园区不是高新区 → 高新区, 没做国家备案 → 国家备案). */
function deniedPhrases(m: Matcher, profile: Profile): string[] {
  return [...profile.text.matchAll(m.words.denied)].map((x) => x[1]);
}

/**
 * The part of a denied phrase that the rule's words contain: from its start, and most of it (没做国家备案 denies
 * 国家备案, not every rule with 国家 in it).
 */
function deniedIn(who: string, phrases: string[], ruleNegation: RegExp): string | undefined {
  for (const p of phrases) {
    for (let n = p.length; n >= Math.max(2, Math.ceil(p.length * 0.75)); n--) {
      const at = who.indexOf(p.slice(0, n));
      // The rule denies it too (不裁员 for 没裁员): the profile meets it.
      if (at !== -1) return ruleNegation.test(who.slice(0, at)) ? undefined : p.slice(0, n);
    }
  }
  return undefined;
}


/**
 * "获批国家高新区" and a profile that says 获批了…示范区: what happened happened to something else. For a rule that
 * begins with what happens (获批, 认定, 评定, 备案 …) to its object, the profile's event must be followed, in its piece,
 * by the object's head word, or come last in a piece that names the object before it (国家工程研究中心刚被…新认定).
 */
function objectElsewhere(m: Matcher, f: AmountFact, profile: Profile, cov: Coverage): string | undefined {
  const rt = m.ruleTerms.get(f.id)!;
  const who = f.rule!.who.replace(/^(?:对|新|首次)+/, '');
  const event = Object.keys(m.words.eventAliases).find((e) => who.startsWith(e) || who.startsWith(`新${e}`));
  if (!event) return undefined;
  const object = who.slice(who.indexOf(event) + event.length);
  const heads = (rt.alternatives.length ? rt.alternatives : [rt.all]).map((alt) => alt.filter((t) => object.includes(t.text)).at(-1)).filter((t): t is Term => !!t);
  if (!heads.length) return undefined;
  const forms = m.words.eventAliases[event];
  const s = profile.statements[cov.statement];
  let sawEvent = false;
  let offset = 0;
  for (const piece of s.split(/[，,、]/)) {
    for (const form of forms) {
      const at = piece.indexOf(form);
      if (at === -1) continue;
      sawEvent = true;
      const after = piece.slice(at + form.length);
      if (heads.some((h) => hasTerm(after, h))) return undefined;
      // 企业技术中心去年新认定为自治区级, 酒店…今年刚评上四星级: the object named before, only a level or grade after.
      let rest = after.replace(m.words.grades, '');
      for (const x of levelMentions(m.lang, rest).reverse()) rest = rest.slice(0, x.at) + rest.slice(x.at + x.length);
      // Named before it: in the statement, or in the who-we-are statement (我们是…孵化器。今年新认定).
      const before = `${cov.statement ? profile.statements[0] : ''}，${s.slice(0, offset + at)}`;
      if (rest.replace(/[了的啦过下来为成级]/g, '').length <= 2 && heads.some((h) => hasTerm(before, h))) return undefined;
    }
    offset += piece.length + 1;
  }
  return sawEvent ? `所述${event}的不是“${object}”` : undefined;
}

/**
 * Tiers of one sentence (新建高级雪道、中级雪道、初级雪道分别奖励…): when the profile states the words that set a
 * sibling apart and none of this figure's own, the figure is the sibling's tier, not the profile's.
 */
function siblingTier(m: Matcher, f: AmountFact, same: AmountFact[], profile: Profile): string | undefined {
  const own = m.ruleTerms.get(f.id)?.all ?? [];
  const stated = (t: Term) => occurrences(profile.evidence, t, m.words).some((o) => !o.denied);
  for (const x of same) {
    if (x === f || !m.ruleTerms.has(x.id)) continue;
    const theirs = m.ruleTerms.get(x.id)!.all;
    const mine = own.filter((t) => !theirs.some((u) => u.text === t.text));
    const other = theirs.filter((t) => !own.some((u) => u.text === t.text));
    if (mine.length && other.length && !mine.some(stated) && other.every(stated)) return `本项为“${f.rule!.who}”，所述为“${x.rule!.who}”`;
  }
  return undefined;
}

/**
 * What the profile says of when: in the comma-piece that holds the rule's words, else in the statement, else in the
 * who-we-are statement. recent is true (刚, 今年), false (2018年就, 好几年了) or undefined (not said).
 */
function timeOf(m: Matcher, profile: Profile, cov: Coverage): { recent?: boolean; first: boolean; notFirst: boolean } {
  const s = profile.statements[cov.statement];
  const at = cov.anchors.flatMap((t) => occurrences(s, t, m.words).filter((o) => !o.denied).map((o) => o.at));
  const pieces = s.split(/[，,、]/);
  let offset = 0;
  const anchored: string[] = [];
  for (const p of pieces) {
    if (at.some((a) => a >= offset && a < offset + p.length)) anchored.push(p);
    offset += p.length + 1;
  }
  const scopes = [anchored.join('，'), s, cov.statement ? profile.statements[0] : ''].filter(Boolean);
  const w = m.words;
  // First or not is said anywhere in the statement (以前从没进过前35: first, though it has 进过 in it).
  const all = scopes.join('，');
  const first = w.first.test(all);
  const notFirst = !first && w.notFirst.test(all);
  for (const scope of scopes) {
    const recent = w.recent.test(scope);
    const old = w.notRecent.test(scope);
    if (recent !== old) return { recent, first, notFirst };
    if (recent && old) {
      // Both said: the one nearer the rule's words (2017年就是3A了，今年新评上了4A).
      const last = (re: RegExp) => Math.max(-1, ...[...scope.matchAll(re)].map((x) => x.index!));
      return { recent: last(w.recentAll) > last(w.notRecentAll), first, notFirst };
    }
  }
  return { first, notFirst };
}

const gradeOf = (g: string) => ({ 一: 1, 二: 2, 三: 3, 四: 4, 五: 5 })[g as '一'] ?? Number(g);

interface Judgement {
  status: MatchStatus;
  met: string[];
  missing?: string;
  reason?: string;
}

function judge(m: Matcher, f: AmountFact, profile: Profile, cov: Coverage, denials: string[]): Judgement {
  const rule = f.rule!;
  const met: string[] = [];
  const unknown: string[] = [];
  const failed: string[] = [];
  const denied = deniedIn(rule.who, denials, m.words.ruleNegation);
  if (denied) failed.push(`所述不是（没有）${denied}，本项为“${rule.who}”`);
  const other = objectElsewhere(m, f, profile, cov);
  if (other) failed.push(other);
  const s = profile.statements[cov.statement];
  const context = cov.statement ? `${profile.statements[0]}，${s}` : s;
  if (cov.excludedStated.length) failed.push(`本项不适用于${cov.excludedStated.map((t) => t.text).join('、')}（“${rule.who}”）`);
  if (cov.denied.length) failed.push(`不是${cov.denied.map((t) => t.text).join('、')}（“${rule.who}”）`);
  // Level. A grade that carries it (国家4A级, 国家4星级) is checked with the grade.
  const gradeAt = rule.who.search(m.words.grade);
  const gradeCarriesLevel = gradeAt !== -1 && levelMentions(m.lang, rule.who).some((x) => rule.who.slice(x.at + x.length, gradeAt).trim() === '');
  // A level the subject does not name as people name levels (全国性主办的会议: a scope, not the applicant's level).
  const namesLevel = levelMentions(m.lang, rule.who).length > 0;
  if (rule.level && !gradeCarriesLevel && namesLevel) {
    const own = profileLevel(m, profile, cov.statement, cov.anchors);
    if (!own) unknown.push(`是否为${LEVEL_NAMES[rule.level]}？`);
    else if (own !== rule.level) failed.push(`本项为${LEVEL_NAMES[rule.level]}，所述为${LEVEL_NAMES[own]}`);
    else met.push(LEVEL_NAMES[rule.level]);
  }
  // A grade (4A级, 4星级): the profile's latest one must be the rule's.
  const grade = rule.who.match(m.words.grade);
  if (grade) {
    const said = [...context.matchAll(m.words.grades)].map((g) => gradeOf(g[1])).at(-1);
    if (said === undefined) unknown.push(`是否为${grade[0]}？`);
    else if (said !== gradeOf(grade[1])) failed.push(`本项为${grade[0]}，所述为${said}级`);
    else met.push(grade[0]);
  }
  // A new or first event: said where the rule's own words are (今年新评上了4A, not 2017年就是3A了), in the statement
  // itself before its who-we-are context.
  const when = timeOf(m, profile, cov);
  if (m.words.requiresFirst.test(rule.who)) {
    const top = rule.thresholds.find((t) => t.op === 'top');
    const wasIn = top && profile.rank.before !== undefined && profile.rank.before <= top.value;
    if (when.first && !wasIn) met.push('首次');
    else if (when.notFirst || wasIn) failed.push(`须为首次（${rule.who}）`);
    else unknown.push('是否为首次？');
  } else if (m.words.requiresRecent.test(rule.who)) {
    if (when.recent === false) failed.push(`须为新${rule.who.match(m.words.requiresRecent)![0].slice(1)}，所述不是新近发生`);
    else if (when.recent) met.push('新近');
    else unknown.push(`是否为${rule.who.match(m.words.requiresRecent)![0]}？`);
  }
  // A grade letter (国家绩效考核评价为A): the profile's must be the same.
  const letter = rule.who.match(m.words.letterGrade);
  if (letter) {
    const said = [...context.matchAll(m.words.letterGrades)].at(-1)?.[1];
    if (!said) unknown.push(`评价结果是否为${letter[1].toUpperCase()}？`);
    else if (said.toUpperCase() !== letter[1].toUpperCase()) failed.push(`须为${letter[1].toUpperCase()}，所述为${said.toUpperCase()}`);
    else met.push(`评价为${said.toUpperCase()}`);
  }
  // Place: a grant the subject ties to some districts (黄埔区、番禺区、南沙区 each with its figure) is the profile's only
  // where it is; a profile above them (广州) or placeless is asked.
  const where = m.ruleTerms.get(f.id)?.where ?? [];
  if (where.length) {
    const names = where.map((p) => p.name).join('、');
    const said = profile.places;
    if (said.some((p) => where.some((w) => w.name === p.name || p.parents.includes(w.name)))) met.push(names);
    else if (!said.length || said.some((p) => where.some((w) => w.parents.includes(p.name)))) unknown.push(`是否在${names}？`);
    else failed.push(`本项适用于${names}，所述为${said.map((p) => p.name).join('、')}`);
  }
  // A subject for one side of a pair (城镇特困人员) is not for a profile that says it is the other side (农村的). A word
  // containing the other (非全日制 holds 全日制) counts as the longer one only.
  const says = (text: string, w: string, other: string) => text.replaceAll(other.includes(w) ? other : '\u0000', '').includes(w);
  for (const [a, b] of m.words.opposites) {
    for (const [mine, theirs] of [[a, b], [b, a]]) {
      if (says(rule.who, mine, theirs) && !says(rule.who, theirs, mine) && says(context, theirs, mine) && !says(context, mine, theirs)) failed.push(`本项为“${mine}”，所述为“${theirs}”`);
    }
  }
  // "符合条件的贷款" names the conditions without stating them here: the profile cannot be judged to meet them.
  if (m.words.vagueWho.test(rule.who)) unknown.push(`是否符合“${rule.who}”所指的条件？（见原文）`);
  // Bars.
  const years = rule.who.match(m.words.consecutive) ?? f.sentence.match(m.words.consecutive);
  for (const t of rule.thresholds) {
    if (t.op === 'drop' || t.op === 'bottom') continue;
    if (t.op === 'top' || t.op === 'rise') {
      const { now, before, list } = profile.rank;
      if (t.op === 'top' && years && Number(years[1]) >= 2) {
        const n = Number(years[1]);
        if (list.length >= n) (list.slice(-n).every((r) => r <= t.value) ? met : failed).push(`连续${n}年前${t.value}名（所述${list.join('、')}）`);
        else unknown.push(`近${n}年的排名分别是多少？`);
        continue;
      }
      if (t.op === 'top') {
        if (now === undefined) unknown.push(`今年排名第几？（须前${t.value}名）`);
        else (now <= t.value ? met : failed).push(`第${now}名${now <= t.value ? '在' : '不在'}前${t.value}名内`);
      } else if (now === undefined || before === undefined) unknown.push(`去年和今年的排名各是第几？（须提升${t.value}位以上）`);
      else (before - now >= t.value ? met : failed).push(`${before - now >= 0 ? `提升${before - now}位` : `下降${now - before}位`}，须提升${t.value}位以上`);
      continue;
    }
    const n = numberIn(m, profile, t.unit, t.text, new Set(), t.unit === '元');
    if (!n) {
      unknown.push(`是否达到“${t.text}”？`);
      continue;
    }
    const ok = t.op === 'range' ? n.value >= t.value && n.value <= (t.valueMax ?? Infinity) : t.op === 'at-most' ? n.value <= t.value : n.value >= t.value;
    (ok ? met : failed).push(`${n.raw}${ok ? '符合' : '不符合'}“${t.text}”`);
  }
  if (failed.length) return { status: 'not-eligible', met, reason: failed.join('；') };
  if (unknown.length) return { status: 'needs-info', met, missing: unknown[0] };
  return { status: 'eligible', met };
}

/** Below this share of who the rule is for, the award is about someone else. */
/** Fact ids in numeric order (one collator, not one per comparison). */
const byId = new Intl.Collator('en', { numeric: true }).compare;
const RELATED = 0.45;
/** Between this and RELATED, an award is a tempting near miss: listed as not-eligible on request. */
const TEMPTING = 0.35;

export function matchProfile(kb: KnowledgeBase, text: string, opts: MatchOptions = {}): MatchResult {
  const m = matcherOf(kb);
  const profile = readProfile(kb, text, m.words);
  // A profile that names its document (a 文号, words of a title: 稳就业文件, 个税专项附加扣除) is matched against it.
  // Places only narrow the library (a city's profile keeps its province's and the national documents).
  const route = opts.docIds?.length ? undefined : m.router.route(profile.text);
  const named = route && (route.titleWords.length || (route.docs.length && !route.scores.size)) ? route.docs : [];
  const docs = documentsFor(kb, profile, named.length ? named : opts.docIds);
  const inScope = new Set(docs.map((d) => d.docId));
  const denials = deniedPhrases(m, profile);
  const items: MatchItem[] = [];
  // Only grants the profile shares a word with can score; the rest are never looked at.
  const lower = profile.text.toLowerCase();
  const candidates = new Set<number>(profile.rank.now !== undefined ? m.ranked : []);
  for (const [probe, ids] of m.probes) if (lower.includes(probe) || profile.text.includes(probe)) for (const i of ids) candidates.add(i);
  for (const i of [...candidates].sort((a, b) => a - b)) {
    const f = m.grants[i];
    if (!inScope.has(f.docId)) continue;
    const same = (m.bySentence.get(`${f.docId}|${f.sentence}`) ?? []).filter((x) => inScope.has(x.docId));
    // A cap beside a ratio or a per-unit award in its sentence bounds that figure; it is not a benefit of its own.
    if (f.role === 'cap' && same.some((x) => x !== f && (x.role === 'ratio' || (x.per && x.kind === 'money')))) continue;
    const cov = coverage(m, f, profile);
    if (cov.ratio < TEMPTING) continue;
    const tier = cov.ratio >= RELATED ? siblingTier(m, f, same, profile) : undefined;
    let j: Judgement = tier
      ? { status: 'not-eligible', met: [], reason: tier }
      : cov.ratio >= RELATED && !cov.essentialMissing
        ? judge(m, f, profile, cov, denials) : { status: 'not-eligible', met: [], reason: `所述未提到：${cov.missingTerms.map((t) => t.text).join('、')}` };
    const doc = kb.document(f.docId)!;
    const clause = kb.clause(f.docId, f.clause)!;
    const cap = same.find((x) => x !== f && x.role === 'cap' && x.kind === 'money');
    const computed = j.status !== 'not-eligible' ? computeAmount(m, f, cap, profile, clause) : undefined;
    if (computed?.failed) j = { status: 'not-eligible', met: j.met, reason: computed.failed };
    if (j.status === 'not-eligible' && !opts.includeNotEligible) continue;
    items.push({
      status: j.status,
      docId: f.docId,
      docTitle: doc.title,
      clause: clause.cite,
      number: clause.number,
      subject: f.rule!.who,
      amount: computed?.result ?? f.display,
      display: f.display,
      role: f.role,
      upTo: computed ? computed.upTo : f.role === 'cap' || f.qualifiers.some((q) => /最高|不超过/.test(q)),
      quote: f.sentence,
      factId: f.id,
      computation: computed?.shown,
      computed: computed?.computation,
      met: j.met,
      missing: j.missing,
      reason: j.reason,
      lead: clause.lead.map((d) => d.name),
      support: clause.support.map((d) => d.name),
      // Money per recipient (每家100万元) is the recipient's; per person or per 亩 it depends on counts not given.
      yuan: computed?.yuan ?? (f.kind === 'money' && (!f.per || m.words.perRecipient.test(f.per)) ? f.valueMax ?? f.value : undefined),
      coverage: Math.round(cov.ratio * 100) / 100,
    });
  }
  // Two rules of one clause that come to the same amount for this profile are one item (the better covered).
  const seen = new Map<string, MatchItem>();
  for (const i of [...items].sort((a, b) => b.coverage - a.coverage)) {
    const key = `${i.status}|${i.docId}|${i.number}|${i.amount}`;
    if (seen.has(key)) items.splice(items.indexOf(i), 1);
    else seen.set(key, i);
  }
  const order: Record<MatchStatus, number> = { eligible: 0, 'needs-info': 1, 'not-eligible': 2 };
  items.sort((a, b) => order[a.status] - order[b.status] || (b.yuan ?? -1) - (a.yuan ?? -1) || byId(a.factId, b.factId));
  const eligible = items.filter((i) => i.status === 'eligible');
  const byDoc = [...new Set(items.filter((i) => i.status !== 'not-eligible').map((i) => i.docId))];
  const stacking = byDoc.map((docId) => {
    // The first, in the library's order, of the document's listed grants that says something about combining.
    const listed = items.filter((i) => i.docId === docId).map((i) => m.grantIndex.get(i.factId)!);
    const said = listed.sort((a, b) => a - b).map((i) => m.grants[i].rule!.stacking).find(Boolean);
    return said ? { docId, stated: true, note: said } : { docId, stated: false, note: '本政策未写明各项能否同时享受' };
  });
  const summable = eligible.filter((i) => i.yuan !== undefined);
  // A document that says anything about combining forbids it unless it allows it outright (可叠加, 可同时享受).
  const forbidden = stacking.some((s) => s.stated && !m.words.stackingAllowed.test(s.note));
  const total =
    summable.length >= 2 && !forbidden
      ? { yuan: summable.reduce((n, i) => n + i.yuan!, 0), items: summable.length, upTo: summable.some((i) => i.upTo), amount: '' }
      : undefined;
  if (total) total.amount = showTotal(total.yuan);
  const needs = items.filter((i) => i.status === 'needs-info');
  return {
    items,
    total,
    stacking,
    ask: needs.sort((a, b) => (b.yuan ?? 0) - (a.yuan ?? 0))[0]?.missing,
    documents: docs.map((d) => d.docId),
    profile: { text: profile.text, places: profile.places.map((p) => p.name), level: profileLevel(m, profile, 0) },
  };
}

function showTotal(yuan: number): string {
  return yuan >= 1e4 && Number.isInteger(Math.round((yuan / 1e4) * 100) / 100) ? `${+(yuan / 1e4).toFixed(2)}万元` : `${yuan}元`;
}

export type { Matcher };
