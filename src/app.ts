// createApp(deps): the one Hono app both entries serve. No Node- or Worker-only imports here.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { HTTPException } from 'hono/http-exception';
import { DOCS_HTML, DOCS_JS } from './api/docs.js';
import { createApiRoutes } from './api/routes.js';
import { createOpenAIRoutes } from './channels/openai/routes.js';
import { createWechatRoutes, createWecomRoutes } from './channels/wechat/index.js';
import { configFromEnv, type Config } from './config.js';
import { AppError, errors, STATUS } from './errors.js';
import type { KnowledgeBase } from './index/knowledge-base.js';
import type { Assistant } from './qa/assistant.js';
import { createConsoleRoutes } from './web/routes.js';

export interface AppDeps {
  kb: KnowledgeBase;
  assistant: Assistant;
  /** Logs unexpected errors; defaults to console.error. */
  logError?: (err: unknown, c: Context) => void;
  /** JSON body limit in bytes (default 16 KB). */
  maxJsonBytes?: number;
  /** Channel and LLM settings; defaults to everything off (configFromEnv({})). */
  config?: Config;
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  const maxJsonBytes = deps.maxJsonBytes ?? 16 * 1024;

  // JSON routes: body size and content type are checked before any parsing.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw errors.unsupportedMedia('send the body as application/json');
    }
    await next();
  });
  app.use(
    '/api/*',
    bodyLimit({ maxSize: maxJsonBytes, onError: () => { throw errors.tooLarge(`JSON bodies are limited to ${maxJsonBytes} bytes`); } }),
  );

  const config = deps.config ?? configFromEnv({});
  const ask = deps.assistant.ask.bind(deps.assistant);
  app.route('/', createApiRoutes({ kb: deps.kb, assistant: deps.assistant, deadlineMs: config.deadlineMs }));
  app.route('/wechat', createWechatRoutes({ ask, config: config.wechat, replyDeadlineMs: config.wechatReplyDeadlineMs }));
  app.route('/wecom', createWecomRoutes({ ask, config: config.wecom, replyDeadlineMs: config.wechatReplyDeadlineMs }));
  app.route('/v1', createOpenAIRoutes({ ask, apiKeys: config.apiKeys }));
  app.get('/docs', (c) => c.html(DOCS_HTML));
  app.get('/docs.js', (c) => c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.route('/', createConsoleRoutes());

  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message), STATUS[err.code] as 400);
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
      return c.json(errorBody(code, status < 500 ? err.message || 'bad request' : 'internal error'), status);
    }
    (deps.logError ?? ((e) => console.error(e)))(err, c);
    return c.json(errorBody('INTERNAL', 'internal error'), 500);
  });
  return app;
}
