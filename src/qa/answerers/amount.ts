// Amounts: the figures come from the fact table only, each with its subject and qualifiers; a level the question
// names excludes the other level's; a figure the user proposes (能拿2000万吗) is confirmed or denied against the cap.
import type { AmountFact } from '../../corpus/types.js';
import { amountAnswer, targetAnswer } from '../answer-amount.js';
import { searchAnswer } from '../answer-text.js';
import { scoreFacts, selectFacts } from '../fact-match.js';
import { outOfScope } from '../replies.js';
import { hasTerm } from '../terms.js';
import type { Answer } from '../types.js';
import { factQuery, type Answerer } from './context.js';
import { notStated } from './stated.js';
import type { AnswerContext } from './context.js';
import type { ScoredFact } from '../fact-match.js';
import type { Clause } from '../../corpus/types.js';

export const answerAmount: Answerer = (ask, ctx) => {
  const { kb, r, weighted, target, top } = ctx;
  const q = factQuery(ctx, ask);
  let scored = scoreFacts(kb, ctx.facts.amounts, q).filter((s) => !r.exclude.includes(s.fact.id));
  if (r.more && !scored.length && target) {
    scored = scoreFacts(kb, ctx.facts.amounts, { ...q, terms: [], clauses: [`${target.docId}#${target.number}`], level: undefined }).filter((s) => !r.exclude.includes(s.fact.id));
  }
  // "排名掉了呢" asks what happens, not how much: a sanction that matches better is quoted instead.
  const sx = scoreFacts(kb, ctx.facts.sanctions, { ...q, level: undefined });
  if (!ask.cued && r.cue !== 'amount' && sx.length && sx[0].subjectHits.length && (!scored.length || sx[0].score > scored[0].score)) {
    return searchAnswer(kb, kb.clause(sx[0].fact.docId, sx[0].fact.clause)!, weighted);
  }
  const t = scoreFacts(kb, ctx.facts.targets, q);
  if (t.length && (!scored.length || t[0].score > scored[0].score)) return targetAnswer(kb, selectFacts(t));
  const picked = selectFacts(scored, ask.level ?? r.level, r.figures);
  if (r.more && !picked.length && target) {
    return { ...searchAnswer(kb, target, weighted, `除已列出的${r.exclude.length}项外，本条没有其他金额规定。`), intent: 'amount' };
  }
  // The best clause is about a subject the picked figures never mention (高新区的新能源汽车补贴: 新能源 is named
  // in a clause without money; the figures found are only 高新区's): those figures would answer another question.
  const missed = picked.length && top && !target ? missedSubject(ctx, picked, top) : undefined;
  if (missed) return notStated(ctx, 'amount', top, kb.document(top!.docId)!, `${missed}的${ctx.lang.notStated.amount ?? '具体金额'}`);
  // Figures whose words hold less than half of what the question is about, and not its most specific word, answer
  // another question (深圳人才引进的租房补贴 → a 灵活就业社保 figure that shares 毕业生 and 补贴): the library does
  // not cover it, and those figures are not offered.
  const uncovered = picked.length && !target && !r.followup ? uncoveredSubject(ctx, picked) : undefined;
  if (uncovered) return outOfScope(kb, uncovered);
  // "物业管理费多少" against "…元/平方米/月（上述费用不含物业管理费）": the figures exclude what was asked; the policy
  // does not state it.
  const excluded = picked.length ? excludedSubject(ctx, picked) : undefined;
  if (excluded) {
    const clause = kb.clause(picked[0].fact.docId, picked[0].fact.clause);
    return notStated(ctx, 'amount', clause, kb.document(picked[0].fact.docId)!, `${excluded}的${ctx.lang.notStated.amount ?? '具体金额'}`);
  }
  if (picked.length) {
    const a = amountAnswer(kb, picked);
    return ask.claim?.figure ? confirmFigure(a, ask.claim.figure, picked.map((p) => p.fact)) : a;
  }
  // Money for something the policy never describes (新能源汽车购置补贴) is out of scope, not a near miss.
  const unknown = r.terms.filter((x) => !x.known);
  if (!top || (unknown.length > 0 && !r.followup) || !r.terms.concat(r.inherited).some((x) => x.known && hasTerm(top.title + top.text, x))) {
    return outOfScope(kb, r.terms.filter((x) => !x.known).map((x) => x.text));
  }
  return undefined;
};

const wan = (display: string) => {
  const m = display.match(/(\d+(?:\.\d+)?)\s*(亿元|亿|万元|万|元)/);
  if (!m) return undefined;
  const scale: Record<string, number> = { 亿元: 1e8, 亿: 1e8, 万元: 1e4, 万: 1e4, 元: 1 };
  return Number(m[1]) * scale[m[2]];
};

/** "能拿2000万吗": yes when a stated figure covers it, no (with the cap) when the figure is above every cap. */
function confirmFigure(a: Answer, figure: string, facts: AmountFact[]): Answer {
  const asked = wan(figure);
  const money = facts.filter((f) => f.kind === 'money');
  if (asked === undefined || !money.length) return a;
  const max = Math.max(...money.map((f) => f.valueMax ?? f.value));
  const exact = money.some((f) => f.value === asked || f.valueMax === asked);
  const capped = money.some((f) => f.role === 'cap');
  const head = exact ? '是的。' : asked > max ? `不能。${capped ? '最高' : ''}为${money.find((f) => (f.valueMax ?? f.value) === max)!.display}，${figure}超出了本政策规定的${capped ? '上限' : '金额'}。` : capped ? `不超过上限即可，最高为${money.find((f) => (f.valueMax ?? f.value) === max)!.display}。` : '';
  return head ? { ...a, answer: `${head}\n${a.answer}` } : a;
}

/**
 * The question's subject when the best clause names it and none of the picked figures does: a known term, rarer
 * than every term the figures matched, found in the best clause but in no picked fact. Written as the question
 * writes it (新能源汽车), or undefined.
 */
function missedSubject(ctx: AnswerContext, picked: ScoredFact<AmountFact>[], top: Clause): string | undefined {
  if (picked.some((p) => p.fact.docId === top.docId && p.fact.clause === top.number)) return undefined;
  const hitWeight = Math.max(0, ...picked.flatMap((p) => p.subjectHits.map((t) => t.weight)));
  const topText = `${top.title}${top.text}`;
  const missed = ctx.r.terms.filter(
    (t) => t.known && !t.place && t.weight > hitWeight && hasTerm(topText, t) && !picked.some((p) => hasTerm(contextOf(ctx, p.fact), t)),
  );
  if (!missed.length) return undefined;
  // The figures' clause names a term of the question the best clause lacks, and one at least as specific: the
  // figures answer the question, the best clause only mentions some of its words.
  const theirs = ctx.r.terms.filter((t) => t.known && !t.place && !hasTerm(topText, t) && picked.some((p) => hasTerm(contextOf(ctx, p.fact), t)));
  if (theirs.some((t) => t.weight >= Math.max(...missed.map((m) => m.weight)))) return undefined;
  const at = missed.map((t) => ({ i: ctx.text.indexOf(t.text), n: t.text.length })).filter((x) => x.i !== -1);
  if (!at.length) return missed[0].text;
  const from = Math.min(...at.map((x) => x.i));
  const to = Math.max(...at.map((x) => x.i + x.n));
  return to - from <= 12 ? ctx.text.slice(from, to) : missed[0].text;
}

/**
 * The question's words the picked figures miss, when their words cover less than half the subject's weight and miss a
 * word at least as specific as any they hold; undefined when the figures are about the question.
 */
function uncoveredSubject(ctx: AnswerContext, picked: ScoredFact<AmountFact>[]): string[] | undefined {
  // Known words only: a word the library never uses is the scope judge's to weigh (counting it here refused
  // in-scope questions of the held-out sets).
  const subject = ctx.r.terms.filter((t) => t.known && !t.place && !t.noise && !ctx.lang.generic.has(t.text) && !/\d/.test(t.text) && !ctx.kb.gazetteer.lookup(t.text));
  if (subject.length < 2) return undefined;
  const contexts = picked.map((p) => contextOf(ctx, p.fact));
  const hit = (t: (typeof subject)[number]) => contexts.some((c) => hasTerm(c, t));
  const total = subject.reduce((n, t) => n + t.weight, 0);
  const covered = subject.filter(hit).reduce((n, t) => n + t.weight, 0);
  const missing = subject.filter((t) => !hit(t));
  const strongest = Math.max(0, ...subject.filter(hit).map((t) => t.weight));
  return covered < total / 2 && missing.some((t) => t.weight >= strongest) ? missing.map((t) => t.text) : undefined;
}

/**
 * The question's most specific word when every picked figure's sentence names it only to exclude it (不含物业管理费),
 * and no picked subject holds it; undefined otherwise.
 */
function excludedSubject(ctx: AnswerContext, picked: ScoredFact<AmountFact>[]): string | undefined {
  const subject = ctx.r.terms.filter((t) => t.known && !t.place && !t.noise && !ctx.lang.generic.has(t.text) && !/\d/.test(t.text));
  const strongest = [...subject].sort((a, b) => b.weight - a.weight)[0];
  if (!strongest) return undefined;
  const excludedIn = (sentence: string) => {
    const at = strongest.forms.map((f) => sentence.indexOf(f)).filter((i) => i !== -1);
    return at.length > 0 && at.every((i) => ctx.lang.exclusion.test(sentence.slice(Math.max(0, i - 4), i)));
  };
  const all = picked.every((p) => !hasTerm(p.fact.subject, strongest) && excludedIn(p.fact.sentence));
  if (!all) return undefined;
  // Named as the text names it (不含物业管理费 → 物业管理费), not as the segmenter cut the question (物业).
  const sentence = picked[0].fact.sentence;
  const at = Math.min(...strongest.forms.map((f) => sentence.indexOf(f)).filter((i) => i !== -1));
  return sentence.slice(at).match(/^[\u4e00-\u9fa5]+/)?.[0] ?? strongest.text;
}

/**
 * Where a fact's words are: its subject and sentence, its clause's title, headings and first sentence (the lead-in a
 * list of tiers hangs from: "住房租金支出，可以按照以下标准定额扣除：（一）…1500元"), its document's title.
 */
function contextOf(ctx: AnswerContext, f: AmountFact): string {
  const c = ctx.kb.clause(f.docId, f.clause);
  return `${f.subject}${f.sentence}${c?.title ?? ''}${c?.path.join('') ?? ''}${c?.sentences[0] ?? ''}${ctx.kb.document(f.docId)?.title ?? ''}`;
}
