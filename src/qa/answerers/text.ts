// What a clause says: its text (the full text when asked for 原文/全文, else a summary that keeps every figure).
import { clauseAnswer } from '../answer-text.js';
import { outOfScope } from '../replies.js';
import type { Answerer } from './context.js';

const FULL_TEXT = /原文|全文|具体|发(?:一下|我|过来)|完整|原话|wording|full text/i;

export const answerText: Answerer = (_ask, ctx) => {
  if (!ctx.top) return outOfScope(ctx.kb, []);
  return clauseAnswer(ctx.kb, ctx.top, FULL_TEXT.test(ctx.text));
};
