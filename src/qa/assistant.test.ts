import { describe, expect, it } from 'vitest';
import { MemorySessionStore } from './sessions.js';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import { createAssistant } from './assistant.js';
import { createEngine } from './engine.js';

const kb = seedKnowledgeBase();
const engine = createEngine(kb);

describe('assistant sessions', () => {
  it('starts a session when none is given and continues it when it is', async () => {
    let n = 0;
    const a = createAssistant({ engine, sessions: new MemorySessionStore(), newId: () => `id${++n}` });
    const first = await a.ask('获批国家高新区给多少经费');
    expect(first.sessionId).toBe('id1');
    const second = await a.ask('自治区级的呢？', { sessionId: 'id1' });
    expect(second.facts.map((f) => f.display)).toEqual(['800万元']);
    expect(second.citations[0].number).toBe(5);
  });

  it('treats an expired session as new: a new id, the expired notice, no stale focus', async () => {
    let now = 0;
    const sessions = new MemorySessionStore({ now: () => now });
    const a = createAssistant({ engine, sessions, now: () => now });
    const first = await a.ask('国家级孵化器新认定给多少？');
    now += 31 * 60 * 1000;
    const late = await a.ask('这条谁牵头？', { sessionId: first.sessionId });
    expect(late.sessionId).not.toBe(first.sessionId);
    expect(late.notice).toBe('session_expired');
    expect(late.answer.split('\n')[0]).toBe('之前的对话已过期，请重新说明问题。');
    // With the focus gone there is no "这条" to resolve: it is not answered as clause 14.
    expect(late.citations[0]?.number).not.toBe(14);
  });

  it('keeps a channel user’s conversation under the channel’s own key, out of reach of API ids', async () => {
    const sessions = new MemorySessionStore();
    const a = createAssistant({ engine, sessions, newId: () => 'issued' });
    const first = await a.ask('国家级孵化器新认定给多少？', { channelUser: 'wechat:gh_acct:oUser' });
    expect(first.sessionId).toBeUndefined();
    expect((await sessions.get('wechat:gh_acct:oUser'))?.focus?.clause).toBe(14);
    const api = await a.ask('这条谁牵头？', { sessionId: 'wechat:gh_acct:oUser' });
    expect(api.notice).toBe('session_expired');
    expect(api.sessionId).toBe('issued');
    expect(await sessions.get('api:issued')).toBeDefined();
    await expect(a.ask('孵化器', { channelUser: 'api:issued' })).rejects.toThrow(/not a channel key/);
  });

  it('rebuilds the focus from a client-kept history instead of a session', async () => {
    const a = createAssistant({ engine, sessions: new MemorySessionStore() });
    const ans = await a.ask('那自治区级的呢？', {
      history: [
        { role: 'user', content: '国家级孵化器新认定给多少？' },
        { role: 'assistant', content: '新认定为国家级科技企业孵化器：100万元配套资助。' },
      ],
    });
    expect(ans.facts.map((f) => f.display)).toEqual(['50万元']);
  });

  it('does not leak focus between concurrent sessions', async () => {
    const a = createAssistant({ engine, sessions: new MemorySessionStore() });
    const [s1, s2] = await Promise.all([a.ask('土地这块归谁管'), a.ask('独角兽奖励多少')]);
    const [f1, f2] = await Promise.all([a.ask('这条原文', { sessionId: s1.sessionId }), a.ask('谁牵头', { sessionId: s2.sessionId })]);
    expect(f1.citations[0].number).toBe(22);
    expect(f2.citations[0].number).toBe(15);
  });
});
