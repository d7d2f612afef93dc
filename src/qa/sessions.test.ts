import { describe, expect, it } from 'vitest';
import { MemorySessionStore, SESSION_TTL_MS } from './sessions.js';

const session = (id: string, at: number) => ({ id, turns: [], updatedAt: at });

describe('MemorySessionStore', () => {
  it('expires a session after 30 minutes idle', async () => {
    let now = 1_000;
    const store = new MemorySessionStore({ now: () => now });
    await store.set(session('a', now));
    now += SESSION_TTL_MS;
    expect(await store.get('a')).toBeDefined();
    now += 1;
    expect(await store.get('a')).toBeUndefined();
  });

  it('evicts the least recently used beyond its bound', async () => {
    const store = new MemorySessionStore({ maxSessions: 3, now: () => 0 });
    for (const id of ['a', 'b', 'c']) await store.set(session(id, 0));
    await store.set(session('a', 0)); // touch a
    await store.set(session('d', 0));
    expect(await store.get('b')).toBeUndefined();
    expect(await store.get('a')).toBeDefined();
    expect(store.size).toBe(3);
  });

  it('keeps memory flat when 100,000 sessions are created', async () => {
    const store = new MemorySessionStore({ maxSessions: 10_000 });
    const turns = Array.from({ length: 10 }, (_, i) => ({ question: `问题${i}`.repeat(10), intent: 'amount' as const, at: i }));
    const fill = async (from: number) => {
      for (let i = from; i < from + 50_000; i++) await store.set({ id: `s${i}`, turns, updatedAt: Date.now() });
    };
    await fill(0);
    expect(global.gc, 'tests run with --expose-gc').toBeTypeOf('function');
    global.gc!();
    const after50k = process.memoryUsage().heapUsed;
    await fill(50_000);
    global.gc!();
    const after100k = process.memoryUsage().heapUsed;
    expect(store.size).toBe(10_000);
    // The second 50,000 sessions replace the first ones: the heap does not grow with them.
    expect(after100k - after50k).toBeLessThan(4 * 1024 * 1024);
  });

  it('keeps only the most recent turns', async () => {
    const store = new MemorySessionStore();
    const turns = Array.from({ length: 25 }, (_, i) => ({ question: String(i), intent: 'search' as const, at: i }));
    await store.set({ id: 'x', turns, updatedAt: Date.now() });
    expect((await store.get('x'))!.turns.map((t) => t.question)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 15)));
  });
});
