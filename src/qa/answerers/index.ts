// The attribute table: one row per attribute a question can ask, naming its answerer and the intent its answer
// reports. A new attribute is one answerer file and one row here.
import type { Attribute } from '../language.js';
import type { Intent } from '../types.js';
import { answerAmount } from './amount.js';
import type { Answerer } from './context.js';
import { answerDepartment } from './department.js';
import { answerOverview, answerTarget } from './overview.js';
import { answerSanction } from './sanction.js';
import { answerSearch } from './search.js';
import { answerStated } from './stated.js';
import { answerText } from './text.js';
import { answerDocinfo, answerValidity } from './validity.js';

export interface AttributeTraits {
  answer: Answerer;
  /** The `intent` an answer to this attribute carries. */
  intent: Intent;
  /** An LLM may rephrase the answer (rules answers with quotes); never for refusals. */
  rephrase: boolean;
}

export const ATTRIBUTE_TABLE: Record<Attribute, AttributeTraits> = {
  amount: { answer: answerAmount, intent: 'amount', rephrase: true },
  cap: { answer: answerAmount, intent: 'amount', rephrase: true },
  ratio: { answer: answerAmount, intent: 'amount', rephrase: true },
  lead: { answer: answerDepartment, intent: 'department', rephrase: true },
  support: { answer: answerDepartment, intent: 'department', rephrase: true },
  departments: { answer: answerDepartment, intent: 'department', rephrase: true },
  text: { answer: answerText, intent: 'clause', rephrase: true },
  condition: { answer: answerStated, intent: 'search', rephrase: true },
  sanction: { answer: answerSanction, intent: 'search', rephrase: true },
  target: { answer: answerTarget, intent: 'overview', rephrase: true },
  procedure: { answer: answerStated, intent: 'search', rephrase: true },
  deadline: { answer: answerStated, intent: 'search', rephrase: true },
  materials: { answer: answerStated, intent: 'search', rephrase: true },
  contact: { answer: answerStated, intent: 'search', rephrase: true },
  portal: { answer: answerStated, intent: 'search', rephrase: true },
  source: { answer: answerStated, intent: 'search', rephrase: true },
  usage: { answer: answerStated, intent: 'search', rephrase: true },
  payment: { answer: answerStated, intent: 'search', rephrase: true },
  validity: { answer: answerValidity, intent: 'search', rephrase: false },
  docinfo: { answer: answerDocinfo, intent: 'search', rephrase: false },
  overview: { answer: answerOverview, intent: 'overview', rephrase: true },
  search: { answer: answerSearch, intent: 'search', rephrase: true },
};
