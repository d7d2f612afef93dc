// The chat-completions request as we accept it (zod). Loose on purpose: chat UIs send temperature, max_tokens,
// tools and other fields we have no use for, and rejecting them would break those clients for nothing.
import { z } from 'zod';
import { createError } from '../../errors.js';

/** OpenAI's roles; only user and assistant carry the conversation, the others are read and ignored. */
export const ROLES = ['system', 'developer', 'user', 'assistant', 'tool', 'function'] as const;

const ContentPartSchema = z
  .looseObject({ type: z.string(), text: z.string().optional() })
  .refine((p) => p.type !== 'text' || typeof p.text === 'string', { message: 'a text part needs a text string', path: ['text'] });

/** A string, or content parts of which only `{ type: 'text' }` count (images and audio are ignored). */
export const ContentSchema = z
  .union([z.string(), z.array(ContentPartSchema).max(100)], { error: 'content must be a string or an array of content parts' })
  .nullish();

export const MessageSchema = z.looseObject({ role: z.enum(ROLES), content: ContentSchema });

export const ChatRequestSchema = z.looseObject({
  // Chat UIs send whatever model name their user configured; we answer with ours rather than 404 them.
  model: z.string().max(256).optional(),
  messages: z.array(MessageSchema).min(1, 'messages must contain at least one message').max(200),
  stream: z.boolean().nullish(),
  stream_options: z.looseObject({ include_usage: z.boolean().nullish() }).nullish(),
});

export type ChatRequest = z.infer<typeof ChatRequestSchema>;
export type ChatMessage = z.infer<typeof MessageSchema>;
export type MessageContent = z.infer<typeof ContentSchema>;

/** The request, or a 400 naming the first field at fault the way OpenAI does (`param`). */
export function parseChatRequest(body: unknown): ChatRequest {
  const result = ChatRequestSchema.safeParse(body);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const param = paramOf(issue.path);
  throw createError('BAD_REQUEST', `${param ?? 'request body'}: ${issue.message}`, { param: param });
}

/** `['messages', 2, 'content']` → `messages[2].content`. */
export function paramOf(path: readonly PropertyKey[]): string | null {
  let out = '';
  for (const key of path) out += typeof key === 'number' ? `[${key}]` : `${out ? '.' : ''}${String(key)}`;
  return out || null;
}
