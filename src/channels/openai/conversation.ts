// OpenAI `messages` → the question and the history the engine understands. The client owns the conversation,
// so the engine rebuilds its follow-up focus from earlier user turns instead of a server-side session.
import type { HistoryTurn } from '../../qa/types.js';
import { createError } from '../../errors.js';
import type { ChatMessage, MessageContent } from './schema.js';

/** Same limit as POST /api/ask: a policy question is short; longer text is a paste, not a question. */
export const MAX_QUESTION_CHARS = 500;

export interface Conversation {
  question: string;
  history: HistoryTurn[];
}

/** The text of a message: a string as is, or its text parts joined by newlines. */
export function textOf(content: MessageContent): string {
  if (typeof content === 'string') return content;
  if (!content) return '';
  return content.flatMap((p) => (p.type === 'text' && typeof p.text === 'string' ? [p.text] : [])).join('\n');
}

/**
 * The last message is the question and must come from the user; earlier user and assistant messages become
 * history. System, developer and tool messages are ignored: no client prompt may change what the engine answers.
 */
export function toConversation(messages: readonly ChatMessage[]): Conversation {
  const i = messages.length - 1;
  const last = messages[i]!;
  if (last.role !== 'user') {
    throw createError('BAD_REQUEST', `The last message must come from the user, not ${last.role}.`, { param: `messages[${i}].role` });
  }
  const question = textOf(last.content).trim();
  if (!question) throw createError('BAD_REQUEST', 'The question (last user message) is empty.', { param: `messages[${i}].content` });
  if (question.length > MAX_QUESTION_CHARS) {
    throw createError('BAD_REQUEST', `The question is longer than ${MAX_QUESTION_CHARS} characters.`, { param: `messages[${i}].content` });
  }
  const history: HistoryTurn[] = [];
  for (const m of messages.slice(0, i)) {
    if (m.role !== 'user' && m.role !== 'assistant') continue;
    const content = textOf(m.content).trim();
    if (content) history.push({ role: m.role, content });
  }
  return { question, history };
}
