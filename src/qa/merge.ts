// One answer from the parts a compound question's asks got: each part's lines in the order asked, labelled when
// there are several, then one source line for all the clauses cited and the lead department once.
import type { Ask } from './plan.js';
import type { Answer, AnswerPart, Citation } from './types.js';

const LABEL: Record<string, string> = {
  amount: '金额', cap: '上限', ratio: '比例', lead: '负责部门', support: '配合部门', departments: '负责部门', text: '原文', condition: '条件',
  sanction: '处罚', target: '目标', procedure: '申请方式', source: '资金来源', usage: '资金用途', payment: '拨付方式', deadline: '申报时间', materials: '材料', contact: '联系方式', portal: '网址',
  validity: '有效期', docinfo: '文件信息', overview: '概况', search: '相关规定',
};
const SOURCE = /^来源：/;
const DEPTS = /^(牵头：|配合部门：|转接：)/;

export function mergeAnswers(parts: { ask: Ask; answer: Answer }[]): Answer {
  const partOf = (p: { ask: Ask; answer: Answer }, text: string): AnswerPart =>
    p.answer.parts?.[0] ?? { attribute: p.ask.attribute, text, stated: true };
  if (parts.length === 1) {
    const [p] = parts;
    return { ...p.answer, parts: p.answer.parts ?? [partOf(p, p.answer.answer)] };
  }
  const lines: string[] = [];
  const sources: string[] = [];
  const depts: string[] = [];
  const citations: Citation[] = [];
  const out: AnswerPart[] = [];
  for (const p of parts) {
    const own = p.answer.answer.split('\n');
    const body = own.filter((l) => !SOURCE.test(l) && !DEPTS.test(l));
    for (const l of own) if (SOURCE.test(l) && !sources.includes(l.replace(SOURCE, ''))) sources.push(l.replace(SOURCE, ''));
    for (const l of own) if (DEPTS.test(l) && !depts.includes(l)) depts.push(l);
    const label = p.ask.level ? `${LABEL[p.ask.attribute] ?? p.ask.attribute}` : LABEL[p.ask.attribute] ?? p.ask.attribute;
    // Two asks of one attribute (two levels) need no label of their own: their lines say which is which.
    const same = parts.filter((x) => x.ask.attribute === p.ask.attribute).length > 1;
    // A line an earlier part already gave (both questions hit the same figure) is not repeated.
    const said = lines.flatMap((x) => x.split('\n').map((l) => l.replace(/^【[^】]+】/, '')));
    const text = body.filter((l) => !said.includes(l.replace(/^【[^】]+】/, ''))).join('\n');
    if (!text) continue;
    // A part that is itself a compound answer carries its own labels.
    lines.push(same || text.startsWith('【') ? text : `【${label}】${text}`);
    out.push(partOf(p, text));
    for (const c of p.answer.citations) {
      const have = citations.find((x) => x.docId === c.docId && x.number === c.number);
      if (!have) citations.push({ ...c });
      else if (!have.quote.includes(c.quote)) have.quote += c.quote;
    }
  }
  const facts = [...new Map(parts.flatMap((p) => p.answer.facts).map((f) => [f.id, f])).values()];
  const dept = parts.find((p) => p.answer.intent === 'department' && p.answer.departments)?.answer.departments ?? parts.find((p) => p.answer.departments)?.answer.departments;
  const headline = parts.find((p) => p.answer.intent !== 'out_of_scope') ?? parts[0];
  return {
    answer: [...lines, sources.length ? `来源：${sources.join('；')}` : '', ...depts.filter((d) => !parts.some((p) => p.answer.intent === 'department') || !/^牵头：/.test(d))]
      .filter(Boolean)
      .join('\n'),
    intent: headline.answer.intent,
    parts: out,
    citations,
    facts,
    departments: dept,
  };
}
