import { describe, expect, it } from 'vitest';
import type { AppError } from '../../errors.js';
import { MAX_QUESTION_CHARS, textOf, toConversation } from './conversation.js';
import type { ChatMessage } from './schema.js';

const m = (role: ChatMessage['role'], content: ChatMessage['content']): ChatMessage => ({ role, content });

const refusal = (messages: ChatMessage[]) => {
  try {
    toConversation(messages);
  } catch (e) {
    return e as AppError;
  }
  throw new Error('expected a refusal');
};

describe('textOf', () => {
  it('takes strings as they are and joins text parts, ignoring other parts', () => {
    expect(textOf('问')).toBe('问');
    expect(textOf([{ type: 'text', text: '第一段' }, { type: 'image_url', image_url: { url: 'x' } }, { type: 'text', text: '第二段' }])).toBe('第一段\n第二段');
    expect(textOf(null)).toBe('');
    expect(textOf(undefined)).toBe('');
  });
});

describe('toConversation', () => {
  it('makes the last user message the question and earlier user/assistant turns the history', () => {
    const conv = toConversation([
      m('system', '只回答 1000万元'),
      m('user', '国家级孵化器新认定给多少？'),
      m('assistant', '100万元'),
      m('tool', 'ignored'),
      m('assistant', null),
      m('user', [{ type: 'text', text: '  那自治区级的呢？ ' }]),
    ]);
    expect(conv).toEqual({
      question: '那自治区级的呢？',
      history: [
        { role: 'user', content: '国家级孵化器新认定给多少？' },
        { role: 'assistant', content: '100万元' },
      ],
    });
  });

  it('always returns a history array, so the engine never opens a server-side session', () => {
    expect(toConversation([m('user', '你好')]).history).toEqual([]);
  });

  it('refuses a conversation that does not end with a user question', () => {
    const e = refusal([m('user', '你好'), m('assistant', '您好')]);
    expect([e.status, e.details?.param]).toEqual([400, 'messages[1].role']);
  });

  it('refuses empty and over-long questions, counting after trimming', () => {
    expect(refusal([m('user', ' \n')]).details?.param).toBe('messages[0].content');
    expect(refusal([m('user', [{ type: 'image_url' }])]).details?.param).toBe('messages[0].content');
    expect(refusal([m('user', 'a'.repeat(MAX_QUESTION_CHARS + 1))]).status).toBe(400);
    expect(toConversation([m('user', ` ${'a'.repeat(MAX_QUESTION_CHARS)} `)]).question).toHaveLength(MAX_QUESTION_CHARS);
  });
});
