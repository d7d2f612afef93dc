import { describe, expect, it, vi } from 'vitest';
import type { Answer, AskFn } from '../../qa/types.js';
import { createDedupeStore } from '../kit/dedupe.js';
import { createMessageHandler, plan } from './handler.js';
import { TEXTS } from '../kit/texts.js';

const base = { ToUserName: 'gh_acct', FromUserName: 'oUser', CreateTime: '1700000000' };
const answerOf = (text: string): Answer => ({ answer: text, intent: 'search', citations: [], facts: [] });
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function setup(ask: AskFn, replyDeadlineMs = 1000) {
  const onError = vi.fn();
  const handle = createMessageHandler({ ask, channel: 'wechat', maxBytes: 2000, replyDeadlineMs, dedupe: createDedupeStore(), onError });
  return { handle, onError };
}

describe('plan', () => {
  it('asks for text and recognised voice, answers the rest itself', () => {
    expect(plan({ MsgType: 'text', Content: ' 给多少钱？ ' })).toEqual({ question: '给多少钱？' });
    expect(plan({ MsgType: 'text', Content: '  ' })).toEqual({ text: TEXTS.emptyQuestion });
    expect(plan({ MsgType: 'voice', Recognition: '土地归谁管' })).toEqual({ question: '土地归谁管' });
    expect(plan({ MsgType: 'voice', Recognition: '' })).toEqual({ text: TEXTS.voiceUnrecognized });
    expect(plan({ MsgType: 'voice' })).toEqual({ text: TEXTS.voiceUnrecognized });
    expect(plan({ MsgType: 'event', Event: 'subscribe' })).toEqual({ text: TEXTS.welcome });
    expect(plan({ MsgType: 'event', Event: 'unsubscribe' })).toEqual({ text: '' });
    expect(plan({ MsgType: 'event', Event: 'LOCATION' })).toEqual({ text: '' });
    expect(plan({ MsgType: 'event', Event: 'CLICK', EventKey: 'k' })).toEqual({ text: TEXTS.textOnly });
    for (const t of ['image', 'location', 'link', 'video', 'shortvideo', 'weird']) {
      expect(plan({ MsgType: t })).toEqual({ text: TEXTS.textOnly });
    }
  });
});

describe('createMessageHandler', () => {
  it('passes the question and a per-user session to ask and formats the answer', async () => {
    const ask = vi.fn(async () => answerOf('**100万元**。'));
    const { handle } = setup(ask);
    expect(await handle({ ...base, MsgType: 'text', Content: '多少钱', MsgId: '1' })).toBe('100万元。');
    expect(ask).toHaveBeenCalledWith('多少钱', expect.objectContaining({ channelUser: 'wechat:gh_acct:oUser' }));
  });

  it('turns an engine failure into an apology, logged once', async () => {
    const ask = vi.fn(async () => {
      throw new Error('index missing');
    });
    const { handle, onError } = setup(ask);
    const msg = { ...base, MsgType: 'text', Content: '多少钱', MsgId: '2' };
    expect(await Promise.all([handle(msg), handle(msg)])).toEqual([TEXTS.failed, TEXTS.failed]);
    expect(onError).toHaveBeenCalledTimes(1);
  });

  it('sends the pending hint at the deadline and keeps the work alive via waitUntil', async () => {
    const ask = vi.fn(async () => {
      await sleep(150);
      return answerOf('迟到的答案。');
    });
    const { handle } = setup(ask, 30);
    const waitUntil = vi.fn();
    const msg = { ...base, MsgType: 'text', Content: '慢问题', MsgId: '3' };
    expect(await handle(msg, { waitUntil })).toBe(TEXTS.pending);
    expect(waitUntil).toHaveBeenCalledTimes(1);
    await waitUntil.mock.calls[0]![0];
    expect(await handle(msg)).toBe('迟到的答案。');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('treats a resend (new MsgId) as a new message, never handing it a reply made for other words or another turn', async () => {
    const ask = vi.fn(async (q: string) => answerOf(`答：${q}（第${ask.mock.calls.length}次）。`));
    const { handle } = setup(ask);
    expect(await handle({ ...base, MsgType: 'text', Content: '问题', MsgId: '10' })).toBe('答：问题（第1次）。');
    expect(await handle({ ...base, MsgType: 'text', Content: '问题', MsgId: '10' })).toBe('答：问题（第1次）。'); // retry
    expect(await handle({ ...base, MsgType: 'text', Content: '问题', MsgId: '11' })).toBe('答：问题（第2次）。');
    // Another user's message with the same MsgId in another account is not this one.
    await handle({ ...base, ToUserName: 'gh_other', MsgType: 'text', Content: '问题', MsgId: '11' });
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('keys messages without MsgId by sender and CreateTime', async () => {
    const ask = vi.fn(async (q: string) => answerOf(`答：${q}。`));
    const { handle } = setup(ask);
    const voice = { ...base, MsgType: 'voice', Recognition: '语音问题' };
    await handle(voice);
    await handle(voice);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
