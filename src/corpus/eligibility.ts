// Eligibility rules, read from the text at index build: each award, cap and ratio gets who may claim it (its subject,
// split into alternatives when it lists several), its level, the bars in its sentence (thresholds with their
// operators) and what its document says about combining awards. Words come from language.json's "match" section; no
// rule is written for one item.
import type { MatchLanguageFile } from '../text/lexicon.js';
import type { AmountFact, EligibilityRule, Fact, PolicyDocument, Threshold } from './types.js';

export interface RuleWords {
  atLeast: RegExp;
  atMost: RegExp;
  top: RegExp;
  rise: RegExp;
  drop: RegExp;
  bottom: RegExp;
  stacking: RegExp;
  listSeparator: RegExp;
  qualifierOnly: RegExp;
  wholeDocument: RegExp;
  notBar: RegExp;
  verbOnly: RegExp;
}

export function compileRuleWords(f: MatchLanguageFile): RuleWords {
  return {
    atLeast: new RegExp(`^(?:\\s*[（(]含[^）)]*[）)])?\\s*(?:${f.atLeastAfter})`),
    atMost: new RegExp(`^(?:\\s*[（(]含[^）)]*[）)])?\\s*(?:${f.atMostAfter})`),
    top: new RegExp(`(?:${f.rankTopBefore})\\s*$`),
    rise: new RegExp(`(?:${f.rankRiseBefore})\\s*$`),
    drop: new RegExp(`(?:${f.rankDropBefore})\\s*$`),
    bottom: new RegExp(`(?:${f.rankBottomBefore})\\s*$`),
    stacking: new RegExp(f.stacking),
    listSeparator: new RegExp(f.listSeparator),
    // A run of qualifiers (每年每个分别) names nobody any more than one does.
    qualifierOnly: new RegExp(`^(?:${f.qualifierOnly})+$`),
    wholeDocument: new RegExp(f.wholeDocument),
    notBar: new RegExp(f.notBar),
    verbOnly: new RegExp(`^(?:${f.verbOnly})$`),
  };
}

const GRANTS = new Set(['award', 'cap', 'ratio']);

/** Attaches a rule to every award, cap and ratio of the documents' facts (in place: facts are built, not shared). */
export function attachRules(documents: PolicyDocument[], facts: Fact[], words: RuleWords): void {
  const byClause = new Map<string, AmountFact[]>();
  for (const f of facts) if (f.type === 'amount') (byClause.get(`${f.docId}#${f.clause}`) ?? byClause.set(`${f.docId}#${f.clause}`, []).get(`${f.docId}#${f.clause}`)!).push(f);
  for (const doc of documents) {
    const stackingOf = stackingSentences(doc, words);
    for (const clause of doc.clauses) {
      const own = byClause.get(`${doc.docId}#${clause.number}`) ?? [];
      for (const f of own) {
        if (!GRANTS.has(f.role)) continue;
        f.rule = ruleOf(f, own, words, stackingOf(clause.number));
      }
    }
  }
}

function ruleOf(f: AmountFact, clauseFacts: AmountFact[], words: RuleWords, stacking: string | undefined): EligibilityRule {
  // The bars of its own sentence, and those its conditions quote (a threshold stated in the lead-in sentence).
  const sentences = new Set([f.sentence, ...f.conditions]);
  const thresholds = clauseFacts
    .filter((t) => t.role === 'threshold' && [...sentences].some((s) => s.includes(t.sentence) || t.sentence.includes(s)))
    .map((t) => thresholdOf(t, words))
    // "符合以下3个条件之一" counts the conditions, it is not a bar the applicant clears; a bar in brackets
    // (（超过100人的企业达到15%）) is an exception to the rule, not a requirement of it.
    .filter((t): t is Threshold => t !== undefined && !words.notBar.test(t.text) && !inBrackets(f.sentence, t.display));
  let who = f.subject.replace(/[（(][^）)]*[）)]$/, '').trim();
  // A subject that is only the grant's verb (可申请最高不超过) names nobody: whom its bars describe does (小微企业当年
  // 新招用…的).
  if (words.verbOnly.test(who) && thresholds.length) who = thresholds[0].text.replace(/^对/, '').replace(/的$/, '').trim();
  const items = who.split(words.listSeparator).map((s) => s.trim()).filter((s) => s.length >= 2);
  return {
    who,
    alternatives: items.length > 1 ? items : [],
    level: f.level,
    thresholds: dedupe(thresholds),
    stacking,
    readable: who.length >= 2 && !words.qualifierOnly.test(who) && !words.verbOnly.test(who),
  };
}

/** Whether every occurrence of a figure in a sentence sits inside brackets. */
function inBrackets(sentence: string, display: string): boolean {
  let depth = 0;
  const inside: boolean[] = [];
  for (const ch of sentence) {
    if (ch === '（' || ch === '(') depth++;
    inside.push(depth > 0);
    if ((ch === '）' || ch === ')') && depth) depth--;
  }
  const at: number[] = [];
  for (let i = sentence.indexOf(display); i !== -1; i = sentence.indexOf(display, i + 1)) at.push(i);
  return at.length > 0 && at.every((i) => inside[i]);
}

function dedupe(ts: Threshold[]): Threshold[] {
  const seen = new Set<string>();
  return ts.filter((t) => !seen.has(t.text + t.display) && seen.add(t.text + t.display));
}

/** A threshold fact as a bar: its operator from the words around its figure (以上, 前…名, 提升…位以上). */
export function thresholdOf(t: AmountFact, words: RuleWords): Threshold | undefined {
  const at = t.sentence.indexOf(t.display);
  if (at === -1) return undefined;
  const before = t.sentence.slice(Math.max(0, at - 8), at);
  const after = t.sentence.slice(at + t.display.length, at + t.display.length + 10);
  const piece = pieceAround(t.sentence, at, at + t.display.length);
  const base = { text: piece, display: t.display, value: t.value, valueMax: t.valueMax, unit: t.unit };
  if (t.valueMax !== undefined) return { ...base, op: 'range' };
  if (words.top.test(before)) return { ...base, op: 'top' };
  if (words.bottom.test(before)) return { ...base, op: 'bottom' };
  if (words.rise.test(before)) return { ...base, op: 'rise' };
  if (words.drop.test(before)) return { ...base, op: 'drop' };
  if (words.atMost.test(after)) return { ...base, op: 'at-most' };
  return { ...base, op: 'at-least' };
}

const BREAK = /[，,；;。：:、]/;
function pieceAround(s: string, from: number, to: number): string {
  let a = from;
  while (a > 0 && !BREAK.test(s[a - 1])) a--;
  let b = to;
  while (b < s.length && !BREAK.test(s[b])) b++;
  return s.slice(a, b).trim();
}

/**
 * What a document says about combining awards, per clause: a sentence of the clause itself, else one of the document's
 * general provisions (a clause or closing paragraph that applies to all, e.g. "同一企业…按就高原则不重复享受").
 */
function stackingSentences(doc: PolicyDocument, words: RuleWords): (clause: number) => string | undefined {
  const own = new Map<number, string>();
  for (const c of doc.clauses) {
    const s = c.sentences.find((x) => words.stacking.test(x));
    if (s) own.set(c.number, s);
  }
  const general =
    [doc.closing, doc.preamble].flatMap((t) => t.split(/(?<=[。；])/)).find((x) => words.stacking.test(x))?.trim() ??
    // A clause's sentence that speaks of the whole document (本措施/本办法…不重复享受) applies to every clause.
    [...own.values()].find((x) => words.wholeDocument.test(x));
  return (n) => own.get(n) ?? general;
}
