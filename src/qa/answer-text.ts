// Department, clause, overview and search answers: built from clause text and department notes.
import type { Clause } from '../corpus/types.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { citation, departmentsLine, joinLines, sourceLine } from './compose.js';
import { hasTerm, type Term } from './terms.js';
import type { Answer } from './types.js';

const names = (c: Clause, k: 'lead' | 'support') => c[k].map((d) => d.name);

export function departmentAnswer(kb: KnowledgeBase, clause: Clause, asked?: string, quoteSentences: string[] = []): Answer {
  const doc = kb.document(clause.docId)!;
  const src = sourceLine(doc, clause);
  if (!clause.lead.length) {
    return {
      answer: joinLines(`${src}没有列明牵头和配合部门。`, `来源：${src}`),
      intent: 'department',
      citations: [citation(doc, clause, clause.sentences[0] ?? clause.text)],
      facts: [],
    };
  }
  const lead = names(clause, 'lead').join('、');
  let first = `由${lead}牵头。`;
  if (asked) {
    const key = kb.departments.resolve(asked, doc.deptContext)?.key ?? asked;
    if (clause.lead.some((d) => d.key === key)) first = `是的，由${lead}牵头。`;
    else if (clause.support.some((d) => d.key === key)) first = `不是。${clause.support.find((d) => d.key === key)!.name}是配合部门，牵头的是${lead}。`;
    else first = `不是，由${lead}牵头。`;
  }
  const support = names(clause, 'support');
  return {
    answer: joinLines(first, support.length ? `配合部门：${support.join('、')}。` : '', `来源：${src}`),
    intent: 'department',
    citations: [citation(doc, clause, quoteSentences.join('') + clause.deptNote)],
    facts: [],
    departments: { lead: names(clause, 'lead'), support },
  };
}

export function clauseAnswer(kb: KnowledgeBase, clause: Clause, full: boolean): Answer {
  const doc = kb.document(clause.docId)!;
  const text = full || clause.text.length <= 220 ? clause.text : summary(clause);
  const depts = departmentsLine(clause);
  return {
    answer: joinLines(`${sourceLine(doc, clause)}：`, text, depts),
    intent: 'clause',
    citations: [citation(doc, clause, clause.text + clause.deptNote)],
    facts: [],
    departments: clause.lead.length ? { lead: names(clause, 'lead'), support: names(clause, 'support') } : undefined,
  };
}

/** First sentence plus every sentence that carries a figure, so a summary never drops an amount. */
function summary(clause: Clause): string {
  const keep = clause.sentences.filter((s, i) => i === 0 || /\d/.test(s));
  const text = keep.join('');
  return keep.length < clause.sentences.length ? `${text}……（全文可问“${clause.cite}原文”）` : text;
}

/** The sentences of a clause that best match the question's terms, in text order. */
export function bestSentences(clause: Clause, terms: Term[], max = 2): string[] {
  // Characters of unmatched terms break ties, so "排末位" still finds the sentence about 末2位.
  const chars = [...new Set(terms.flatMap((t) => [...t.text]).filter((c) => /[\u4e00-\u9fa5]/.test(c)))];
  const scored = clause.sentences.map((s, i) => ({
    s,
    i,
    score: terms.reduce((a, t) => a + (hasTerm(s, t) ? t.weight : 0), 0) + chars.filter((c) => s.includes(c)).length * 0.1,
  }));
  const top = scored.filter((x) => x.score > 0).sort((a, b) => b.score - a.score || a.i - b.i).slice(0, max);
  return (top.length ? top : scored.slice(0, 1)).sort((a, b) => a.i - b.i).map((x) => x.s);
}

export function searchAnswer(kb: KnowledgeBase, clause: Clause, terms: Term[], note?: string): Answer {
  const doc = kb.document(clause.docId)!;
  const quote = bestSentences(clause, terms);
  const depts = departmentsLine(clause);
  return {
    answer: joinLines(note, `根据${sourceLine(doc, clause)}：`, quote.join(''), depts),
    intent: 'search',
    citations: [citation(doc, clause, quote.join('') + (depts ? clause.deptNote : ''))],
    facts: [],
    departments: clause.lead.length ? { lead: names(clause, 'lead'), support: names(clause, 'support') } : undefined,
  };
}

export function overviewAnswer(kb: KnowledgeBase, docId?: string): Answer {
  const doc = (docId && kb.document(docId)) || kb.documents[0];
  const goals = doc.clauses.find((c) => /目标/.test(c.title)) ?? doc.clauses[0];
  const top = doc.groups.filter((g) => !g.path.slice(g.label.length).length || g.path === g.label || g.path === `${g.title}/`);
  const chapters = top.map((c) => `${c.label}${c.title}`).join('；');
  const head = `${doc.region[0] && doc.region[0] !== '全国' ? `${doc.region.at(-1)}` : ''}《${doc.title}》${doc.published ? `（${doc.published.slice(0, 10)}发布）` : ''}共${top.length ? `${top.length}部分` : ''}${doc.clauses.length}条${chapters ? `：${chapters}` : ''}。`;
  const goal = goals.sentences.slice(0, 2).join('');
  return {
    answer: joinLines(head, `主要目标：${goal}`, `来源：${sourceLine(doc, goals)}`),
    intent: 'overview',
    citations: [citation(doc, goals, goal)],
    facts: [],
  };
}
