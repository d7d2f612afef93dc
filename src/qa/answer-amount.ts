// Amount answers: the figures come from the fact table only, each with its subject and qualifiers.
import type { AmountFact, Clause, TargetFact } from '../corpus/types.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { amountLine, citation, departmentsLine, joinLines, quoteOf, sourceLine, targetLine } from './compose.js';
import type { ScoredFact } from './fact-match.js';
import type { Answer } from './types.js';

/** One citation per clause, most relevant clause first; the department note joins the quote it backs. */
function citationsFor(kb: KnowledgeBase, facts: (AmountFact | TargetFact)[], withDepartments: boolean) {
  const byClause = new Map<string, (AmountFact | TargetFact)[]>();
  for (const f of facts) byClause.set(`${f.docId}#${f.clause}`, [...(byClause.get(`${f.docId}#${f.clause}`) ?? []), f]);
  return [...byClause.values()].map((fs) => {
    const clause = kb.clause(fs[0].docId, fs[0].clause)!;
    const doc = kb.document(clause.docId)!;
    return citation(doc, clause, quoteOf(fs) + (withDepartments ? clause.deptNote : ''));
  });
}

function sources(kb: KnowledgeBase, clauses: Clause[]): string {
  return `来源：${clauses.map((c) => sourceLine(kb.document(c.docId)!, c)).join('；')}`;
}

export function amountAnswer(kb: KnowledgeBase, picked: ScoredFact<AmountFact>[]): Answer {
  const facts = picked.map((p) => p.fact);
  // The most relevant fact's clause leads; the others follow in document order.
  const first = picked.reduce((a, b) => (b.score > a.score ? b : a)).fact;
  const ordered = [...facts.filter((f) => f.clause === first.clause), ...facts.filter((f) => f.clause !== first.clause)];
  const clauses = [...new Map(ordered.map((f) => [`${f.docId}#${f.clause}`, kb.clause(f.docId, f.clause)!])).values()];
  const deptClauses = clauses.filter((c) => c.lead.length);
  const body =
    ordered.length === 1
      ? `${amountLine(ordered[0])}。`
      : `共有${ordered.length}项相关规定：\n${ordered.map((f, i) => `${i + 1}. ${amountLine(f)}`).join('\n')}`;
  const depts = deptClauses.map((c) => (clauses.length > 1 ? `${c.cite}${departmentsLine(c)}` : departmentsLine(c)));
  return {
    answer: joinLines(body, sources(kb, clauses), ...depts),
    intent: 'amount',
    citations: citationsFor(kb, ordered, deptClauses.length > 0),
    facts: ordered,
    departments: deptClauses[0] ? { lead: deptClauses[0].lead.map((d) => d.name), support: deptClauses[0].support.map((d) => d.name) } : undefined,
  };
}

export function targetAnswer(kb: KnowledgeBase, picked: ScoredFact<TargetFact>[]): Answer {
  const facts = picked.map((p) => p.fact);
  const lines = [...new Set(facts.map(targetLine))];
  const clauses = [...new Map(facts.map((f) => [`${f.docId}#${f.clause}`, kb.clause(f.docId, f.clause)!])).values()];
  return {
    answer: joinLines(lines.length === 1 ? `${lines[0]}。` : lines.map((l, i) => `${i + 1}. ${l}`).join('\n'), sources(kb, clauses)),
    intent: 'overview',
    citations: citationsFor(kb, facts, false),
    facts,
  };
}
