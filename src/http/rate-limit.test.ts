import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, then refuses with a retry time, then refills', async () => {
    let now = 0;
    const rl = createRateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([await rl.take('a'), await rl.take('a'), await rl.take('a')]).toEqual([0, 0, 0]);
    expect(await rl.take('a')).toBe(1);
    expect(await rl.take('b')).toBe(0);
    now += 1000;
    expect(await rl.take('a')).toBe(0);
    expect(await rl.take('a')).toBeGreaterThan(0);
  });

  it('forgets the least recently seen clients beyond its bound', async () => {
    const rl = createRateLimiter({ perMinute: 1, burst: 1, maxClients: 2, now: () => 0 });
    await rl.take('a');
    await rl.take('b');
    await rl.take('c'); // evicts a
    expect(await rl.take('a')).toBe(0); // a is new again
    expect(await rl.take('c')).toBeGreaterThan(0);
  });

  it('keeps keys fixed size: 50,000 distinct 8 KB keys cost what short ones do (issue 17, defect 4)', async () => {
    const rl = createRateLimiter({ perMinute: 60, burst: 5 });
    const pad = 'x'.repeat(8 * 1024);
    // A flat 8 KB string per key, as a header value arrives (a template literal would share `pad` as a rope).
    const key = (i: number) => Buffer.from(`ip:${i}.${pad}`).toString('latin1');
    global.gc!();
    const before = process.memoryUsage().heapUsed;
    for (let i = 0; i < 50_000; i++) await rl.take(key(i));
    global.gc!();
    // 50,000 × 8 KB retained would be 400 MB; hashed keys and their buckets are a few MB.
    expect(process.memoryUsage().heapUsed - before).toBeLessThan(32 * 1024 * 1024);
    // Hashing does not merge clients: each long key still has its own bucket.
    for (let i = 0; i < 5; i++) await rl.take(`ip:a.${pad}`);
    expect(await rl.take(`ip:a.${pad}`)).toBeGreaterThan(0);
    expect(await rl.take(`ip:b.${pad}`)).toBe(0);
  });
});
