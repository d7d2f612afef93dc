// Sessions on Workers: one Durable Object per session id holds that conversation's focus and turns, so a
// follow-up reaches the same state from any isolate or location. Idle for 30 minutes (SESSION_TTL_MS, as in
// the Node store), a session reads as gone and an alarm deletes its storage. Without the SESSIONS binding the
// Worker falls back to the in-memory store (per isolate: fine for one dev process, not for production).
import { DurableObject } from 'cloudflare:workers';
import { MAX_TURNS, MemorySessionStore, SESSION_TTL_MS, type Session, type SessionStore } from '../qa/sessions.js';

/** The RPC surface of a session object. */
export interface SessionObjectRpc {
  load(): Promise<Session | undefined>;
  save(session: Session): Promise<void>;
}

/** What the adapter needs of the SESSIONS namespace binding. */
export interface SessionNamespace {
  idFromName(name: string): unknown;
  get(id: unknown): SessionObjectRpc;
}

const KEY = 'session';

export class SessionObject extends DurableObject implements SessionObjectRpc {
  /** Idle time measured as the Node store measures it: now − updatedAt. */
  private readonly ttlMs = SESSION_TTL_MS;

  async load(): Promise<Session | undefined> {
    const s = await this.ctx.storage.get<Session>(KEY);
    if (!s) return undefined;
    if (Date.now() - s.updatedAt > this.ttlMs) {
      await this.ctx.storage.deleteAll();
      return undefined;
    }
    return s;
  }

  async save(session: Session): Promise<void> {
    await this.ctx.storage.put(KEY, { ...session, turns: session.turns.slice(-MAX_TURNS) });
    await this.ctx.storage.setAlarm(session.updatedAt + this.ttlMs + 1);
  }

  /** Deletes an idle session; one touched since the alarm was set gets a new alarm. */
  async alarm(): Promise<void> {
    const s = await this.ctx.storage.get<Session>(KEY);
    if (s && Date.now() - s.updatedAt <= this.ttlMs) await this.ctx.storage.setAlarm(s.updatedAt + this.ttlMs + 1);
    else await this.ctx.storage.deleteAll();
  }
}

/** SessionStore over the SESSIONS namespace: the session id names its object. */
export class DurableSessionStore implements SessionStore {
  constructor(private readonly ns: SessionNamespace) {}

  get(id: string): Promise<Session | undefined> {
    return this.ns.get(this.ns.idFromName(id)).load();
  }

  set(session: Session): Promise<void> {
    return this.ns.get(this.ns.idFromName(session.id)).save(session);
  }
}

let fallback: MemorySessionStore | undefined;

/** The Durable Object store when SESSIONS is bound, else one in-memory store for this isolate. */
export function sessionStoreFor(ns: SessionNamespace | undefined): SessionStore {
  return ns ? new DurableSessionStore(ns) : (fallback ??= new MemorySessionStore());
}
