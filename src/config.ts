// Configuration from environment variables, for either entry (Node's process.env or a Worker's env).
import { createError } from './errors.js';

/** 明文 (plain), 兼容 (compat: plaintext or encrypted) or 安全 (safe: encrypted only), as set in 公众平台. */
export type WechatMode = 'plain' | 'compat' | 'safe';

export interface Config {
  wechat: { token: string; appId?: string; encodingAESKey?: string; mode: WechatMode };
  wecom: { token: string; corpId: string; encodingAESKey: string };
  /** WeChat waits 5 s: the engine gets this long before a "please resend" hint goes out. */
  wechatReplyDeadlineMs: number;
  /** Bearer keys for the OpenAI-compatible API; empty means open. */
  apiKeys: string[];
  /** ADMIN_KEYS (id:secret, comma-separated): who may add and remove documents; empty means nobody. */
  adminKeys: { id: string; secret: string }[];
  /** The largest document upload (bytes). */
  uploadMaxBytes: number;
  /** Total per-request budget for LLM paths (ms). */
  deadlineMs: number;
  llm?: { baseUrl: string; apiKey: string; model: string };
  embeddings?: { baseUrl: string; model: string; apiKey?: string };
  /**
   * perMinute/burst: per conversation (API session, WeChat/WeCom user); address*: the much higher ceiling per
   * client address, so one office behind a NAT is not refused. perMinute 0 turns every limit off.
   */
  rateLimit: { perMinute: number; burst: number; addressPerMinute: number; addressBurst: number };
  /** Origins allowed to call /api and /v1 from a browser; empty means same-origin only, ["*"] any. */
  corsOrigins: string[];
  /** Every request is answered or failed within this time (ms). */
  requestTimeoutMs: number;
  /**
   * Adding or removing a document rebuilds the index before it answers, which takes longer than a question the larger
   * the library: those requests get this budget (ms) instead, so a publish that succeeds is never reported as failed.
   */
  documentTimeoutMs: number;
  /** Log question text (off by default: questions may contain personal details). */
  logQuestions: boolean;
  /** Key of the session hash in log lines; unset means a random one per process. */
  logSalt?: string;
  /** TRUST_PROXY as set: a hop count or proxy addresses/ranges (parsed by http/trust-proxy.ts); unset: none. */
  trustProxy?: string;
}

type Env = Record<string, string | undefined>;

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);

/**
 * Defaults for a hotline office of ~30 staff behind one NAT address: a person asks a few questions a minute, so
 * 20 a minute per conversation (bursts of 10) never gets in the way, and the address ceiling (1200 a minute,
 * bursts of 200) is far above what the whole office sends while still capping one abusive client.
 */
export const RATE_LIMIT_DEFAULTS = { perMinute: 20, burst: 10, addressPerMinute: 1200, addressBurst: 200 };

/** Safe mode once a key is configured: a plaintext message carries no signature over its body. */
function wechatMode(env: Env): WechatMode {
  const mode = env.WECHAT_MODE || (env.WECHAT_ENCODING_AES_KEY && env.WECHAT_APPID ? 'safe' : 'plain');
  if (mode !== 'plain' && mode !== 'compat' && mode !== 'safe') throw createError('CONFIG_INVALID', `WECHAT_MODE must be plain, compat or safe, not ${mode}`);
  return mode;
}

/** "ops:s3cret,li:other" → keys with ids (the audit log names the id, never the secret); a bare secret is its own hash id. */
function adminKeys(v: string | undefined): { id: string; secret: string }[] {
  return (v ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean)
    .map((s) => {
      const at = s.indexOf(':');
      const key = at > 0 ? { id: s.slice(0, at), secret: s.slice(at + 1) } : { id: `key-${s.length}-${s.slice(-2)}`, secret: s };
      if (key.secret.length < 12) throw createError('CONFIG_INVALID', `ADMIN_KEYS: the secret of ${key.id} is shorter than 12 characters`);
      return key;
    });
}

export function configFromEnv(env: Env): Config {
  return {
    wechat: { token: env.WECHAT_TOKEN ?? '', appId: env.WECHAT_APPID || undefined, encodingAESKey: env.WECHAT_ENCODING_AES_KEY || undefined, mode: wechatMode(env) },
    wecom: { token: env.WECOM_TOKEN ?? '', corpId: env.WECOM_CORPID ?? '', encodingAESKey: env.WECOM_ENCODING_AES_KEY ?? '' },
    wechatReplyDeadlineMs: num(env.WECHAT_REPLY_DEADLINE_MS, 4500),
    apiKeys: (env.API_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    adminKeys: adminKeys(env.ADMIN_KEYS),
    uploadMaxBytes: num(env.UPLOAD_MAX_BYTES, 20 * 1024 * 1024),
    deadlineMs: num(env.LLM_DEADLINE_MS, 4000),
    llm: env.LLM_BASE_URL && env.LLM_MODEL ? { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY ?? '', model: env.LLM_MODEL } : undefined,
    rateLimit: {
      perMinute: env.RATE_LIMIT_PER_MIN === '0' ? 0 : num(env.RATE_LIMIT_PER_MIN, RATE_LIMIT_DEFAULTS.perMinute),
      burst: num(env.RATE_LIMIT_BURST, RATE_LIMIT_DEFAULTS.burst),
      addressPerMinute: env.RATE_LIMIT_IP_PER_MIN === '0' ? 0 : num(env.RATE_LIMIT_IP_PER_MIN, RATE_LIMIT_DEFAULTS.addressPerMinute),
      addressBurst: num(env.RATE_LIMIT_IP_BURST, RATE_LIMIT_DEFAULTS.addressBurst),
    },
    corsOrigins: (env.CORS_ORIGINS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    requestTimeoutMs: num(env.REQUEST_TIMEOUT_MS, 10_000),
    documentTimeoutMs: num(env.DOCUMENT_TIMEOUT_MS, 600_000),
    logQuestions: env.LOG_QUESTIONS === '1' || env.LOG_QUESTIONS === 'true',
    logSalt: env.LOG_SALT || undefined,
    trustProxy: env.TRUST_PROXY || undefined,
    embeddings: env.EMBEDDINGS_BASE_URL && env.EMBEDDINGS_MODEL ? { baseUrl: env.EMBEDDINGS_BASE_URL, model: env.EMBEDDINGS_MODEL, apiKey: env.EMBEDDINGS_API_KEY } : undefined,
  };
}
