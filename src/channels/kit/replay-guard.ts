// Refuses replayed callbacks. A platform signs the URL (timestamp, nonce), and in plaintext mode nothing signs
// the body, so a captured URL would let anyone post any message as any user until its timestamp goes stale.
// Each signed URL is remembered, with a digest of the body it first came with, for the freshness window: the
// same URL with the same body is the platform retrying (answered from the dedupe store), with another body a
// replay. Only requests whose signature verified are recorded, so a flood of forgeries cannot evict real ones.
//
// Per process, like the dedupe store: behind several instances a replay could land on another one within the
// window; WeCom and safe mode sign the body as well, so there it gains nothing.
import { sha256Hex } from '../../http/digest.js';

export interface ReplayGuard {
  /** True for a first use of `signedUrl`, or a repeat with the same `body`; false for a replay with another body. */
  admit(signedUrl: string, body: string): Promise<boolean>;
}

export interface ReplayGuardOptions {
  /** How long a signed URL is remembered: at least the time its timestamp is accepted either way (2 × 5 min). */
  windowMs?: number;
  /** Oldest entries are dropped beyond this. */
  maxKeys?: number;
  now?: () => number;
}

export function createReplayGuard(opts: ReplayGuardOptions = {}): ReplayGuard & { size(): number } {
  const windowMs = opts.windowMs ?? 10 * 60_000;
  const maxKeys = opts.maxKeys ?? 100_000;
  const now = opts.now ?? Date.now;
  // Insertion order is expiry order: every entry lives windowMs.
  const seen = new Map<string, { body: string; expires: number }>();

  return {
    async admit(signedUrl, body) {
      const [key, digest] = await Promise.all([sha256Hex(signedUrl, 16), sha256Hex(body, 16)]);
      const t = now();
      for (const [k, e] of seen) {
        if (e.expires > t) break;
        seen.delete(k);
      }
      const hit = seen.get(key);
      if (hit) return hit.body === digest;
      while (seen.size >= maxKeys) seen.delete(seen.keys().next().value!);
      seen.set(key, { body: digest, expires: t + windowMs });
      return true;
    },
    size: () => seen.size,
  };
}
