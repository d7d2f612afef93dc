// Test helper (imported only by tests): an app served on a loopback port, so real clients (the official `openai`
// package, fetch with keep-alive) talk to it over real HTTP.
import { bodyLimitFor } from '../app.js';
import { configFromEnv } from '../config.js';
import { createNodeServer } from '../node/http-server.js';
import { seedKnowledgeBase } from './fixtures.js';
import { createRuntime } from '../runtime.js';

export interface Served {
  /** e.g. http://127.0.0.1:54321 */
  origin: string;
  /** `${origin}/v1`, what an OpenAI client takes as baseURL. */
  baseURL: string;
  close(): Promise<void>;
}

/** Serves any fetch handler on 127.0.0.1 with an OS-chosen port, through the Node server the entry uses. */
export async function serveOnLoopback(app: { fetch: (req: Request, env?: any) => Response | Promise<Response> }): Promise<Served> {
  const node = createNodeServer({ fetch: (req, env) => app.fetch(req, env), maxBodyBytes: (path) => bodyLimitFor(path) });
  const info = await node.listen(0, '127.0.0.1');
  const origin = `http://127.0.0.1:${info.port}`;
  return {
    origin,
    baseURL: `${origin}/v1`,
    close: () => new Promise<void>((done) => {
      node.server.close(() => done());
      node.server.closeAllConnections();
    }),
  };
}

/** The real app over the seed corpus, configured like the Node entry from `env` (e.g. { API_KEYS: 'k1,k2' }). */
export function serveRealApp(env: Record<string, string> = {}): Promise<Served> {
  const kb = seedKnowledgeBase();
  return serveOnLoopback(createRuntime({ kb, config: configFromEnv(env), logError: () => {} }).app);
}
