// An award's amount for one profile, computed from the profile's own figures where the rule takes them: a ratio of
// money it received (1:1 of 国家支持资金, 50% of 失业保险费), a per-unit award times its counts (5元/人/夜 × 1200人 ×
// 2晚), a step award (每满一万人奖励一万元), each bounded by the cap of its sentence. Every computation is re-checked
// (src/qa/arith.ts) against the clause and the profile before it is shown; one that does not check out is not shown.
import type { AmountFact, Clause } from '../corpus/types.js';
import { checkComputation, formatComputation, parseQuantity, showYuan, type Computation } from '../qa/arith.js';
import { sharesWord } from '../qa/answerers/calc.js';
import type { Matcher } from './match.js';
import type { Profile, ProfileNumber } from './profile.js';

export interface Computed {
  result: string;
  yuan: number;
  upTo: boolean;
  shown: string;
  computation: Computation;
  /** Set when the figures show the rule is not met (不满一万人). */
  failed?: string;
}

const TIME = /^(?:月|年|季度|日|天)$/;
/** Characters two texts share, a latin word (SYB, GYB) counting as three. */
const share = (a: string, b: string) =>
  [...new Set(a)].filter((c) => /[\u4e00-\u9fa5]/.test(c) && b.includes(c)).length +
  3 * [...new Set(a.match(/[A-Za-z]{2,}/g) ?? [])].filter((w) => b.toUpperCase().includes(w.toUpperCase())).length;

/** The profile's number in a unit (or an alias), the one said with the rule's event or sharing most of its words. */
export function numberIn(m: Matcher, profile: Profile, unit: string, words: string, used: Set<ProfileNumber>, money = false): ProfileNumber | undefined {
  const units = new Set([unit, ...(m.words.unitAliases[unit] ?? [])]);
  const same = profile.numbers.filter((n) => !used.has(n) && (money ? n.unit === '元' : units.has(n.unit)));
  // The number said with the rule's own event (新招了22个 for 招用…每增加1人) before one that only shares words.
  const events = Object.entries(m.words.eventAliases).filter(([e]) => words.includes(e)).flatMap(([, forms]) => forms);
  const score = (n: ProfileNumber) => share(words, n.before) + (events.some((e) => n.before.includes(e)) ? 10 : 0);
  return [...same].sort((a, b) => score(b) - score(a))[0];
}

/** What an award is per: its own unit (5元/人/夜), or the unit written before it (每块奖励1万元). */
function perOf(m: Matcher, f: AmountFact): string | undefined {
  if (f.per) return f.per;
  const at = f.sentence.indexOf(f.display);
  return at === -1 ? undefined : f.sentence.slice(Math.max(0, at - 6), at).match(m.words.perUnit)?.[1];
}

/** The figure as an operand of a step: 5元/人/夜 → 5元, 1:1 stays. */
const operand = (display: string) => display.replace(/\/[\u4e00-\u9fa5/]+$/, '');

export function computeAmount(m: Matcher, f: AmountFact, capOfSentence: AmountFact | undefined, profile: Profile, clause: Clause): Computed | undefined {
  let cap = capOfSentence;
  const ruleValues = new Set([f.value, f.valueMax, cap?.value, ...(f.rule?.thresholds ?? []).map((t) => t.value)]);
  let c: { steps: string[]; inputs: string[]; value: number; like: string } | undefined;
  const per = perOf(m, f);
  let failed: string | undefined;
  if (f.role === 'ratio' && (f.kind === 'ratio' || f.kind === 'percent')) {
    // What the ratio is of: the words just before it, or the clause's words before its sentence (属于地方留用的土地价款…：
    // 三星级按60%、四星级按80%…).
    const at = f.sentence.indexOf(f.display);
    const near = f.sentence.slice(Math.max(0, at - 10), at);
    const lead = clause.text.slice(0, Math.max(0, clause.text.indexOf(f.sentence))).slice(-40);
    const base = m.lang.calc.moneyBase.test(near) ? near : lead;
    const r = parseQuantity(f.display);
    if (r && m.lang.calc.moneyBase.test(base)) {
      // The profile's money that the base names (土地价款是500万), when the base is the clause's lead-in.
      // The profile's money that the base names: 国家支持资金1500万元 for 所获国家专项支持资金的1:1, 土地价款是500万 for
      // the clause's 土地价款 (a loan the profile has heard of is not the interest a 50% subsidy is of).
      const money = profile.numbers.filter((n) => n.unit === '元' && !ruleValues.has(n.value) && sharesWord(`${base}${f.rule?.who ?? ''}`, n.before));
      if (money.length) {
        const sum = money.reduce((n, x) => n + x.value, 0);
        const like = money[0].raw;
        const steps: string[] = [];
        let baseText = money[0].raw;
        if (money.length > 1) {
          baseText = showYuan(sum, like);
          steps.push(`${money.map((x) => x.raw).join(' + ')} = ${baseText}`);
        }
        const value = sum * r.value;
        steps.push(`${baseText} × ${f.display} = ${showYuan(value, like)}`);
        c = { steps, inputs: money.map((x) => x.raw), value, like };
      }
    }
  } else if (f.kind === 'money' && f.role === 'cap' && m.words.excess.test(f.sentence)) {
    // 超过15000元的部分…在80000元限额内: the profile's figure above the floor, within the cap.
    const floorText = f.sentence.match(m.words.excess)![1].replace(/\s+/g, '');
    const floor = parseQuantity(floorText);
    const given = profile.numbers.filter((n) => n.unit === '元' && !ruleValues.has(n.value));
    if (floor && given.length === 1) {
      const n = given[0];
      const above = Math.max(0, n.value - floor.value);
      c = { steps: [`${n.raw} − ${floorText} = ${showYuan(above, floorText)}`], inputs: [n.raw], value: above, like: floorText };
      if (!above) failed = `${n.raw}未超过${floorText}`;
      cap = f;
    }
  } else if (f.kind === 'money' && per && !TIME.test(per)) {
    const used = new Set<ProfileNumber>();
    const counts: ProfileNumber[] = [];
    for (const unit of per.split('/')) {
      const n = numberIn(m, profile, unit, f.sentence, used);
      if (!n) return undefined;
      used.add(n);
      counts.push(n);
    }
    const value = counts.reduce((n, x) => n * x.value, f.value);
    const nums = counts.map((x) => String(x.value));
    c = { steps: [`${operand(f.display)} × ${nums.join(' × ')} = ${showYuan(value, f.display)}`], inputs: counts.map((x) => x.raw), value, like: f.display };
  } else if (f.kind === 'money') {
    // 每满一万人奖励一万元: a count bar just after a step word, before the award, in the award's sentence.
    const bar = (f.rule?.thresholds ?? []).find((t) => {
      const at = f.sentence.indexOf(t.display);
      return at !== -1 && m.words.step.test(f.sentence.slice(Math.max(0, at - 3), at)) && f.sentence.indexOf(f.display, at + t.display.length) !== -1;
    });
    if (bar) {
      const n = numberIn(m, profile, bar.unit, f.sentence, new Set());
      if (n) {
        const k = Math.floor(n.value / bar.value + 1e-9);
        const input = n.raw.replace(/[^\d.万亿]+$/, '');
        const stepText = bar.value >= 1e4 && bar.value % 1e4 === 0 ? `${bar.value / 1e4}万` : String(bar.value);
        const value = k * f.value;
        if (!k) failed = `${n.raw}不满${bar.display}`;
        c = { steps: [`floor(${input} ÷ ${stepText}) = ${k}`, `${k} × ${showYuan(f.value, f.display)} = ${showYuan(value, f.display)}`], inputs: [n.raw], value, like: f.display };
      }
    }
  }
  if (!c) return undefined;
  let value = c.value;
  let upTo = f.role === 'cap';
  if (cap && cap.kind === 'money') {
    upTo = true;
    if (value > cap.value) {
      const prev = showYuan(c.value, c.like);
      c.steps.push(`min(${prev}, ${cap.display}) = ${cap.display}`);
      value = cap.value;
    }
  }
  const result = c.steps.at(-1)!.split(/\s*=\s*/)[1];
  const rule = [...new Set([f.sentence, cap?.sentence].filter(Boolean))].join('');
  const computation: Computation = { rule, inputs: c.inputs, steps: c.steps, result };
  // Never show a computation that does not check out against the clause and the profile.
  if (!checkComputation(computation, `${clause.text}${rule}`, profile.text)) return undefined;
  return { result, yuan: value, upTo, shown: formatComputation(computation), computation, failed };
}
