// createApp(deps): the one Hono app both entries serve. No Node- or Worker-only imports here.
import { Hono } from 'hono';
import { AppError, STATUS } from './errors.js';
import type { KnowledgeBase } from './index/knowledge-base.js';

export interface AppDeps {
  kb: KnowledgeBase;
}

export function createApp(deps: AppDeps): Hono {
  const app = new Hono();
  const { kb } = deps;

  app.get('/api/health', (c) =>
    c.json({ status: 'ok', ready: true, documents: kb.documents.length, clauses: kb.clauses.length, index: kb.manifest }),
  );

  app.notFound((c) => c.json({ error: { code: 'NOT_FOUND', message: `no route ${c.req.method} ${c.req.path}` } }, 404));
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json({ error: { code: err.code, message: err.message } }, STATUS[err.code] as 400);
    console.error(err);
    return c.json({ error: { code: 'INTERNAL', message: 'internal error' } }, 500);
  });
  return app;
}
