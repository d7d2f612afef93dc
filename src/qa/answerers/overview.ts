// What a document is about: its goals when the question asks for targets, the opening chapter's clause, or an
// overview of the whole document (title, parts, goals).
import { targetAnswer } from '../answer-amount.js';
import { clauseAnswer, overviewAnswer, searchAnswer } from '../answer-text.js';
import { scoreFacts, selectFacts } from '../fact-match.js';
import { factQuery, type Answerer } from './context.js';

export const answerOverview: Answerer = (ask, ctx) => {
  const { kb, r, weighted, top } = ctx;
  const t = selectFacts(scoreFacts(kb, ctx.facts.targets, factQuery(ctx, ask)));
  if (t.length && weighted.some((w) => w.known && !w.place)) return targetAnswer(kb, t);
  const subject = r.terms.filter((w) => w.known && !w.place);
  const docId = r.docScope?.[0] ?? top?.docId ?? ctx.focus?.docId;
  if (!subject.length || !top) return overviewAnswer(kb, docId);
  // The opening chapter (总体要求: 指导思想, 基本原则, 发展目标) is the overview; a named subject elsewhere
  // ("瞪羚企业有什么政策") is a search of the clause that treats it.
  if (top.chapterNumber <= 1) return { ...clauseAnswer(kb, top, false), intent: 'overview' };
  return searchAnswer(kb, top, weighted);
};

/** Development targets (到2025年…20家). */
export const answerTarget: Answerer = (ask, ctx) => {
  const t = selectFacts(scoreFacts(ctx.kb, ctx.facts.targets, factQuery(ctx, ask)));
  return t.length ? targetAnswer(ctx.kb, t) : answerOverview(ask, ctx);
};
