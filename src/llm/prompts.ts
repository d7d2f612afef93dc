// Prompt templates of the LLM path, built from the prompt texts (prompts/*.md). Takes strings, so a Worker can
// bundle the files and the Node entry can read them (src/node/prompts.ts); nothing here touches the file system.
import { ChatPromptTemplate } from '@langchain/core/prompts';
import type { Fact } from '../corpus/types.js';
import type { Evidence } from './evidence.js';
import { clauseRef, sourceLine } from '../qa/citation.js';

export interface PromptTexts {
  /** prompts/system.md: the rules the model answers by. */
  system: string;
  /** prompts/answer.md: question, previous, clauses, facts, draft, source. */
  answer: string;
  /** prompts/rewrite.md: previous, question. */
  rewrite: string;
}

export const PROMPT_FILES: Record<keyof PromptTexts, string> = { system: 'system.md', answer: 'answer.md', rewrite: 'rewrite.md' };

export interface Prompts {
  answer: ChatPromptTemplate;
  rewrite: ChatPromptTemplate;
}

/** A leading <!-- … --> note is for reviewers, not for the model. */
const body = (text: string) => text.replace(/^\uFEFF?\s*<!--[\s\S]*?-->\s*/, '').trim();

export function createPrompts(texts: PromptTexts): Prompts {
  return {
    answer: ChatPromptTemplate.fromMessages([
      ['system', body(texts.system)],
      ['human', body(texts.answer)],
    ]),
    rewrite: ChatPromptTemplate.fromMessages([['human', body(texts.rewrite)]]),
  };
}

/** The evidence clauses as the model reads them: heading, full text (or the quote), department note. */
export function renderClauses(evidence: Evidence): string {
  return evidence.clauses
    .map((e) =>
      [
        sourceLine({ docTitle: e.doc.title, clause: e.clause.cite, title: e.clause.title }),
        e.full ? `原文：${e.clause.text}` : `摘录：${e.quote}`,
        e.full && e.quote && e.quote !== e.clause.text ? `本题相关句：${e.quote}` : '',
        e.clause.deptNote ? `部门：${e.clause.deptNote}` : '',
      ]
        .filter(Boolean)
        .join('\n'),
    )
    .join('\n\n');
}

function factRow(f: Fact): string {
  const where = clauseRef(f.label);
  if (f.type === 'amount') {
    const extra = [...f.qualifiers, f.form].filter(Boolean).join('、');
    return `- ${where} ${f.subject}：${f.display}${extra ? `（${extra}）` : ''}`;
  }
  if (f.type === 'target') return `- ${where} 目标${f.year ? `（到${f.year}年）` : ''}：${f.subject}：${f.display}`;
  return `- ${where} ${f.measure}：${f.subject}（${f.display}）`;
}

export function renderFacts(facts: Fact[]): string {
  return facts.length ? facts.map(factRow).join('\n') : '（本题没有数字事实）';
}

export function renderPrevious(previous: string[]): string {
  return previous.length ? previous.slice(-3).map((q) => `- ${q}`).join('\n') : '（无）';
}
