// Remembers each message's reply (as a promise) so WeChat's retries never re-run the engine.
//
// WeChat retries a callback up to twice when we take longer than 5 s. Storing the in-flight
// promise, not the finished text, means a retry that lands while the engine is still working
// waits on the same computation and gets the identical reply.
//
// In-memory and per-process: on Workers each isolate has its own store, so a retry routed to
// another isolate recomputes. That costs a duplicate engine call, never a wrong answer.

export interface ReplyStore {
  /** The stored reply for `key`, or the promise `make()` returns, stored for later retries. */
  getOrStart(key: string, make: () => Promise<string>): Promise<string>;
}

export interface DedupeOptions {
  /** Oldest keys are dropped beyond this, so a flood of distinct ids cannot exhaust memory. */
  maxKeys?: number;
  /** WeChat's three tries span ~15 s; a minute leaves room for slow networks. */
  ttlMs?: number;
  /** Milliseconds; injectable for tests. */
  now?: () => number;
}

interface Entry {
  reply: Promise<string>;
  expires: number;
}

export function createDedupeStore(opts: DedupeOptions = {}): ReplyStore & { size(): number } {
  const maxKeys = opts.maxKeys ?? 10_000;
  const ttlMs = opts.ttlMs ?? 60_000;
  const now = opts.now ?? Date.now;
  // A Map iterates in insertion order and every entry lives ttlMs, so the oldest expire first.
  const entries = new Map<string, Entry>();

  function sweep(t: number): void {
    for (const [key, e] of entries) {
      if (e.expires > t) break;
      entries.delete(key);
    }
  }

  function getOrStart(key: string, make: () => Promise<string>): Promise<string> {
    const t = now();
    sweep(t);
    const hit = entries.get(key);
    if (hit && hit.expires > t) return hit.reply;
    if (hit) entries.delete(key);
    while (entries.size >= maxKeys) {
      const oldest = entries.keys().next();
      if (oldest.done) break;
      entries.delete(oldest.value);
    }
    let reply: Promise<string>;
    try {
      reply = make();
    } catch (e) {
      reply = Promise.reject(e);
    }
    entries.set(key, { reply, expires: t + ttlMs });
    // A failure is not a reply worth repeating: forget it so the next try runs again.
    reply.catch(() => {
      if (entries.get(key)?.reply === reply) entries.delete(key);
    });
    return reply;
  }

  return { getOrStart, size: () => entries.size };
}
