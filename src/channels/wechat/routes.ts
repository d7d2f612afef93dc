// Hono routes for the 公众号 (/wechat) and WeCom (/wecom) callbacks: authenticate, decrypt, answer.
import { Hono, type Context } from 'hono';
import type { WechatMode } from '../../config.js';
import type { AskFn } from '../../qa/types.js';
import { createCipher, type Cipher } from './crypto.js';
import { createDedupeStore, type ReplyStore } from '../kit/dedupe.js';
import { createReplayGuard, type ReplayGuard } from '../kit/replay-guard.js';
import { randomNonce, readBody, requireFreshTimestamp, requireParams, requireSignature, sealReply } from './edge.js';
import { createError, errorBody, isAppError } from '../../errors.js';
import { createMessageHandler, type MessageHandler } from './handler.js';
import { parseXml, textReplyXml, type XmlFields } from './xml.js';

interface CommonDeps {
  ask: AskFn;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Engine time before the pending hint; under WeChat's 5 s so the hint arrives in time. */
  replyDeadlineMs?: number;
  dedupe?: ReplyStore;
  /** Remembers signed URLs for the freshness window and refuses them with another body. */
  replay?: ReplayGuard;
  /** Nonce for encrypted replies. */
  nonce?: () => string;
  onError?: (err: unknown) => void;
}

export interface WechatRoutesDeps extends CommonDeps {
  /**
   * encodingAESKey and appId are needed for encrypted messages (encrypt_type=aes). `mode` 'safe' accepts only
   * those; 'compat' also plaintext; 'plain' (the default without a key) plaintext, or encrypted when a key is set.
   */
  config: { token: string; appId?: string; encodingAESKey?: string; mode?: WechatMode };
}

export interface WecomRoutesDeps extends CommonDeps {
  config: { token: string; corpId: string; encodingAESKey: string };
}

/** Passive-reply budgets in UTF-8 bytes (docs/wechat-protocol.md): 公众号 ~2000, WeCom app text 2048. */
export const WECHAT_MAX_BYTES = 2000;
export const WECOM_MAX_BYTES = 2048;

const XML_TYPE = { 'Content-Type': 'application/xml; charset=utf-8' };

/** Mount at /wechat. */
export function createWechatRoutes(deps: WechatRoutesDeps): Hono {
  const { token, appId, encodingAESKey } = deps.config;
  const mode = deps.config.mode ?? (encodingAESKey && appId ? 'safe' : 'plain');
  const cipher = token && appId && encodingAESKey ? tryCipher(encodingAESKey, appId) : undefined;
  const env = setup(deps, 'wechat', WECHAT_MAX_BYTES);
  const app = baseApp(env.onError, () => !!token);

  app.get('/', async (c) => {
    const q = requireParams(c.req.query(), ['signature', 'timestamp', 'nonce', 'echostr']);
    await requireSignature(q.signature, [token, q.timestamp, q.nonce]);
    return c.text(q.echostr);
  });

  app.post('/', async (c) => {
    const query = c.req.query();
    const q = requireParams(query, ['signature', 'timestamp', 'nonce']);
    await requireSignature(q.signature, [token, q.timestamp, q.nonce]);
    requireFreshTimestamp(q.timestamp, env.now());
    // The plaintext body is signed by nothing: in safe mode only the encrypted envelope (msg_signature) counts.
    if (mode === 'safe' && query.encrypt_type !== 'aes') throw createError('WECHAT_ENCRYPTION_REQUIRED');
    const body = await readBody(c.req.raw);
    await requireFirstUse(env, `wechat:${q.signature}:${q.timestamp}:${q.nonce}`, body);
    const outer = parseXml(body);
    // Compatible mode sends plaintext fields and Encrypt together; only encrypt_type=aes means
    // the reply must be encrypted, so that flag, not the body, picks the mode.
    if (query.encrypt_type !== 'aes') return respond(c, env, outer);
    if (!cipher) throw createError('WECHAT_NOT_CONFIGURED', 'safe mode needs appId and encodingAESKey');
    const msg = await openEnvelope(outer, cipher, token, q.timestamp, q.nonce, query.msg_signature);
    return respond(c, env, msg, { cipher, token });
  });

  return app;
}

/** Mount at /wecom. */
export function createWecomRoutes(deps: WecomRoutesDeps): Hono {
  const { token, corpId, encodingAESKey } = deps.config;
  const cipher = token && corpId && encodingAESKey ? tryCipher(encodingAESKey, corpId) : undefined;
  const env = setup(deps, 'wecom', WECOM_MAX_BYTES);
  const app = baseApp(env.onError, () => !!cipher);

  app.get('/', async (c) => {
    const q = requireParams(c.req.query(), ['msg_signature', 'timestamp', 'nonce', 'echostr']);
    // The query decoder turns a raw '+' into a space; base64 has no spaces, so put them back.
    const echostr = q.echostr.replaceAll(' ', '+');
    await requireSignature(q.msg_signature, [token, q.timestamp, q.nonce, echostr]);
    return c.text(await cipher!.decrypt(echostr));
  });

  app.post('/', async (c) => {
    const q = requireParams(c.req.query(), ['msg_signature', 'timestamp', 'nonce']);
    requireFreshTimestamp(q.timestamp, env.now());
    const body = await readBody(c.req.raw);
    const outer = parseXml(body);
    const msg = await openEnvelope(outer, cipher!, token, q.timestamp, q.nonce, q.msg_signature);
    // After the signature check: only requests we could authenticate are remembered.
    await requireFirstUse(env, `wecom:${q.msg_signature}:${q.timestamp}:${q.nonce}`, outer.Encrypt ?? body);
    return respond(c, env, msg, { cipher: cipher!, token });
  });

  return app;
}

interface Env {
  handle: MessageHandler;
  replay: ReplayGuard;
  now: () => number;
  nonce: () => string;
  onError: (err: unknown) => void;
}

function setup(deps: CommonDeps, channel: string, maxBytes: number): Env {
  const now = deps.now ?? Date.now;
  const onError = deps.onError ?? ((err: unknown) => console.error(`[${channel}]`, err));
  const handle = createMessageHandler({
    ask: deps.ask,
    channel,
    maxBytes,
    replyDeadlineMs: deps.replyDeadlineMs ?? 4500,
    dedupe: deps.dedupe ?? createDedupeStore({ now }),
    onError,
  });
  return { handle, replay: deps.replay ?? createReplayGuard({ now }), now, nonce: deps.nonce ?? randomNonce, onError };
}

/** A signed URL seen before with another body is a captured callback being replayed. */
async function requireFirstUse(env: Env, signedUrl: string, body: string): Promise<void> {
  if (!(await env.replay.admit(signedUrl, body))) throw createError('WECHAT_REPLAY');
}

/** Maps coded errors to statuses in one place; WeChat must never see a 5xx for bad input. */
function baseApp(onError: (err: unknown) => void, configured: () => boolean): Hono {
  const app = new Hono();
  app.use('*', async (_c, next) => {
    if (!configured()) throw createError('WECHAT_NOT_CONFIGURED');
    await next();
  });
  app.onError((err, c) => {
    if (!isAppError(err) || err.status >= 500 && err.code !== 'WECHAT_NOT_CONFIGURED') {
      onError(err);
      return c.text('success'); // "no reply": better than WeChat's 该公众号暂时无法提供服务
    }
    if (err.code === 'WECHAT_NOT_CONFIGURED') return c.json(errorBody(err), 503);
    return c.body(null, err.status); // no detail for probers
  });
  return app;
}

function tryCipher(encodingAESKey: string, receiveId: string): Cipher | undefined {
  try {
    return createCipher({ encodingAESKey, receiveId });
  } catch {
    return undefined; // reported as WECHAT_NOT_CONFIGURED on use
  }
}

async function openEnvelope(
  outer: XmlFields,
  cipher: Cipher,
  token: string,
  timestamp: string,
  nonce: string,
  msgSignature: string | undefined,
): Promise<XmlFields> {
  const encrypt = outer.Encrypt;
  if (!encrypt) throw createError('WECHAT_BAD_XML', 'missing Encrypt');
  await requireSignature(msgSignature, [token, timestamp, nonce, encrypt]);
  return parseXml(await cipher.decrypt(encrypt));
}

/** OpenIDs are 28 characters, WeCom userids at most 64: anything longer is not from the platform. */
const MAX_ID_CHARS = 128;

async function respond(c: Context, env: Env, msg: XmlFields, seal?: { cipher: Cipher; token: string }) {
  if (!msg.FromUserName || !msg.ToUserName || !msg.MsgType) throw createError('WECHAT_BAD_XML', 'missing fields');
  if (msg.FromUserName.length > MAX_ID_CHARS || msg.ToUserName.length > MAX_ID_CHARS) throw createError('WECHAT_BAD_XML', 'user or account id too long');
  const text = await env.handle(msg, { waitUntil: waitUntilOf(c) });
  if (!text) return c.text('success');
  const nowS = Math.floor(env.now() / 1000);
  const xml = textReplyXml({ toUser: msg.FromUserName, fromUser: msg.ToUserName, createTime: nowS, content: text });
  if (!seal) return c.body(xml, 200, XML_TYPE);
  return c.body(await sealReply(seal.cipher, seal.token, xml, nowS, env.nonce()), 200, XML_TYPE);
}

/** Workers cancel unfinished work after the response unless told to wait; Node has no context. */
function waitUntilOf(c: Context): ((p: Promise<unknown>) => void) | undefined {
  try {
    const ctx = c.executionCtx;
    return (p) => ctx.waitUntil(p);
  } catch {
    return undefined;
  }
}
