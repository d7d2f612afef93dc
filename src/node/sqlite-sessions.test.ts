import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { createAssistant } from '../qa/assistant.js';
import { createEngine } from '../qa/engine.js';
import { SESSION_TTL_MS } from '../qa/sessions.js';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import { openSqliteSessionStore } from './sqlite-sessions.js';

const root = mkdtempSync(join(tmpdir(), 'policy-sessions-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
const session = (id: string, at: number) => ({ id, turns: [], updatedAt: at });

describe('SQLite session store', () => {
  it('keeps a conversation across a restart: the follow-up is answered in context, not as a clarify', async () => {
    const file = join(root, 'restart', 'sessions.sqlite');
    const engine = createEngine(seedKnowledgeBase());
    const before = openSqliteSessionStore(file);
    const first = await createAssistant({ engine, sessions: before }).ask('国家级孵化器新认定给多少？');
    before.close();
    const after = openSqliteSessionStore(file); // a new process opening the same file
    const next = await createAssistant({ engine, sessions: after }).ask('那自治区级的呢？', { sessionId: first.sessionId });
    expect(next.notice).toBeUndefined();
    expect(next.sessionId).toBe(first.sessionId);
    expect(next.facts.map((f) => f.display)).toEqual(['50万元']);
    after.close();
  });

  it('expires a session after 30 idle minutes and keeps only the last 10 turns', async () => {
    let now = 1_000;
    const store = openSqliteSessionStore(':memory:', { now: () => now });
    const turns = Array.from({ length: 25 }, (_, i) => ({ question: String(i), intent: 'search' as const, at: i }));
    await store.set({ id: 'a', turns, updatedAt: now });
    expect((await store.get('a'))!.turns.map((t) => t.question)).toEqual(Array.from({ length: 10 }, (_, i) => String(i + 15)));
    now += SESSION_TTL_MS;
    expect(await store.get('a')).toBeDefined();
    now += 1;
    expect(await store.get('a')).toBeUndefined();
    expect(store.size).toBe(0);
  });

  it('stays bounded: expired rows are swept, then the least recently used', async () => {
    let now = 0;
    const store = openSqliteSessionStore(':memory:', { maxSessions: 5, sweepEvery: 1, now: () => now });
    for (let i = 0; i < 10; i++) await store.set(session(`s${i}`, ++now));
    expect(store.size).toBe(5);
    expect(await store.get('s0')).toBeUndefined();
    expect(await store.get('s9')).toBeDefined();
    now += SESSION_TTL_MS + 100;
    await store.set(session('late', now));
    expect(store.size).toBe(1);
  });

  it('reports a folder it cannot write as DATA_DIR_UNWRITABLE', () => {
    const blocker = join(root, 'a-file');
    writeFileSync(blocker, 'not a folder');
    let error: unknown;
    try {
      openSqliteSessionStore(join(blocker, 'sessions.sqlite'));
    } catch (e) {
      error = e;
    }
    expect(isAppError(error, 'DATA_DIR_UNWRITABLE'), String(error)).toBe(true);
    expect((error as Error).message).toContain(blocker);
  });
});
