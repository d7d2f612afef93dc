// createApp(deps): the one Hono app both entries serve. No Node- or Worker-only imports here.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { HTTPException } from 'hono/http-exception';
import { secureHeaders } from 'hono/secure-headers';
import { timeout } from 'hono/timeout';
import { DOCS_HTML, DOCS_JS } from './api/docs.js';
import { createApiRoutes } from './api/routes.js';
import { createOpenAIRoutes } from './channels/openai/routes.js';
import { createWechatRoutes, createWecomRoutes } from './channels/wechat/index.js';
import { configFromEnv, type Config } from './config.js';
import { AppError, errors, STATUS } from './errors.js';
import { clientKey, type ClientIp } from './http/client-ip.js';
import { hashKey, requestLogger, type LogSink } from './http/logger.js';
import { createRateLimiter } from './http/rate-limit.js';
import type { RequestRecord, RequestScope } from './http/request-scope.js';
import type { KnowledgeBase } from './index/knowledge-base.js';
import type { Assistant } from './qa/assistant.js';
import type { Answer, AskFn } from './qa/types.js';
import { createConsoleRoutes } from './web/routes.js';

export interface AppDeps {
  kb: KnowledgeBase;
  assistant: Assistant;
  /** Channel, limit and LLM settings; defaults to configFromEnv({}) (everything optional off). */
  config?: Config;
  /** Logs unexpected errors; defaults to console.error. */
  logError?: (err: unknown, c: Context) => void;
  /** Access log lines (JSON); none when absent. */
  logSink?: LogSink;
  /** Per-request storage so deep handlers (channels) can add their intent to the log line. */
  scope?: RequestScope;
  /** The caller's address as the runtime sees it (socket on Node, cf-connecting-ip on Workers). */
  clientIp?: ClientIp;
  /** JSON body limit in bytes (default 16 KB). */
  maxJsonBytes?: number;
  now?: () => number;
}

export function errorBody(code: string, message: string) {
  return { error: { code, message } };
}

// The console and docs load only their own scripts and styles: no remote sources, no inline code.
const CSP = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

const RATE_LIMITED_TEXT = '提问太频繁了，请稍等一分钟再问。';

export function createApp(deps: AppDeps): OpenAPIHono {
  const app = new OpenAPIHono();
  const config = deps.config ?? configFromEnv({});
  const maxJsonBytes = deps.maxJsonBytes ?? 16 * 1024;
  const limiter = config.rateLimit.perMinute > 0 ? createRateLimiter({ ...config.rateLimit, now: deps.now }) : undefined;

  if (deps.logSink) app.use('*', requestLogger({ sink: deps.logSink, scope: deps.scope }));
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false }));
  app.use('*', timeout(config.requestTimeoutMs, () => new HTTPException(503, { message: 'the request took too long' })));
  if (config.corsOrigins.length) {
    const origin = config.corsOrigins.includes('*') ? '*' : config.corsOrigins;
    app.use('/api/*', cors({ origin, allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 }));
    app.use('/v1/*', cors({ origin, allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 }));
  }

  // HTTP clients are limited by address; WeChat and WeCom arrive from a few platform servers, so they are
  // limited per user inside the channel (below) instead.
  const byAddress: MiddlewareHandler = async (c, next) => {
    if (limiter && c.req.method !== 'OPTIONS') {
      const wait = limiter.take(`ip:${clientKey(c, deps.clientIp, config.trustProxy)}`);
      if (wait > 0) {
        c.header('Retry-After', String(wait));
        return c.json(errorBody('RATE_LIMITED', `too many requests; retry in ${wait} s`), 429);
      }
    }
    await next();
  };
  app.use('/api/*', byAddress);
  app.use('/v1/*', byAddress);

  // JSON routes: body size and content type are checked before any parsing.
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type)) throw errors.unsupportedMedia('send the body as application/json');
    }
    await next();
  });
  app.use('/api/*', bodyLimit({ maxSize: maxJsonBytes, onError: () => { throw errors.tooLarge(`JSON bodies are limited to ${maxJsonBytes} bytes`); } }));

  const record = (answer: Answer, sessionId: string | undefined, question: string, rec?: RequestRecord) => {
    if (!rec) return;
    rec.intent = answer.intent;
    if (sessionId) rec.session = hashKey(sessionId);
    if (config.logQuestions) rec.question = question;
  };
  const ask: AskFn = async (question, opts = {}) => {
    const answer = await deps.assistant.ask(question, opts);
    record(answer, opts.sessionId, question, deps.scope?.get());
    return answer;
  };
  // Per-user limit for the WeChat/WeCom channels: over it, a short text reply (WeChat shows an error page for
  // anything but a 200, and retries it).
  const channelAsk: AskFn = async (question, opts = {}) => {
    if (limiter && opts.sessionId && limiter.take(`user:${opts.sessionId}`) > 0) {
      return { answer: RATE_LIMITED_TEXT, intent: 'clarify', citations: [], facts: [] };
    }
    return ask(question, opts);
  };

  app.route('/', createApiRoutes({ kb: deps.kb, ask, deadlineMs: config.deadlineMs, onAnswer: (c, a, sid, q) => record(a, sid, q, c.get('log' as never)) }));
  app.route('/wechat', createWechatRoutes({ ask: channelAsk, config: config.wechat, replyDeadlineMs: config.wechatReplyDeadlineMs }));
  app.route('/wecom', createWecomRoutes({ ask: channelAsk, config: config.wecom, replyDeadlineMs: config.wechatReplyDeadlineMs }));
  app.route('/v1', createOpenAIRoutes({ ask, apiKeys: config.apiKeys }));
  app.get('/docs', (c) => c.html(DOCS_HTML));
  app.get('/docs.js', (c) => c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.route('/', createConsoleRoutes());

  app.notFound((c) => c.json(errorBody('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`), 404));
  app.onError((err, c) => {
    if (err instanceof AppError) return c.json(errorBody(err.code, err.message), STATUS[err.code] as 400);
    if (err instanceof HTTPException) {
      const status = err.status;
      const code = status === 413 ? 'PAYLOAD_TOO_LARGE' : status === 415 ? 'UNSUPPORTED_MEDIA_TYPE' : status === 503 ? 'TIMEOUT' : status < 500 ? 'BAD_REQUEST' : 'INTERNAL';
      return c.json(errorBody(code, status < 500 || status === 503 ? err.message || 'bad request' : 'internal error'), status);
    }
    (deps.logError ?? ((e) => console.error(e)))(err, c);
    return c.json(errorBody('INTERNAL', 'internal error'), 500);
  });
  return app;
}
