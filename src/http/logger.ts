// Structured access logs: one JSON line per request with id, route, status, latency and intent. Session keys
// (OpenIDs) are hashed with a secret salt; question text is logged only when enabled.
import type { MiddlewareHandler } from 'hono';
import { hmacSha256 } from './digest.js';
import type { AppEnv, RequestRecord, RequestScope } from './request-scope.js';

export type LogSink = (line: Record<string, unknown>) => void;

export interface LoggerOptions {
  sink: LogSink;
  scope?: RequestScope;
  now?: () => number;
  newId?: () => string;
}

// Drawn once per process: the same user hashes alike in one process's lines, and nobody can hash candidates.
const PROCESS_SALT = crypto.randomUUID();

/**
 * The session's hash for log lines: HMAC-SHA-256 keyed by LOG_SALT (set it to follow a user across restarts and
 * instances) or a per-process random salt, 16 hex characters. An unsalted hash of an OpenID or a pinyin userid is
 * reversed by hashing a dictionary of candidates; without the salt there is nothing to compare against.
 */
export function sessionHasher(salt: string | undefined = PROCESS_SALT): (key: string) => Promise<string> {
  return hmacSha256(salt, 8);
}

export function requestLogger(opts: LoggerOptions): MiddlewareHandler<AppEnv> {
  const now = opts.now ?? (() => performance.now());
  const newId = opts.newId ?? (() => crypto.randomUUID());
  return async (c, next) => {
    const record: RequestRecord = { id: c.req.header('x-request-id')?.slice(0, 64) || newId() };
    c.set('log', record);
    const t0 = now();
    try {
      if (opts.scope) await opts.scope.run(record, next);
      else await next();
    } finally {
      c.header('x-request-id', record.id);
      const line: Record<string, unknown> = {
        ts: new Date().toISOString(),
        level: c.res.status >= 500 ? 'error' : 'info',
        reqId: record.id,
        method: c.req.method,
        route: c.req.routePath ?? c.req.path,
        path: c.req.path.slice(0, 200),
        status: c.res.status,
        ms: Math.round((now() - t0) * 100) / 100,
      };
      if (record.intent) line.intent = record.intent;
      if (record.session) line.session = record.session;
      if (record.question !== undefined) line.question = record.question;
      opts.sink(line);
    }
  };
}
