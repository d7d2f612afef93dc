// Test helper (imported only by tests): an app served on a loopback port, so real clients (the official `openai`
// package, fetch with keep-alive) talk to it over real HTTP.
import type { AddressInfo } from 'node:net';
import { serve } from '@hono/node-server';
import { configFromEnv } from '../config.js';
import { seedKnowledgeBase } from './fixtures.js';
import { createRuntime } from '../runtime.js';

export interface Served {
  /** e.g. http://127.0.0.1:54321 */
  origin: string;
  /** `${origin}/v1`, what an OpenAI client takes as baseURL. */
  baseURL: string;
  close(): Promise<void>;
}

/** Serves any fetch handler on 127.0.0.1 with an OS-chosen port. */
export function serveOnLoopback(app: { fetch: (req: Request) => Response | Promise<Response> }): Promise<Served> {
  return new Promise((resolve) => {
    const server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
      const origin = `http://127.0.0.1:${info.port}`;
      resolve({
        origin,
        baseURL: `${origin}/v1`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}

/** The real app over the seed corpus, configured like the Node entry from `env` (e.g. { API_KEYS: 'k1,k2' }). */
export function serveRealApp(env: Record<string, string> = {}): Promise<Served> {
  const kb = seedKnowledgeBase();
  return serveOnLoopback(createRuntime({ kb, config: configFromEnv(env), logError: () => {} }).app);
}
