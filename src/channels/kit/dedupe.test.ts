import { describe, expect, it, vi } from 'vitest';
import { createDedupeStore } from './dedupe.js';

function deferred() {
  let resolve!: (s: string) => void;
  const promise = new Promise<string>((r) => (resolve = r));
  return { promise, resolve };
}

describe('createDedupeStore', () => {
  it('runs make once for sequential calls with the same key', async () => {
    const store = createDedupeStore();
    const make = vi.fn(async () => 'reply');
    expect(await store.getOrStart('k', make)).toBe('reply');
    expect(await store.getOrStart('k', make)).toBe('reply');
    expect(await store.getOrStart('k', make)).toBe('reply');
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('shares one in-flight promise between concurrent calls', async () => {
    const store = createDedupeStore();
    const d = deferred();
    const make = vi.fn(() => d.promise);
    const all = Promise.all([1, 2, 3].map(() => store.getOrStart('k', make)));
    d.resolve('late reply');
    expect(await all).toEqual(['late reply', 'late reply', 'late reply']);
    expect(make).toHaveBeenCalledTimes(1);
  });

  it('keeps keys apart', async () => {
    const store = createDedupeStore();
    expect(await store.getOrStart('a', async () => 'A')).toBe('A');
    expect(await store.getOrStart('b', async () => 'B')).toBe('B');
  });

  it('forgets a key after the TTL', async () => {
    let t = 1_000;
    const store = createDedupeStore({ ttlMs: 60_000, now: () => t });
    const make = vi.fn(async () => `at ${t}`);
    expect(await store.getOrStart('k', make)).toBe('at 1000');
    t += 59_999;
    expect(await store.getOrStart('k', make)).toBe('at 1000');
    t += 1;
    expect(await store.getOrStart('k', make)).toBe('at 61000');
    expect(make).toHaveBeenCalledTimes(2);
  });

  it('sweeps expired keys so size stays bounded over time', async () => {
    let t = 0;
    const store = createDedupeStore({ ttlMs: 10, now: () => t });
    for (let i = 0; i < 100; i++) {
      t += 1;
      await store.getOrStart(`k${i}`, async () => 'x');
    }
    expect(store.size()).toBeLessThanOrEqual(10);
  });

  it('drops the oldest key beyond maxKeys', async () => {
    const store = createDedupeStore({ maxKeys: 3 });
    const make = vi.fn(async () => 'x');
    for (const k of ['a', 'b', 'c', 'd']) await store.getOrStart(k, make);
    expect(store.size()).toBe(3);
    await store.getOrStart('b', make); // still there
    expect(make).toHaveBeenCalledTimes(4);
    await store.getOrStart('a', make); // evicted, so recomputed
    expect(make).toHaveBeenCalledTimes(5);
  });

  it('forgets failures, including a make that throws synchronously', async () => {
    const store = createDedupeStore();
    await expect(store.getOrStart('k', async () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    await expect(
      store.getOrStart('k', () => {
        throw new Error('sync');
      }),
    ).rejects.toThrow('sync');
    expect(await store.getOrStart('k', async () => 'ok')).toBe('ok');
  });
});
