// `chat.completion.chunk` events for `stream: true`. The engine answers whole, so the chunks are cut from the
// finished text: clients that only speak streaming (most chat UIs) still get the same answer, byte for byte.
import type { Context } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Answer } from '../../qa/types.js';
import { extrasOf, type CompletionMeta, type Usage } from './format.js';

/** Characters per content delta: small enough to render progressively, few enough events to stay cheap. */
export const PIECE_CHARS = 24;

/**
 * `text` cut at line ends and then every `size` code points (never inside a surrogate pair), so that
 * `pieces(text).join('') === text`.
 */
export function pieces(text: string, size = PIECE_CHARS): string[] {
  const out: string[] = [];
  for (const line of text.match(/[^\n]*\n|[^\n]+$/g) ?? []) {
    const chars = [...line];
    for (let i = 0; i < chars.length; i += size) out.push(chars.slice(i, i + size).join(''));
  }
  return out;
}

/**
 * The chunk sequence OpenAI sends: the role first, then content deltas, then an empty delta with
 * finish_reason "stop" (carrying our citations, facts and intent), then, when asked for, a usage-only chunk.
 */
export function completionChunks(meta: CompletionMeta, answer: Answer, content: string, usage?: Usage): object[] {
  const base = { id: meta.id, object: 'chat.completion.chunk', created: meta.created, model: meta.model, system_fingerprint: null };
  // With include_usage every chunk carries `usage: null` and only the extra last one has numbers (OpenAI's contract).
  const u = usage ? { usage: null } : {};
  const choice = (delta: object, finish: 'stop' | null = null) => [{ index: 0, delta, logprobs: null, finish_reason: finish }];
  return [
    { ...base, choices: choice({ role: 'assistant', content: '', refusal: null }), ...u },
    ...pieces(content).map((p) => ({ ...base, choices: choice({ content: p }), ...u })),
    { ...base, choices: choice({}, 'stop'), ...u, ...extrasOf(answer) },
    ...(usage ? [{ ...base, choices: [], usage }] : []),
  ];
}

/** Streams `chunks` as SSE `data:` events and ends with `data: [DONE]`. */
export function sseResponse(c: Context, chunks: readonly object[]): Response {
  return streamSSE(c, async (stream) => {
    for (const chunk of chunks) {
      if (stream.aborted) return; // the client went away; nothing left to tell it
      await stream.writeSSE({ data: JSON.stringify(chunk) });
    }
    await stream.writeSSE({ data: '[DONE]' });
  });
}
