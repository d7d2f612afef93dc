// Structured access logs: one JSON line per request with id, route, status, latency and intent. Session keys
// (OpenIDs) are hashed; question text is logged only when enabled.
import type { MiddlewareHandler } from 'hono';
import { hashText } from '../text/lexicon.js';
import type { AppEnv, RequestRecord, RequestScope } from './request-scope.js';

export type LogSink = (line: Record<string, unknown>) => void;

export interface LoggerOptions {
  sink: LogSink;
  scope?: RequestScope;
  now?: () => number;
  newId?: () => string;
}

/** Short stable hash: enough to follow one user through the logs, not enough to recover the OpenID. */
export const hashKey = (key: string) => hashText('policy-qa', key) + hashText(key, 'policy-qa');

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
