// What every answerer gets: the question as prepared and resolved, its ask, the ranked clauses of the documents it
// is about, and the knowledge base. An answerer returns an Answer for its ask, or undefined when it has nothing
// (the engine then says the attribute is not stated, or falls back to a search of the best clause).
import type { AmountFact, Clause, SanctionFact, TargetFact } from '../../corpus/types.js';
import type { KnowledgeBase } from '../../index/knowledge-base.js';
import type { Focus, Resolved } from '../context.js';
import type { FactQuery } from '../fact-match.js';
import type { Language } from '../language.js';
import type { Ask, Plan } from '../plan.js';
import type { ClauseHit } from '../retrieve.js';
import type { Term } from '../terms.js';
import type { Answer } from '../types.js';

export interface AnswerContext {
  kb: KnowledgeBase;
  lang: Language;
  /** The prepared question text. */
  text: string;
  r: Resolved;
  plan: Plan;
  /** The question's terms and the focus's, the latter weighing half. */
  weighted: Term[];
  /** Clause hits of the documents the question is about, best first. */
  hits: ClauseHit[];
  /** Clause keys (docId#number) in rank order, the focus clause first when a follow-up prefers it. */
  rank: string[];
  /** The clause the question names or points at (第九条, 这条). */
  target?: Clause;
  /** The best clause: the target, or the best hit. */
  top?: Clause;
  focus?: Focus;
  facts: { amounts: AmountFact[]; targets: TargetFact[]; sanctions: SanctionFact[] };
  /** The department the question names (any alias), if any. */
  department?: string;
  /** The date validity is judged on (YYYY-MM-DD). */
  asOf: string;
}

/** One attribute's answerer. */
export type Answerer = (ask: Ask, ctx: AnswerContext) => Answer | undefined;

/** The fact query an ask makes: the question's terms, its level, the clause ranking and any named clause. */
export function factQuery(ctx: AnswerContext, ask: Ask): FactQuery {
  return {
    terms: ctx.weighted,
    level: ask.level ?? ctx.r.level,
    clauseRank: ctx.rank,
    clauses: ctx.target ? [`${ctx.target.docId}#${ctx.target.number}`] : undefined,
    docs: ctx.r.docScope,
    figures: ctx.r.figures,
  };
}
