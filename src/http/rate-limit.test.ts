import { describe, expect, it } from 'vitest';
import { createRateLimiter } from './rate-limit.js';

describe('rate limiter', () => {
  it('allows a burst, then refuses with a retry time, then refills', () => {
    let now = 0;
    const rl = createRateLimiter({ perMinute: 60, burst: 3, now: () => now });
    expect([rl.take('a'), rl.take('a'), rl.take('a')]).toEqual([0, 0, 0]);
    expect(rl.take('a')).toBe(1);
    expect(rl.take('b')).toBe(0);
    now += 1000;
    expect(rl.take('a')).toBe(0);
    expect(rl.take('a')).toBeGreaterThan(0);
  });

  it('forgets the least recently seen clients beyond its bound', () => {
    const rl = createRateLimiter({ perMinute: 1, burst: 1, maxClients: 2, now: () => 0 });
    rl.take('a');
    rl.take('b');
    rl.take('c'); // evicts a
    expect(rl.take('a')).toBe(0); // a is new again
    expect(rl.take('c')).toBeGreaterThan(0);
  });
});
