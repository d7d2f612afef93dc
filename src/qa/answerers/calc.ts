// Rules applied to the user's own figures: a ratio with its cap (国家支持1500万 → 1:1 → capped at 1000万元), a
// per-recipient award times a count (2家国家级 + 3家自治区级孵化器), a rank change against the clause's rank rules
// (从第50升到第38: rose 12, inside the top 60, not the top 35), the part above a threshold within a limit (超过15000元
// 的部分在80000元限额内), a monthly figure over a year. Every figure shown is the clause's, the user's, or a step's
// result (src/qa/arith.ts checks them); the answer quotes the rule and marks the figure as computed.
import type { AmountFact, Clause } from '../../corpus/types.js';
import { checkComputation, formatComputation, parseQuantity, showYuan, type Computation } from '../arith.js';
import { citation, departmentsLine, joinLines, sourceLine } from '../compose.js';
import { scoreFacts } from '../fact-match.js';
import type { Answer } from '../types.js';
import { factQuery, type AnswerContext } from './context.js';

const MONEY = /(\d+(?:\.\d+)?)\s*(亿元|万元|万|元)(?![/／每])/g;

interface Inputs {
  money: { text: string; value: number; at: number }[];
  counts: { n: number; unit: string; at: number; phrase: string }[];
  rank?: { from: number; to: number; text: string };
}

function inputsOf(ctx: AnswerContext, ruleValues: number[], ruleText: string): Inputs {
  const { text, lang } = ctx;
  const money = [...text.matchAll(MONEY)]
    .map((m) => ({ text: m[0].replace(/\s+/g, ''), value: parseQuantity(m[0])!.value, at: m.index! }))
    // A figure the user repeats from the rule (申请300万的贷款) is the rule's, not an input.
    .filter((m) => !ruleValues.includes(m.value));
  // 3个月 and 2年 are spans of time, not recipients.
  const countRe = new RegExp(`(\\d+)\\s*(${lang.calc.countUnits.source})(?!月|年|工作日|小时|季度)`, 'g');
  // 前35名 / 第3名 / 末2位 name a rank, not how many; a count the rule itself writes (3家以上) is the rule's.
  const found = [...text.matchAll(countRe)].filter((m) => !/(?:第|前|末|超过|达到)$/.test(text.slice(0, m.index!)) && !ruleText.includes(m[0].replace(/\s+/g, '')));
  const counts = found.map((m, i) => {
    const end = found[i + 1]?.index ?? text.length;
    return { n: Number(m[1]), unit: m[2], at: m.index!, phrase: text.slice(m.index! + m[0].length, end) };
  });
  const r = text.match(lang.calc.rankChange);
  const rank = r ? { from: Number(r[1]), to: Number(r[2]), text: r[0] } : undefined;
  return { money, counts, rank };
}

/** The clause whose figures the question is about, and its amount facts (thresholds too: rules need them). */
function ruleClause(ctx: AnswerContext): { clause: Clause; facts: AmountFact[] } | undefined {
  const scored = scoreFacts(ctx.kb, ctx.facts.amounts, factQuery(ctx, { attribute: 'amount' }));
  const best = scored[0]?.fact;
  const clause = ctx.target ?? (best ? ctx.kb.clause(best.docId, best.clause) : ctx.top);
  if (!clause) return undefined;
  const facts = ctx.kb.factsOf(clause.docId, clause.number).filter((f): f is AmountFact => f.type === 'amount');
  return { clause, facts };
}

const money = (f: AmountFact) => f.kind === 'money';
const grants = (fs: AmountFact[]) => fs.filter((f) => f.role === 'award' || f.role === 'cap');

/** Characters two texts share, as a crude measure of which subject a phrase names. */
function overlap(a: string, b: string): number {
  const set = new Set(b);
  let n = 0;
  for (const ch of new Set(a)) if (set.has(ch) && /[\u4e00-\u9fa5A-Za-z]/.test(ch)) n++;
  return n;
}

export function computeFromRules(ctx: AnswerContext): Answer | undefined {
  const found = ruleClause(ctx);
  if (!found) return undefined;
  const { clause, facts } = found;
  const inputs = inputsOf(ctx, facts.filter(money).flatMap((f) => [f.value, f.valueMax ?? f.value]), clause.text);
  const c = rankRule(ctx, facts, inputs) ?? excessRule(ctx, clause, facts, inputs) ?? ratioRule(ctx, facts, inputs) ?? stepRule(ctx, facts) ?? countRule(ctx, facts, inputs) ?? yearRule(ctx, facts, inputs);
  if (!c) return undefined;
  const doc = ctx.kb.document(clause.docId)!;
  const quote = c.computation.rule;
  // Never show a computation that does not check out.
  if (!checkComputation(c.computation, clause.text, ctx.text)) return undefined;
  const shown = formatComputation(c.computation);
  return {
    answer: joinLines(c.head, shown, `来源：${sourceLine(doc, clause)}`, departmentsLine(clause)),
    intent: 'amount',
    citations: [citation(doc, clause, quote + (clause.lead.length ? clause.deptNote : ''))],
    facts: c.facts,
    departments: clause.lead.length ? { lead: clause.lead.map((d) => d.name), support: clause.support.map((d) => d.name) } : undefined,
    parts: [{ attribute: 'amount', text: c.head, stated: true, computation: shown, computed: c.computation }],
  };
}

interface Result {
  head: string;
  computation: Computation;
  facts: AmountFact[];
}

/** 从第50升到第38 against "前35名" / "提升10位以上且排名在前60名" / "下降5位以上". */
function rankRule(ctx: AnswerContext, facts: AmountFact[], inputs: Inputs): Result | undefined {
  const { rank } = inputs;
  if (!rank) return undefined;
  const { calc } = ctx.lang;
  const rose = rank.from - rank.to;
  const rules = grants(facts).filter((f) => calc.rankTop.test(f.subject) || calc.rankRise.test(f.subject));
  if (!rules.length) return undefined;
  const lines: string[] = [];
  const met: AmountFact[] = [];
  for (const f of rules) {
    const top = f.subject.match(calc.rankTop);
    const rise = f.subject.match(calc.rankRise);
    const why: string[] = [];
    let ok = true;
    if (top) {
      const inTop = rank.to <= Number(top[1]);
      why.push(`第${rank.to}名${inTop ? '在' : '不在'}前${top[1]}名内`);
      ok &&= inTop;
    }
    if (rise) {
      const enough = rose >= Number(rise[1]);
      why.push(`${rose >= 0 ? `提升${rose}位` : `下降${-rose}位`}${enough ? '，达到' : '，不足'}${rise[1]}位`);
      ok &&= enough;
    }
    if (calc.firstTime.test(f.subject) && ok) why.push('且须为首次进入');
    // A rule not met is named without its figure: that figure is not the user's.
    lines.push(`${f.subject}${ok ? `（${f.display}）` : ''}：${ok ? '符合' : '不符合'}，${why.join('；')}`);
    if (ok) met.push(f);
  }
  const best = met.filter((f) => !calc.firstTime.test(f.subject))[0] ?? met[0];
  const head = best ? `按本条规定，可获${best.qualifiers.includes('最高不超过') || best.role === 'cap' ? '最高' : ''}${best.display}。` : '按本条规定，排名变化不满足列明的奖励条件。';
  return {
    head: joinLines(head, ...lines),
    computation: { rule: [...new Set(rules.map((f) => f.sentence))].join(''), inputs: [rank.text], steps: [`${rank.from} − ${rank.to} = ${rose}`], result: String(rose) },
    facts: best ? [best] : rules,
  };
}

/** "累计超过15000元的部分…在80000元限额内据实扣除" applied to the user's 5万元. */
function excessRule(ctx: AnswerContext, clause: Clause, facts: AmountFact[], inputs: Inputs): Result | undefined {
  if (inputs.money.length !== 1) return undefined;
  const sentence = clause.sentences.find((s) => ctx.lang.calc.excess.test(s));
  if (!sentence) return undefined;
  const floorText = sentence.match(ctx.lang.calc.excess)![1].replace(/\s+/g, '');
  const floorQ = parseQuantity(floorText);
  if (!floorQ) return undefined;
  const floor = floorQ.value;
  const cap = facts.find((f) => f.role === 'cap' && money(f) && f.sentence === sentence);
  const m = inputs.money[0];
  const above = Math.max(0, m.value - floor);
  const steps = [`${m.text} − ${floorText} = ${showYuan(above, floorText)}`];
  let result = above;
  if (cap && above > cap.value) {
    steps.push(`min(${showYuan(above, floorText)}, ${cap.display}) = ${cap.display}`);
    result = cap.value;
  }
  const shown = showYuan(result, floorText);
  return {
    head: `按本条规定计算，可${/扣除/.test(sentence) ? '扣除' : '享受'}${shown}${cap ? `（限额${cap.display}）` : ''}。`,
    computation: { rule: sentence, inputs: [m.text], steps, result: shown },
    facts: cap ? [cap] : [],
  };
}

/** A ratio of the user's figure (1:1 of 国家支持资金, 50% of 失业保险费), then the cap. */
function ratioRule(ctx: AnswerContext, facts: AmountFact[], inputs: Inputs): Result | undefined {
  // The ratio applies to what the user has only when the clause takes it of money (按所获国家专项支持资金1:1, 上年度
  // 实际缴纳失业保险费的50%) and the words around the user's figure name the same: 实际利率的50% is not 50% of a loan.
  const ratio = facts.find(
    (f) =>
      f.role === 'ratio' &&
      (f.kind === 'ratio' || f.kind === 'percent') &&
      parseQuantity(f.display) !== undefined &&
      ctx.lang.calc.moneyBase.test(baseOf(f)) &&
      inputs.money.some((m) => sharesWord(baseOf(f) + f.subject, around(ctx.text, m.at, m.text.length))),
  );
  if (!ratio || !inputs.money.length) return undefined;
  const base = inputs.money.reduce((n, m) => n + m.value, 0);
  const like = inputs.money[0].text;
  const steps: string[] = [];
  let baseText = inputs.money[0].text;
  if (inputs.money.length > 1) {
    baseText = showYuan(base, like);
    steps.push(`${inputs.money.map((m) => m.text).join(' + ')} = ${baseText}`);
  }
  const r = parseQuantity(ratio.display)!.value;
  const product = base * r;
  let result = showYuan(product, like);
  steps.push(`${baseText} × ${ratio.display} = ${result}`);
  const cap = facts.find((f) => f.role === 'cap' && money(f) && f.sentence === ratio.sentence) ?? facts.find((f) => f.role === 'cap' && money(f));
  const used = [ratio];
  if (cap && product > cap.value) {
    steps.push(`min(${result}, ${cap.display}) = ${cap.display}`);
    result = cap.display;
    used.push(cap);
  } else if (cap) used.push(cap);
  const capped = cap && product > cap.value;
  return {
    head: `按本条规定计算：${result}${capped ? `（按${ratio.display}应为${showYuan(product, like)}，但受上限${cap!.display}限制）` : cap ? `（未超过上限${cap.display}）` : ''}。`,
    computation: { rule: [...new Set(used.map((f) => f.sentence))].join(''), inputs: inputs.money.map((m) => m.text), steps, result },
    facts: used,
  };
}

/** Per-recipient awards times the user's counts: 2家国家级孵化器 + 3家自治区级孵化器. */
function countRule(ctx: AnswerContext, facts: AmountFact[], inputs: Inputs): Result | undefined {
  let counts = inputs.counts.filter((c) => c.n > 0 && c.n < 10000);
  // "三个加起来": a count that is the sum of the others is their total, not another recipient.
  if (counts.length > 2) counts = counts.filter((c) => c.n !== counts.reduce((n, x) => n + x.n, 0) - c.n);
  const awards = grants(facts).filter(money);
  if (!counts.length || !awards.length || inputs.money.length) return undefined;
  // Several counts, or one of 1 (每招1人), need a total cue (一共/合计): each count phrase names its recipient.
  if ((counts.length > 1 || counts[0].n < 2) && !ctx.lang.calc.total.test(ctx.text)) return undefined;
  const picked: { n: number; unit: string; f: AmountFact }[] = [];
  for (const c of counts) {
    const level = levelOfPhrase(ctx, c.phrase);
    const own = awards.filter((f) => !level || !f.level || f.level === level);
    const pool = own.length ? own : awards;
    const best = [...pool].sort((a, b) => overlap(c.phrase, b.subject) - overlap(c.phrase, a.subject))[0];
    // Several recipients: each phrase must name its award's subject, not just share a character with it.
    if (!best || (counts.length > 1 && !level && overlap(c.phrase, best.subject) < 2)) return undefined;
    picked.push({ n: c.n, unit: c.unit, f: best });
  }
  const like = picked[0].f.display;
  const terms = picked.map((p) => `${p.n} × ${p.f.display.replace(/\/[\u4e00-\u9fa5]+$/, '')}`);
  const total = picked.reduce((n, p) => n + p.n * p.f.value, 0);
  const result = showYuan(total, like);
  const steps = picked.length === 1 ? [`${terms[0]} = ${result}`] : [...picked.map((p, i) => `${terms[i]} = ${showYuan(p.n * p.f.value, like)}`), `${picked.map((p) => showYuan(p.n * p.f.value, like)).join(' + ')} = ${result}`];
  const capWord = picked.some((p) => p.f.role === 'cap') ? '最高' : '';
  return {
    head: `按本条规定计算，合计${capWord}${result}：${picked.map((p) => `${p.f.subject}${p.n}${p.unit}，每${p.unit}${p.f.display}`).join('；')}。`,
    computation: { rule: [...new Set(picked.map((p) => p.f.sentence))].join(''), inputs: counts.map((c) => `${c.n}${c.unit}`), steps, result },
    facts: [...new Set(picked.map((p) => p.f))],
  };
}

/**
 * "每满一万人奖励一万元" applied to the user's 3万人次: the whole steps the quantity holds, times the award. The user's
 * quantity must be in the step's unit (人 ↔ 人次), so a sum of money never counts as people.
 */
function stepRule(ctx: AnswerContext, facts: AmountFact[]): Result | undefined {
  for (const bar of facts.filter((f) => f.role === 'threshold' && f.kind === 'count')) {
    const at = bar.sentence.indexOf(bar.display);
    if (at === -1 || !ctx.lang.calc.step.test(bar.sentence.slice(Math.max(0, at - 3), at))) continue;
    // The award after the step, in the same sentence (its quote may begin with the sentence naming the recipient).
    const award = grants(facts).find((f) => {
      const off = f.sentence.indexOf(bar.sentence);
      return money(f) && off !== -1 && f.sentence.indexOf(f.display, off + at + bar.display.length) !== -1;
    });
    if (!award) continue;
    const unit = bar.unit.slice(0, 1);
    const given = [...ctx.text.matchAll(/(\d+(?:\.\d+)?)\s*(万)?\s*([\u4e00-\u9fa5]{1,2})/g)].find((m) => m[3].startsWith(unit));
    if (!given) continue;
    const amount = Number(given[1]) * (given[2] ? 1e4 : 1);
    const input = `${given[1]}${given[2] ?? ''}`;
    const steps = Math.floor(amount / bar.value + 1e-9);
    const stepText = bar.value >= 1e4 && bar.value % 1e4 === 0 ? `${bar.value / 1e4}万` : String(bar.value);
    const each = showYuan(award.value, award.display);
    const result = showYuan(steps * award.value, award.display);
    const lhs = `floor(${input} ÷ ${stepText})`;
    return {
      head: steps
        ? `按本条规定计算，可获${result}：${input}${given[3]}，每满${stepText}${bar.unit}${award.form ?? '奖励'}${each}，满${steps}个${stepText}${bar.unit}。`
        : `按本条规定，${input}${given[3]}不满${stepText}${bar.unit}，达不到本条的奖励标准。`,
      computation: { rule: award.sentence, inputs: [`${input}${given[3]}`], steps: [`${lhs} = ${steps}`, `${steps} × ${each} = ${result}`], result },
      facts: [award],
    };
  }
  return undefined;
}

/** A monthly figure over a year, when the question asks for the year (一年下来能扣多少). */
function yearRule(ctx: AnswerContext, facts: AmountFact[], inputs: Inputs): Result | undefined {
  if (!ctx.lang.calc.yearWords.test(ctx.text) || inputs.money.length || inputs.counts.length) return undefined;
  const monthly = grants(facts).filter((f) => money(f) && (f.per === '月' || ctx.lang.calc.perMonth.test(f.qualifiers.join('') + f.subject)));
  if (monthly.length !== 1) return undefined;
  const f = monthly[0];
  const result = showYuan(f.value * 12, f.display);
  return {
    head: `按本条规定计算，一年为${result}（每月${f.display}）。`,
    computation: { rule: f.sentence, inputs: ['12个月'], steps: [`${f.display.replace(/\/[\u4e00-\u9fa5]+$/, '')} × 12 = ${result}`], result },
    facts: [f],
  };
}

/** The level a count's phrase names (2家国家级…、3家自治区级的). */
function levelOfPhrase(ctx: AnswerContext, phrase: string) {
  return ctx.lang.levels.find(([, re]) => re.test(phrase))?.[0];
}

/** The words a ratio is taken of: what the sentence writes just before it (按所获国家专项支持资金 | 1:1). */
function baseOf(f: AmountFact): string {
  const at = f.sentence.indexOf(f.display);
  return at === -1 ? '' : f.sentence.slice(Math.max(0, at - 8), at);
}

const around = (text: string, at: number, len: number) => text.slice(Math.max(0, at - 10), at + len + 10);

/** Whether two texts share a two-character Chinese word. */
export function sharesWord(a: string, b: string): boolean {
  for (let i = 0; i + 1 < a.length; i++) {
    const w = a.slice(i, i + 2);
    if (/^[\u4e00-\u9fa5]{2}$/.test(w) && !/的/.test(w) && b.includes(w)) return true;
  }
  return false;
}
