import { describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import { paramOf, parseChatRequest } from './schema.js';

describe('parseChatRequest', () => {
  it('keeps fields it does not use, so chat UIs that send them still work', () => {
    const req = parseChatRequest({ model: 'm', messages: [{ role: 'user', content: 'q', name: 'n' }], temperature: 0, stream: null });
    expect(req).toMatchObject({ temperature: 0, stream: null, messages: [{ name: 'n' }] });
  });

  it('names the first field at fault as param', () => {
    const err = (() => {
      try {
        parseChatRequest({ messages: [{ role: 'user', content: [{ type: 'text', text: 1 }] }] });
      } catch (e) {
        return e as AppError;
      }
    })();
    expect(err).toBeInstanceOf(AppError);
    expect([err!.status, err!.details?.param]).toEqual([400, 'messages[0].content']);
    expect(err!.message).toBe('messages[0].content: content must be a string or an array of content parts');
  });
});

describe('paramOf', () => {
  it('writes paths the way OpenAI error params read', () => {
    expect(paramOf(['messages', 2, 'content'])).toBe('messages[2].content');
    expect(paramOf([])).toBeNull();
  });
});
