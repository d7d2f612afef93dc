// One chat completion under a deadline. Every way it can go wrong (late, HTTP error, refused, cut stream,
// truncated) comes back as a reason string, never as a thrown error: callers fall back to the rules answer.
import type { BaseMessage } from '@langchain/core/messages';
import { ChatOpenAI } from '@langchain/openai';

export interface ChatSettings {
  baseUrl: string;
  apiKey: string;
  model: string;
  /** Stream the completion (default): a stream that ends without a finish reason is recognised as cut. */
  stream?: boolean;
  temperature?: number;
  maxTokens?: number;
}

export type ChatResult = { ok: true; text: string } | { ok: false; reason: string };

export function createChatModel(s: ChatSettings): ChatOpenAI {
  return new ChatOpenAI({
    model: s.model,
    // Local servers (Ollama, vLLM) accept any key; the client insists on a non-empty one.
    apiKey: s.apiKey || 'none',
    configuration: { baseURL: s.baseUrl },
    temperature: s.temperature ?? 0.2,
    maxTokens: s.maxTokens ?? 800,
    // `streaming` stays unset: complete() streams with .stream() (streaming: false would disable it), and
    // invoke() on a streaming model estimates tokens with tiktoken, which downloads its ranks from the network.
    // Usage chunks are an extension some compatible servers reject.
    streamUsage: false,
    // The deadline is the budget: a retry after a 429/500 would spend it waiting.
    maxRetries: 0,
  });
}

const text = (content: unknown): string =>
  typeof content === 'string'
    ? content
    : Array.isArray(content)
      ? content.map((p) => (typeof p === 'string' ? p : p?.type === 'text' ? String(p.text ?? '') : '')).join('')
      : '';

function reasonOf(e: unknown): string {
  const err = e as { status?: number; response?: { status?: number }; name?: string; message?: string; cause?: { message?: string } };
  const status = err?.status ?? err?.response?.status;
  if (typeof status === 'number') return `error: HTTP ${status}`;
  const msg = (err?.message || err?.cause?.message || String(e)).replace(/\s+/g, ' ').slice(0, 80);
  return `error: ${msg}`;
}

async function generate(model: ChatOpenAI, messages: BaseMessage[], signal: AbortSignal, stream: boolean) {
  if (!stream) {
    const msg = await model.invoke(messages, { signal });
    return { content: text(msg.content), finish: msg.response_metadata?.finish_reason as string | undefined };
  }
  let content = '';
  let finish: string | undefined;
  for await (const chunk of await model.stream(messages, { signal })) {
    content += text(chunk.content);
    finish = (chunk.response_metadata?.finish_reason as string | undefined) ?? finish;
  }
  if (signal.aborted) throw new Error('aborted');
  return { content, finish };
}

/** Calls the model; `deadlineMs` bounds the whole call, including a server that never answers. */
export async function complete(model: ChatOpenAI, messages: BaseMessage[], deadlineMs: number, stream = true): Promise<ChatResult> {
  if (!(deadlineMs > 0)) return { ok: false, reason: 'timeout' };
  const ac = new AbortController();
  let timedOut = false;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timedOut = true;
      ac.abort();
      reject(new Error('deadline'));
    }, deadlineMs);
  });
  const call = generate(model, messages, ac.signal, stream);
  call.catch(() => {}); // settled after the deadline: nobody is waiting for it any more
  try {
    const { content, finish } = await Promise.race([call, late]);
    if (finish === 'length') return { ok: false, reason: 'error: truncated (length)' };
    if (finish === 'content_filter') return { ok: false, reason: 'error: content_filter' };
    if (stream && !finish) return { ok: false, reason: 'error: cut stream' };
    const out = content.trim();
    return out ? { ok: true, text: out } : { ok: false, reason: 'error: empty' };
  } catch (e) {
    return { ok: false, reason: timedOut ? 'timeout' : reasonOf(e) };
  } finally {
    clearTimeout(timer);
    late.catch(() => {});
  }
}
