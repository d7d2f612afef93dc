// "我们这样的企业能拿哪些？": a question that describes the asker and asks for everything it qualifies for is answered
// by the benefit finder (src/match/), one line per item with its clause, and the one fact that would change the list
// most. The description is kept in the conversation, so "我们还备案了众创空间" refines it. Everything shown is the
// matcher's: figures from the facts' sentences (quoted) or computations that check out.
import type { AmountFact } from '../../corpus/types.js';
import type { KnowledgeBase } from '../../index/knowledge-base.js';
import { matchProfile, type MatchItem } from '../../match/match.js';
import { matchWordsOf } from '../../match/words.js';
import { citation } from '../compose.js';
import type { Focus } from '../context.js';
import type { Answer, AnswerPart } from '../types.js';

/** The profile a turn states: a new description with a "which can we get" ask, or one that adds to the last. */
export function profileOfTurn(kb: KnowledgeBase, question: string, focus?: Focus): string | undefined {
  const w = matchWordsOf(kb.lexicon);
  if (w.self.test(question) && w.ask.test(question)) return question;
  if (focus?.profile && w.refine.test(question)) return `${focus.profile}。${question}`;
  return undefined;
}

const line = (i: MatchItem, n: number) =>
  `${n}. ${i.clause}${i.subject}：${i.upTo && !/最高|不超过/.test(i.amount) ? '最高' : ''}${i.amount}${i.computation ? '（按您提供的数字计算）' : ''}${i.lead.length ? `；牵头：${i.lead.join('、')}` : ''}`;

export function answerEligibility(kb: KnowledgeBase, profile: string, docIds?: string[]): { answer: Answer; focus: Focus } | undefined {
  const r = matchProfile(kb, profile, { docIds });
  const eligible = r.items.filter((i) => i.status === 'eligible');
  const needs = r.items.filter((i) => i.status === 'needs-info');
  if (!eligible.length && !needs.length) return undefined;
  const lines: string[] = [];
  if (eligible.length) lines.push(`按您所述，可申请以下${eligible.length}项：`, ...eligible.map(line));
  else lines.push('按您所述，暂未找到条件全部满足的项目。');
  if (needs.length) lines.push(`还需确认条件的${needs.length}项：`, ...needs.slice(0, 5).map((i, k) => `${line(i, k + 1)}（${i.missing}）`));
  // On a phone the list and the next question come first; the computations and sources follow (a cut reply keeps them).
  if (r.ask) lines.push(`为更准确判断，请问：${r.ask}`);
  for (const s of r.stacking) lines.push(s.stated ? `能否同时享受：${s.note}` : `${s.note}，请向牵头部门确认。`);
  for (const i of eligible.filter((x) => x.computation)) lines.push(`${i.clause}：${i.computation}`);
  const titles = [...new Set([...eligible, ...needs].map((i) => i.docTitle))];
  lines.push(`来源：${titles.map((t) => `《${t}》`).join('、')}`);
  const shown = [...eligible, ...needs.slice(0, 5)];
  const citations = shown.map((i) => citation(kb.document(i.docId)!, kb.clause(i.docId, i.number)!, i.quote));
  const facts = shown.map((i) => kb.factsOf(i.docId, i.number).find((f) => f.id === i.factId)).filter((f): f is AmountFact => f?.type === 'amount');
  const parts: AnswerPart[] = [
    { attribute: 'eligibility', text: lines.join('\n'), stated: true },
    ...eligible.filter((i) => i.computed).map((i) => ({ attribute: 'eligibility', text: i.computation!, stated: true, computation: i.computation, computed: i.computed })),
  ];
  const first = shown[0];
  return {
    answer: { answer: lines.join('\n'), intent: 'amount', citations, facts, parts, departments: first.lead.length ? { lead: first.lead, support: first.support } : undefined },
    focus: { docId: first.docId, clause: first.number, terms: [], intent: 'amount', factIds: facts.map((f) => f.id), profile },
  };
}
