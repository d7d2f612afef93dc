// Rules applied to the user's own figures (filled in below the engine's restructuring).
import type { AmountFact } from '../../corpus/types.js';
import type { Answer } from '../types.js';
import type { AnswerContext } from './context.js';

export function computeFromRules(_ctx: AnswerContext, _facts: AmountFact[]): Answer | undefined {
  return undefined;
}
