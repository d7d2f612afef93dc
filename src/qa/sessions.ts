// The SessionStore interface and its in-memory implementation: an LRU with an idle TTL, so memory stays
// bounded under any number of users. The Worker plugs in a Durable Object behind the same interface.
import type { Focus } from './context.js';
import type { Intent } from './types.js';

export interface Turn {
  question: string;
  intent: Intent;
  clause?: number;
  at: number;
}

export interface Session {
  /** The store key: `api:<issued id>` or a channel's own key (`wechat:<account>:<openid>`). */
  id: string;
  focus?: Focus;
  /** The most recent turns, oldest first (bounded). */
  turns: Turn[];
  updatedAt: number;
}

export interface SessionStore {
  /** The live session, or undefined when unknown or expired. */
  get(id: string): Promise<Session | undefined>;
  set(session: Session): Promise<void>;
}

export interface MemorySessionOptions {
  ttlMs?: number;
  maxSessions?: number;
  now?: () => number;
}

export const SESSION_TTL_MS = 30 * 60 * 1000;
/** Store-key prefix of JSON API sessions; chat channels key theirs by channel (`wechat:`, `wecom:`). */
export const API_NAMESPACE = 'api:';
/** First line of an answer whose session was unknown (the API contract the console relies on). */
export const SESSION_EXPIRED_TEXT = '之前的对话已过期，请重新说明问题。';
export const MAX_TURNS = 10;

export class MemorySessionStore implements SessionStore {
  // A Map iterates in insertion order: re-inserting on every touch makes the first key the least recent.
  private readonly map = new Map<string, Session>();
  private readonly ttl: number;
  private readonly max: number;
  private readonly now: () => number;

  constructor(opts: MemorySessionOptions = {}) {
    this.ttl = opts.ttlMs ?? SESSION_TTL_MS;
    this.max = opts.maxSessions ?? 10_000;
    this.now = opts.now ?? Date.now;
  }

  get size(): number {
    return this.map.size;
  }

  async get(id: string): Promise<Session | undefined> {
    const s = this.map.get(id);
    if (!s) return undefined;
    if (this.now() - s.updatedAt > this.ttl) {
      this.map.delete(id);
      return undefined;
    }
    return s;
  }

  async set(session: Session): Promise<void> {
    this.map.delete(session.id);
    this.map.set(session.id, { ...session, turns: session.turns.slice(-MAX_TURNS) });
    while (this.map.size > this.max) this.map.delete(this.map.keys().next().value!);
  }
}
