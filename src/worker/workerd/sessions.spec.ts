// Sessions in a Durable Object: the SessionStore contract, the 30-minute idle TTL, and the alarm that deletes.
import { env } from 'cloudflare:workers';
import { createExecutionContext, runDurableObjectAlarm, runInDurableObject } from 'cloudflare:test';
import { describe, expect, it } from 'vitest';
import { MemorySessionStore, SESSION_TTL_MS, type Session } from '../../qa/sessions.js';
import { bundledArtifacts } from '../bundled.js';
import { createWorkerHandler } from '../handler.js';
import { DurableSessionStore, sessionStoreFor, type SessionNamespace } from '../sessions.js';

const ns = env.SESSIONS as SessionNamespace;
const session = (id: string, updatedAt = Date.now()): Session => ({
  id,
  updatedAt,
  focus: { docId: 'guangxi-hitech-zones-2021', clause: 14, terms: ['孵化器'], intent: 'amount', factIds: [] },
  turns: Array.from({ length: 12 }, (_, i) => ({ question: `q${i}`, intent: 'amount' as const, clause: 14, at: updatedAt })),
});

describe('Durable Object sessions', () => {
  it('stores and returns a session by id, keeping the last 10 turns', async () => {
    const store = new DurableSessionStore(ns);
    expect(await store.get('s-new')).toBeUndefined();
    await store.set(session('s-1'));
    const s = await store.get('s-1');
    expect(s?.focus?.clause).toBe(14);
    expect(s?.turns.map((t) => t.question)).toEqual(['q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9', 'q10', 'q11']);
    expect(await store.get('s-2')).toBeUndefined();
  });

  it('forgets a session idle for more than 30 minutes, and its alarm deletes the storage', async () => {
    const store = new DurableSessionStore(ns);
    await store.set(session('s-idle', Date.now() - SESSION_TTL_MS - 1000));
    expect(await store.get('s-idle')).toBeUndefined();

    // A live session whose last turn is then backdated past the TTL: its alarm deletes it.
    await store.set(session('s-alarm'));
    const stub = ns.get(ns.idFromName('s-alarm'));
    const alarmAt = await runInDurableObject(stub, (_o: unknown, state) => state.storage.getAlarm());
    expect(alarmAt).toBeGreaterThan(Date.now() + SESSION_TTL_MS - 60_000);
    await runInDurableObject(stub, async (_o: unknown, state) => {
      const s = (await state.storage.get('session')) as Session;
      await state.storage.put('session', { ...s, updatedAt: Date.now() - SESSION_TTL_MS - 1000 });
    });
    expect(await runDurableObjectAlarm(stub)).toBe(true);
    expect(await runInDurableObject(stub, (_o: unknown, state) => state.storage.get('session'))).toBeUndefined();
  });

  it('keeps a session touched within 30 minutes, and re-arms its alarm', async () => {
    const store = new DurableSessionStore(ns);
    await store.set(session('s-live', Date.now() - SESSION_TTL_MS + 60_000));
    const stub = ns.get(ns.idFromName('s-live'));
    expect(await runDurableObjectAlarm(stub)).toBe(true); // as if it fired early: the session is still live
    expect((await store.get('s-live'))?.id).toBe('s-live');
    const alarm = await runInDurableObject(stub, (_o: unknown, state) => state.storage.getAlarm());
    expect(alarm).toBeGreaterThan(Date.now());
  });

  it('falls back to in-memory sessions when the SESSIONS binding is absent', async () => {
    expect(sessionStoreFor(undefined)).toBeInstanceOf(MemorySessionStore);
    expect(sessionStoreFor(undefined)).toBe(sessionStoreFor(undefined));
    const handler = createWorkerHandler(bundledArtifacts);
    const noBindings = { RATE_LIMIT_PER_MIN: '0', LOG_REQUESTS: '0' };
    const post = (body: unknown) =>
      handler.fetch(new Request('https://worker.test/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }), noBindings, createExecutionContext());
    const a1 = (await (await post({ question: '国家级孵化器新认定给多少？' })).json()) as { sessionId: string };
    const a2 = (await (await post({ question: '那自治区级的呢？', sessionId: a1.sessionId })).json()) as { facts: { display: string }[] };
    expect(a2.facts.map((f) => f.display)).toEqual(['50万元']);
  });
});
