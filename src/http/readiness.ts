// Readiness: whether this instance should be sent traffic. /api/health answers 503 until the index is loaded and
// the self-check question has answered, and again once shutdown begins, so a load balancer stops routing here.
import { createError, errorBody } from '../errors.js';

export type ReadyStatus = 'starting' | 'ok' | 'failed' | 'stopping';

export interface ReadyState {
  ready: boolean;
  status: ReadyStatus;
  reason?: string;
}

export interface Readiness {
  /** The state once the self-check has settled (it is quick: one question, no network). */
  settle(): Promise<ReadyState>;
}

/** Readiness that follows `check`: ok when it resolves, failed (with its message) when it rejects. */
export function readinessOf(check: Promise<void>): Readiness {
  const settled = check.then(
    (): ReadyState => ({ ready: true, status: 'ok' }),
    (e): ReadyState => ({ ready: false, status: 'failed', reason: (e as Error)?.message ?? String(e) }),
  );
  return { settle: () => settled };
}

/**
 * The whole service while there is no app to serve (the index is still loading) or no more (shutting down):
 * health says why with a 503, every other route a coded 503, so a client retries elsewhere.
 */
export function notReadyFetch(status: 'starting' | 'stopping', reason?: string): (req: Request) => Response {
  return (req) => {
    const headers = { 'retry-after': '5' };
    if (new URL(req.url).pathname === '/api/health') return Response.json({ status, live: true, ready: false, reason }, { status: 503, headers });
    const e = createError(status === 'stopping' ? 'SHUTTING_DOWN' : 'NOT_READY');
    return Response.json(errorBody(e), { status: e.status, headers });
  };
}
