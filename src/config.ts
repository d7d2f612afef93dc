// Configuration from environment variables, for either entry (Node's process.env or a Worker's env).

export interface Config {
  wechat: { token: string; appId?: string; encodingAESKey?: string };
  wecom: { token: string; corpId: string; encodingAESKey: string };
  /** WeChat waits 5 s: the engine gets this long before a "please resend" hint goes out. */
  wechatReplyDeadlineMs: number;
  /** Bearer keys for the OpenAI-compatible API; empty means open. */
  apiKeys: string[];
  /** Total per-request budget for LLM paths (ms). */
  deadlineMs: number;
  llm?: { baseUrl: string; apiKey: string; model: string };
  embeddings?: { baseUrl: string; model: string; apiKey?: string };
}

type Env = Record<string, string | undefined>;

const num = (v: string | undefined, d: number) => (v && Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : d);

export function configFromEnv(env: Env): Config {
  return {
    wechat: { token: env.WECHAT_TOKEN ?? '', appId: env.WECHAT_APPID || undefined, encodingAESKey: env.WECHAT_ENCODING_AES_KEY || undefined },
    wecom: { token: env.WECOM_TOKEN ?? '', corpId: env.WECOM_CORPID ?? '', encodingAESKey: env.WECOM_ENCODING_AES_KEY ?? '' },
    wechatReplyDeadlineMs: num(env.WECHAT_REPLY_DEADLINE_MS, 4500),
    apiKeys: (env.API_KEYS ?? '').split(',').map((s) => s.trim()).filter(Boolean),
    deadlineMs: num(env.LLM_DEADLINE_MS, 4000),
    llm: env.LLM_BASE_URL && env.LLM_MODEL ? { baseUrl: env.LLM_BASE_URL, apiKey: env.LLM_API_KEY ?? '', model: env.LLM_MODEL } : undefined,
    embeddings: env.EMBEDDINGS_BASE_URL && env.EMBEDDINGS_MODEL ? { baseUrl: env.EMBEDDINGS_BASE_URL, model: env.EMBEDDINGS_MODEL, apiKey: env.EMBEDDINGS_API_KEY } : undefined,
  };
}
