// A ready app over the seed corpus for in-process tests (app.request), with injectable session options.
import { createApp } from '../app.js';
import { configFromEnv } from '../config.js';
import { createAssistant } from '../qa/assistant.js';
import { createEngine } from '../qa/engine.js';
import { MemorySessionStore, type MemorySessionOptions } from '../session/store.js';
import { seedKnowledgeBase } from './fixtures.js';

export function testApp(opts: MemorySessionOptions = {}) {
  const kb = seedKnowledgeBase();
  const sessions = new MemorySessionStore(opts);
  const engine = createEngine(kb);
  const assistant = createAssistant({ engine, sessions });
  // No rate limit: tests send many requests from one address on purpose.
  return { app: createApp({ kb, assistant, config: configFromEnv({ RATE_LIMIT_PER_MIN: '0' }), logError: () => {} }), kb, sessions, engine, assistant };
}

export const postJson = (path: string, body: unknown, headers: Record<string, string> = {}) =>
  new Request(`http://local${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });
