// Sessions that survive a restart on Node: the SessionStore interface over one SQLite file (better-sqlite3).
// Same rules as the in-memory store: a session idle for longer than the TTL reads as gone, only the last
// MAX_TURNS turns are kept, and the table is bounded (expired rows swept, then the least recently used).
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3';
import { createError } from '../errors.js';
import { MAX_TURNS, SESSION_TTL_MS, type Session, type SessionStore } from '../qa/sessions.js';

export interface SqliteSessionOptions {
  ttlMs?: number;
  /** Rows kept at most; beyond it the least recently used go first. */
  maxSessions?: number;
  /** Sweep expired rows every this many writes. */
  sweepEvery?: number;
  now?: () => number;
}

export interface SqliteSessionStore extends SessionStore {
  readonly size: number;
  close(): void;
}

/** Opens (creating if needed) the session database at `file`; an unwritable folder or file is DATA_DIR_UNWRITABLE. */
export function openSqliteSessionStore(file: string, opts: SqliteSessionOptions = {}): SqliteSessionStore {
  const ttl = opts.ttlMs ?? SESSION_TTL_MS;
  const max = opts.maxSessions ?? 200_000;
  const sweepEvery = opts.sweepEvery ?? 500;
  const now = opts.now ?? Date.now;
  let db: Database.Database;
  try {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    db = new Database(file);
    // WAL: readers never wait for the writer; NORMAL sync is durable across a process crash (not a power cut),
    // which is what a conversation's focus needs.
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.exec('CREATE TABLE IF NOT EXISTS sessions (key TEXT PRIMARY KEY, data TEXT NOT NULL, updated_at INTEGER NOT NULL)');
    db.exec('CREATE INDEX IF NOT EXISTS sessions_updated ON sessions (updated_at)');
  } catch (e) {
    throw createError('DATA_DIR_UNWRITABLE', `cannot open the session database ${file}: ${(e as Error).message}`);
  }
  const select = db.prepare<[string], { data: string; updated_at: number }>('SELECT data, updated_at FROM sessions WHERE key = ?');
  const remove = db.prepare<[string]>('DELETE FROM sessions WHERE key = ?');
  const upsert = db.prepare<[string, string, number]>(
    'INSERT INTO sessions (key, data, updated_at) VALUES (?, ?, ?) ON CONFLICT(key) DO UPDATE SET data = excluded.data, updated_at = excluded.updated_at',
  );
  const expire = db.prepare<[number]>('DELETE FROM sessions WHERE updated_at < ?');
  const count = db.prepare<[], { n: number }>('SELECT COUNT(*) AS n FROM sessions');
  const trim = db.prepare<[number]>('DELETE FROM sessions WHERE key IN (SELECT key FROM sessions ORDER BY updated_at ASC LIMIT ?)');
  let writes = 0;

  const sweep = () => {
    expire.run(now() - ttl);
    const over = count.get()!.n - max;
    if (over > 0) trim.run(over);
  };

  return {
    get size() {
      return count.get()!.n;
    },
    async get(id) {
      const row = select.get(id);
      if (!row) return undefined;
      if (now() - row.updated_at > ttl) {
        remove.run(id);
        return undefined;
      }
      try {
        return JSON.parse(row.data) as Session;
      } catch {
        remove.run(id); // a damaged row is a lost conversation, not a failed request
        return undefined;
      }
    },
    async set(session) {
      const kept = { ...session, turns: session.turns.slice(-MAX_TURNS) };
      upsert.run(session.id, JSON.stringify(kept), session.updatedAt);
      if (++writes % sweepEvery === 0) sweep();
    },
    close() {
      db.close();
    },
  };
}
