// Departments in every direction: who leads and supports a clause or subject; what a department leads and,
// separately, what it supports ("大数据发展局牵头了什么，配合了什么？"); and yes/no about a role ("是不是科技厅
// 牵头？" → 不是。牵头：…；科技厅是配合单位). Within the document the question is about; never another's.
import type { Clause } from '../../corpus/types.js';
import type { KnowledgeBase } from '../../index/knowledge-base.js';
import { bestSentences, departmentAnswer } from '../answer-text.js';
import { citation, joinLines } from '../compose.js';
import { outOfScope } from '../replies.js';
import type { Answer } from '../types.js';
import type { Answerer, AnswerContext } from './context.js';

/** The clauses a department leads and supports, in the documents in scope, by its canonical body. */
export function departmentClausesAnswer(kb: KnowledgeBase, name: string, docs: string[] | undefined, role?: 'lead' | 'support'): Answer | undefined {
  const body = kb.departments.bodyOf(name);
  const matches = (written: string, docId: string) => {
    const ctx = kb.document(docId)?.deptContext;
    const want = kb.departments.resolve(name, ctx);
    const got = kb.departments.resolve(written, ctx);
    // The level the caller names counts (市财政局 is not 区财政局); a bare name (发改委) matches any level.
    if (want && got && want.key === got.key) return true;
    const levelNamed = /^(自治区|省|市|区|县|国家|广西|广东)/.test(name);
    return !levelNamed && !!body && kb.departments.bodyOf(written) === body;
  };
  const inScope = (c: Clause) => !docs?.length || docs.includes(c.docId);
  const leads = kb.clauses.filter((c) => inScope(c) && c.lead.some((d) => matches(d.written, c.docId)));
  const supports = kb.clauses.filter((c) => inScope(c) && c.support.some((d) => matches(d.written, c.docId)));
  if (!leads.length && !supports.length) return undefined;
  const first = leads[0] ?? supports[0];
  const shown = [...first.lead, ...first.support].find((d) => matches(d.written, first.docId))!.name;
  const byDoc = new Set([...leads, ...supports].map((c) => c.docId));
  const ref = (c: Clause) => `${byDoc.size > 1 ? `《${kb.document(c.docId)!.shortTitle}》` : ''}${c.cite}${c.title ? `「${c.title}」` : ''}`;
  const list = (cs: Clause[]) => cs.map(ref).join('、');
  const docTitles = [...byDoc].map((id) => `《${kb.document(id)!.title}》`).join('、');
  const showLead = role !== 'support';
  const showSupport = role !== 'lead' || !leads.length;
  return {
    answer: joinLines(
      showLead ? (leads.length ? `${shown}牵头${leads.length}条：${list(leads)}。` : `${shown}没有牵头的条款。`) : '',
      showSupport ? (supports.length ? `${shown}配合${supports.length}条：${list(supports)}。` : `${shown}没有配合的条款。`) : '',
      `来源：${docTitles}各条的牵头/配合分工`,
    ),
    intent: 'department',
    citations: [...(showLead ? leads : []), ...(showSupport ? supports : [])].map((c) => citation(kb.document(c.docId)!, c, c.deptNote || c.sentences[0] || '')),
    facts: [],
    departments: { lead: leads.length && showLead ? [shown] : [], support: supports.length && showSupport ? [shown] : [] },
  };
}

export const answerDepartment: Answerer = (ask, ctx) => {
  const { kb, text, r, hits, target, top, department } = ctx;
  const subject = r.terms.filter((t) => !department || (!department.includes(t.text) && !t.text.includes(department.replace(/^自治区/, ''))));
  const named = subject.filter((t) => t.known && !t.place);
  // "科技厅牵头哪些" / "大数据发展局配合了什么": a department and no subject of its own is a lookup by department.
  if (department && (!named.length || ctx.lang.byDepartment.test(text)) && !target && !ask.claim) {
    const leads = ctx.lang.role.lead.test(text);
    const supports = ctx.lang.role.support.test(text);
    const role = supports && !leads ? 'support' : leads && !supports ? 'lead' : undefined;
    const a = departmentClausesAnswer(kb, department, r.docScope, role);
    if (a) return a;
  }
  const best = target ?? top;
  if (!best) return outOfScope(kb, []);
  // A clause without a note borrows from the next ranked clause of the same document only.
  const withDepts = best.lead.length ? best : (hits.map((h) => kb.clause(h.docId, h.clause)!).find((c) => c.lead.length && c.docId === best.docId) ?? best);
  if (!withDepts.lead.length) return noDepartments(ctx, withDepts);
  return departmentAnswer(kb, withDepts, ask.claim?.department, bestSentences(withDepts, subject, 1));
};

/** The document lists no department for this clause: say so, never borrow another document's. */
function noDepartments(ctx: AnswerContext, clause: Clause): Answer {
  const doc = ctx.kb.document(clause.docId)!;
  const src = `《${doc.title}》${clause.cite}${clause.title ? `「${clause.title}」` : ''}`;
  const issuer = doc.issuers.length ? `可咨询发文单位${doc.issuers.join('、')}。` : '';
  return {
    answer: joinLines(`本文件未列明${clause.cite}的牵头单位。${issuer}`, `来源：${src}`),
    intent: 'department',
    citations: [citation(doc, clause, clause.sentences[0] ?? clause.text)],
    facts: [],
  };
}
