// The optional LLM writer (off by default): an OpenAI-compatible chat model rephrases the rules answer from the
// cited clauses and fact rows, and a grounding guard decides whether its text may replace the rules answer.
// Late, failed or unbacked drafts never reach the user: the rules answer does, with the reason in `guard`.
import type { Config } from '../config.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { Answer, AnswerWriter } from '../qa/types.js';
import { complete, createChatModel } from './chat.js';
import { buildEvidence } from './evidence.js';
import { extractFigures } from './figures.js';
import { unbackedMentions, withSourceLine } from './guard.js';
import { createPrompts, renderClauses, renderFacts, renderPrevious, type PromptTexts } from './prompts.js';

export interface LlmWriterDeps {
  kb: KnowledgeBase;
  llm: NonNullable<Config['llm']>;
  /** The prompt files' texts (readPromptFiles() in Node, bundled strings in a Worker). */
  prompts: PromptTexts;
  /** Stream completions (default true; a stream that stops without a finish reason counts as cut). */
  stream?: boolean;
  temperature?: number;
  maxTokens?: number;
}

export interface LlmWriter extends AnswerWriter {
  rewrite(input: { question: string; previous: string[]; deadlineMs: number }): Promise<string | undefined>;
}

/** Intents whose answers the model may phrase; greetings and out-of-scope replies stay fixed. */
const WRITTEN = new Set(['amount', 'department', 'clause', 'overview', 'search']);

export function createLlmWriter(deps: LlmWriterDeps): LlmWriter {
  const { kb } = deps;
  const stream = deps.stream ?? true;
  const model = createChatModel({ ...deps.llm, stream, temperature: deps.temperature, maxTokens: deps.maxTokens });
  const prompts = createPrompts(deps.prompts);
  const rules = (a: Answer, guard?: string): Answer => ({ ...a, generatedBy: 'rules', ...(guard ? { guard } : {}) });

  return {
    async write({ question, rules: draft, history, deadlineMs }) {
      if (!WRITTEN.has(draft.intent) || !draft.citations.length) return rules(draft);
      const evidence = buildEvidence(kb, draft, question);
      const messages = await prompts.answer.formatMessages({
        question,
        previous: renderPrevious((history ?? []).filter((t) => t.role === 'user').map((t) => t.content)),
        clauses: renderClauses(evidence),
        facts: renderFacts(evidence.facts),
        draft: draft.answer,
        source: evidence.source,
      });
      const res = await complete(model, messages, deadlineMs, stream);
      if (!res.ok) return rules(draft, res.reason);
      const text = withSourceLine(res.text, evidence.source);
      const unbacked = unbackedMentions(text, evidence, kb.departments, { amountsFromDraft: draft.intent === 'amount' });
      if (unbacked.length) return rules(draft, `unbacked: ${unbacked.join(', ')}`);
      // The model phrases; it never changes what the answer cites or which facts it used.
      return { ...draft, answer: text, generatedBy: 'llm' };
    },

    async rewrite({ question, previous, deadlineMs }) {
      if (!previous.length) return undefined;
      const messages = await prompts.rewrite.formatMessages({ question, previous: renderPrevious(previous) });
      const res = await complete(model, messages, deadlineMs, stream);
      if (!res.ok) return undefined;
      const line = res.text
        .replace(/<think>[\s\S]*?<\/think>/g, '')
        .trim()
        .split('\n')[0]
        .replace(/^(改写后?的?问题|问题)[：:]\s*/, '')
        .replace(/^["“'‘]|["”'’]$/g, '')
        .trim();
      if (!line || line.length > 120 || line === question) return undefined;
      // A rewrite may restate the conversation, never add a figure the user did not write.
      const said = new Set(extractFigures([question, ...previous].join('\n')).map((f) => f.key));
      if (extractFigures(line).some((f) => !said.has(f.key))) return undefined;
      return line;
    },
  };
}
