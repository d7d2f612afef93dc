// What the best clause says about the question's subject: its best-matching sentences, quoted.
import { searchAnswer } from '../answer-text.js';
import { outOfScope } from '../replies.js';
import type { Answerer } from './context.js';

export const answerSearch: Answerer = (_ask, ctx) => {
  if (!ctx.top) return outOfScope(ctx.kb, []);
  return searchAnswer(ctx.kb, ctx.top, ctx.weighted);
};
