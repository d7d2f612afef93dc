// Answer → chat-completion JSON. Citations travel twice: as a 来源 line in the text every chat UI shows, and as
// structured fields (citations, facts, intent) a client may render or ignore.
import { sourceLine } from '../../qa/citation.js';
import type { Answer } from '../../qa/types.js';

export interface CompletionMeta {
  id: string;
  /** Seconds since the epoch, as OpenAI sends it. */
  created: number;
  model: string;
}

export interface Usage {
  prompt_tokens: number;
  completion_tokens: number;
  total_tokens: number;
}


/**
 * The answer text with a 来源 line guaranteed when there is something to cite. The rules engine writes one already;
 * an LLM-phrased answer might not, and a chat UI shows only the text.
 */
export function contentOf(answer: Answer): string {
  const text = answer.answer.trim();
  if (answer.citations.length === 0 || text.includes('来源：')) return text;
  const lines = [...new Set(answer.citations.map(sourceLine))];
  return `${text}\n来源：${lines.join('；')}`;
}

/** The structured extras; OpenAI clients keep unknown fields, so SDK users can read them off the response. */
export function extrasOf(answer: Answer) {
  return {
    intent: answer.intent,
    citations: answer.citations,
    facts: answer.facts,
    ...(answer.departments ? { departments: answer.departments } : {}),
  };
}

/**
 * Rough usage: one "token" per character. There is no tokenizer model here; clients only need the fields present
 * and roughly proportional (Chinese runs about one token per character anyway).
 */
export function usageOf(promptTexts: readonly string[], completion: string): Usage {
  const chars = (s: string) => [...s].length;
  const prompt = promptTexts.reduce((n, s) => n + chars(s), 0);
  const done = chars(completion);
  return { prompt_tokens: prompt, completion_tokens: done, total_tokens: prompt + done };
}

/** The non-streaming `chat.completion` object. */
export function completionBody(meta: CompletionMeta, answer: Answer, content: string, usage: Usage) {
  const extras = extrasOf(answer);
  return {
    id: meta.id,
    object: 'chat.completion' as const,
    created: meta.created,
    model: meta.model,
    choices: [
      {
        index: 0,
        message: { role: 'assistant' as const, content, refusal: null, citations: extras.citations },
        logprobs: null,
        finish_reason: 'stop' as const,
      },
    ],
    usage,
    system_fingerprint: null,
    ...extras,
  };
}
