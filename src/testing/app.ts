// A ready app over the seed corpus for in-process tests (app.request), with injectable session options.
import { configFromEnv } from '../config.js';
import { MemorySessionStore, type MemorySessionOptions } from '../qa/sessions.js';
import { createRuntime } from '../runtime.js';
import { seedKnowledgeBase } from './fixtures.js';

export function testApp(opts: MemorySessionOptions = {}) {
  const kb = seedKnowledgeBase();
  const sessions = new MemorySessionStore(opts);
  // No rate limit: tests send many requests from one address on purpose.
  const { app, engine, assistant } = createRuntime({ kb, sessions, config: configFromEnv({ RATE_LIMIT_PER_MIN: '0' }), logError: () => {} });
  return { app, kb, sessions, engine, assistant };
}

export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://local${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
