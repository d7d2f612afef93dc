// How an answer names its source: one function for every channel, the console's copy text and the LLM evidence,
// so a clause is cited the same way everywhere.
import type { Citation } from './types.js';

/** The clause as its document labels it (第九条, （十四）, 4., 二、（三）1.): citations never invent a numbering style. */
export const clauseRef = (label: string) => label;

/** `《docTitle》第（十四）条「title」`: the citation as the policy office would say it aloud. */
export function sourceLine(c: Pick<Citation, 'docTitle' | 'clause' | 'title'>): string {
  const doc = c.docTitle.replace(/^《|》$/g, '');
  return `《${doc}》${clauseRef(c.clause)}${c.title ? `「${c.title}」` : ''}`;
}
