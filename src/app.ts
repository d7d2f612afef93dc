// createApp(deps): the one Hono app both entries serve. No Node- or Worker-only imports here.
import { OpenAPIHono } from '@hono/zod-openapi';
import type { Context, MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { cors } from 'hono/cors';
import { secureHeaders } from 'hono/secure-headers';
import { DOCS_CSS, DOCS_HTML, DOCS_JS } from './api/docs.js';
import { createDocumentRoutes, type DocumentAdmin } from './api/documents.js';
import { createApiRoutes } from './api/routes.js';
import { createOpenAIRoutes } from './channels/openai/routes.js';
import { createWechatRoutes, createWecomRoutes, MAX_BODY_BYTES as CALLBACK_BODY_BYTES } from './channels/wechat/index.js';
import { MAX_BODY_BYTES as CHAT_BODY_BYTES } from './channels/openai/body.js';
import { configFromEnv, type Config } from './config.js';
import { limitPerUser } from './channels/kit/limit.js';
import { createError, errorBody, toAppError } from './errors.js';
import { clientKey, type ClientIp } from './http/client-ip.js';
import { requestLogger, sessionHasher, type LogSink } from './http/logger.js';
import { createRateLimiter } from './http/rate-limit.js';
import type { AppEnv, RequestScope } from './http/request-scope.js';
import { deadline } from './http/deadline.js';
import { requireUtf8 } from './http/utf8.js';
import { parseTrustProxy } from './http/trust-proxy.js';
import { readinessOf, type Readiness } from './http/readiness.js';
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
  /** Adds and removes documents (the Node entry); absent, uploads answer 501 (the Worker). */
  documents?: DocumentAdmin;
  /** Whether to take traffic (createRuntime passes its self-check); default: ready when the index has clauses. */
  readiness?: Readiness;
  now?: () => number;
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

export const DEFAULT_JSON_BYTES = 16 * 1024;

/** The largest body the route at `path` reads: the Node server refuses a larger declared one before 100 Continue. */
export function bodyLimitFor(path: string, maxJsonBytes = DEFAULT_JSON_BYTES, uploadMaxBytes = 20 * 1024 * 1024): number {
  if (path.startsWith('/v1/')) return CHAT_BODY_BYTES;
  // A document upload: the file, base64 (4/3) or multipart, plus its envelope.
  if (path === '/api/documents') return Math.ceil(uploadMaxBytes * 1.4) + 64 * 1024;
  if (/^\/(wechat|wecom)(\/|$)/.test(path)) return CALLBACK_BODY_BYTES;
  return maxJsonBytes; // the JSON API, and routes that read no body at all
}

export function createApp(deps: AppDeps): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>();
  const config = deps.config ?? configFromEnv({});
  const maxJsonBytes = deps.maxJsonBytes ?? DEFAULT_JSON_BYTES;
  const { perMinute, burst, addressPerMinute, addressBurst } = config.rateLimit;
  // One bucket per conversation (API session, WeChat/WeCom user), and a much higher ceiling per address.
  const limiter = perMinute > 0 ? createRateLimiter({ perMinute, burst, now: deps.now }) : undefined;
  const addressLimiter = perMinute > 0 && addressPerMinute > 0 ? createRateLimiter({ perMinute: addressPerMinute, burst: addressBurst, now: deps.now }) : undefined;
  const trustProxy = parseTrustProxy(config.trustProxy); // CONFIG_INVALID at start, not per request
  const readiness = deps.readiness ?? readinessOf(deps.kb.clauses.length ? Promise.resolve() : Promise.reject(createError('INDEX_EMPTY')));

  if (deps.logSink) app.use('*', requestLogger({ sink: deps.logSink, scope: deps.scope }));
  app.use('*', secureHeaders({ contentSecurityPolicy: CSP, crossOriginEmbedderPolicy: false }));
  // A document change (POST/DELETE /api/documents) rebuilds the index before it answers: it has its own budget.
  const questionDeadline = deadline(config.requestTimeoutMs);
  const documentDeadline = deadline(config.documentTimeoutMs);
  app.use('*', (c, next) => (c.req.path.startsWith('/api/documents') && c.req.method !== 'GET' ? documentDeadline(c, next) : questionDeadline(c, next)));
  if (config.corsOrigins.length) {
    const origin = config.corsOrigins.includes('*') ? '*' : config.corsOrigins;
    app.use('/api/*', cors({ origin, allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 }));
    app.use('/v1/*', cors({ origin, allowMethods: ['GET', 'POST'], allowHeaders: ['content-type', 'authorization'], maxAge: 600 }));
  }

  // HTTP clients are held to the address ceiling; WeChat and WeCom arrive from a few platform servers, so they
  // are limited per user inside the channel (below) instead. Health checks are never limited: a load balancer
  // polling them must not mark a busy instance down.
  const byAddress: MiddlewareHandler<AppEnv> = async (c, next) => {
    if (addressLimiter && c.req.method !== 'OPTIONS' && c.req.path !== '/api/health') {
      const wait = await addressLimiter.take(`ip:${clientKey(c, deps.clientIp, trustProxy)}`);
      if (wait > 0) throw createError('RATE_LIMITED', `too many requests; retry in ${wait} s`, { retryAfter: wait });
    }
    await next();
  };
  app.use('/api/*', byAddress);
  app.use('/v1/*', byAddress);

  // Nothing is answered before the self-check has (the Node entry serves only a ready app; the Worker builds
  // its index on the first request).
  const whenReady: MiddlewareHandler<AppEnv> = async (_c, next) => {
    const state = await readiness.settle();
    if (!state.ready) throw createError('NOT_READY', state.reason);
    await next();
  };
  for (const path of ['/api/ask', '/v1/chat/*', '/wechat/*', '/wecom/*']) app.use(path, whenReady);

  // JSON routes: body size and content type are checked before any parsing.
  // A document upload is the one API body that may be a file (multipart) and larger than a question.
  const isUpload = (c: Context) => c.req.method === 'POST' && c.req.path === '/api/documents';
  const isMultipart = (c: Context) => /^multipart\/form-data/i.test(c.req.header('content-type') ?? '');
  app.use('/api/*', async (c, next) => {
    if (c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') {
      const type = c.req.header('content-type') ?? '';
      if (!/^application\/(?:[\w.+-]+\+)?json\b/i.test(type) && !(isUpload(c) && isMultipart(c))) throw createError('UNSUPPORTED_MEDIA_TYPE');
    }
    await next();
  });
  const uploadBytes = bodyLimitFor('/api/documents', maxJsonBytes, config.uploadMaxBytes);
  const jsonLimit = bodyLimit({ maxSize: maxJsonBytes, onError: () => { throw createError('PAYLOAD_TOO_LARGE', `JSON bodies are limited to ${maxJsonBytes} bytes`); } });
  const uploadLimit = bodyLimit({ maxSize: uploadBytes, onError: () => { throw createError('DOC_TOO_LARGE', `uploads are limited to ${config.uploadMaxBytes} bytes`); } });
  app.use('/api/*', (c, next) => (isUpload(c) ? uploadLimit(c, next) : jsonLimit(c, next)));
  // Invalid UTF-8 would be decoded to U+FFFD and answered as a question: refused before any parsing instead.
  // (Hono keeps the bytes read here, so the route's JSON validator reads them again without the network.)
  app.use('/api/*', async (c, next) => {
    if ((c.req.method === 'POST' || c.req.method === 'PUT' || c.req.method === 'PATCH') && !(isUpload(c) && isMultipart(c))) requireUtf8(await c.req.arrayBuffer());
    await next();
  });

  // The one path that puts an answer into the access log line, whichever route or channel produced it.
  const hashSession = sessionHasher(config.logSalt);
  const record = async (answer: Answer, sessionId: string | undefined, question: string, rec = deps.scope?.get()) => {
    if (!rec) return;
    rec.intent = answer.intent;
    if (sessionId) rec.session = await hashSession(sessionId);
    if (config.logQuestions) rec.question = question;
  };
  const ask: AskFn = async (question, opts = {}) => {
    const answer = await deps.assistant.ask(question, opts);
    await record(answer, opts.channelUser ?? answer.sessionId, question);
    return answer;
  };
  const channelAsk = limitPerUser(ask, limiter);
  // An API conversation has its own bucket; a client that drops or rotates session ids meets the address ceiling.
  const apiAsk: AskFn = async (question, opts = {}) => {
    const wait = limiter && opts.sessionId ? await limiter.take(`session:${opts.sessionId}`) : 0;
    if (wait > 0) throw createError('RATE_LIMITED', `too many questions in this conversation; retry in ${wait} s`, { retryAfter: wait });
    return ask(question, opts);
  };

  app.route('/', createDocumentRoutes({ admin: deps.documents, config }));
  app.route('/', createApiRoutes({ kb: deps.kb, ask: apiAsk, readiness, now: deps.now, deadlineMs: config.deadlineMs, onAnswer: (c, a, sid, q) => record(a, sid, q, c.get('log')) }));
  app.route('/wechat', createWechatRoutes({ ask: channelAsk, config: config.wechat, replyDeadlineMs: config.wechatReplyDeadlineMs }));
  app.route('/wecom', createWecomRoutes({ ask: channelAsk, config: config.wecom, replyDeadlineMs: config.wechatReplyDeadlineMs }));
  app.route('/v1', createOpenAIRoutes({ ask, apiKeys: config.apiKeys }));
  app.get('/docs', (c) => c.html(DOCS_HTML));
  app.get('/docs.js', (c) => c.body(DOCS_JS, 200, { 'content-type': 'text/javascript; charset=utf-8' }));
  app.get('/docs.css', (c) => c.body(DOCS_CSS, 200, { 'content-type': 'text/css; charset=utf-8' }));
  app.route('/', createConsoleRoutes());

  app.notFound((c) => c.json(errorBody(createError('NOT_FOUND', `no route ${c.req.method} ${c.req.path}`)), 404));
  // The edge: every coded error becomes its catalog status and JSON body here; anything uncoded is a bug, logged
  // and answered 500 without detail.
  app.onError((err, c) => {
    const e = toAppError(err);
    if (e.code === 'INTERNAL') (deps.logError ?? ((x) => console.error(x)))(err, c);
    if (typeof e.details?.retryAfter === 'number') c.header('Retry-After', String(e.details.retryAfter));
    return c.json(errorBody(e), e.status);
  });
  return app;
}
