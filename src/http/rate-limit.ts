// Per-client rate limiting: a token bucket per key (address, API session, WeChat/WeCom user), in a bounded map
// so a flood of distinct clients cannot grow memory without limit. Keys are hashed to 16 bytes first: a client
// controls them (a session id, a header), and 50,000 keys of 8 KB each must cost what 50,000 short ones do.
import { sha256Hex } from './digest.js';

export interface RateLimitOptions {
  /** Sustained requests per minute per client. */
  perMinute: number;
  /** Burst allowance (bucket size). */
  burst: number;
  /** Most clients tracked at once; the least recently seen are forgotten first. */
  maxClients?: number;
  now?: () => number;
}

export interface RateLimiter {
  /** Takes one token; resolves 0 when allowed, else the seconds until the next token. */
  take(key: string): Promise<number>;
}

export function createRateLimiter(opts: RateLimitOptions): RateLimiter {
  const now = opts.now ?? Date.now;
  const max = opts.maxClients ?? 50_000;
  const ratePerMs = opts.perMinute / 60_000;
  const buckets = new Map<string, { tokens: number; at: number }>();
  return {
    async take(rawKey) {
      const key = await sha256Hex(rawKey, 16);
      const t = now();
      const b = buckets.get(key) ?? { tokens: opts.burst, at: t };
      b.tokens = Math.min(opts.burst, b.tokens + (t - b.at) * ratePerMs);
      b.at = t;
      buckets.delete(key);
      buckets.set(key, b);
      if (buckets.size > max) buckets.delete(buckets.keys().next().value!);
      if (b.tokens >= 1) {
        b.tokens -= 1;
        return 0;
      }
      return Math.max(1, Math.ceil((1 - b.tokens) / ratePerMs / 1000));
    },
  };
}
