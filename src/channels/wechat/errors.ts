// Coded failures of the WeChat / WeCom channel, and the one place that maps them to HTTP statuses.

export type WechatErrorCode =
  /** Token (or AES key / receive id) missing from config: the route is not usable. */
  | 'WECHAT_NOT_CONFIGURED'
  /** signature or msg_signature did not match. */
  | 'WECHAT_BAD_SIGNATURE'
  /** timestamp too far from our clock: a replay or a forged request. */
  | 'WECHAT_STALE_TIMESTAMP'
  /** Ciphertext that is not valid base64, not block aligned, badly padded or not UTF-8. */
  | 'WECHAT_DECRYPT_FAILED'
  /** Decrypted fine but for another appid / corpid. */
  | 'WECHAT_RECEIVEID_MISMATCH'
  /** Body is not well-formed XML, or a required field is missing. */
  | 'WECHAT_BAD_XML'
  /** Body declares a DOCTYPE or ENTITY (XXE, billion laughs): never parsed. */
  | 'WECHAT_XML_ENTITY'
  /** Body larger than we accept. */
  | 'WECHAT_TOO_LARGE'
  /** Required query parameters missing. */
  | 'WECHAT_BAD_REQUEST';

export class WechatError extends Error {
  readonly code: WechatErrorCode;
  constructor(code: WechatErrorCode, message?: string) {
    super(message ?? code);
    this.name = 'WechatError';
    this.code = code;
  }
}

export function isWechatError(e: unknown): e is WechatError {
  return e instanceof WechatError;
}

/**
 * HTTP status for a code. Authentication failures are all 401 with no detail, so a prober
 * cannot tell a bad signature from a bad key or a wrong receive id.
 */
export function statusOf(code: WechatErrorCode): 400 | 401 | 413 | 503 {
  switch (code) {
    case 'WECHAT_NOT_CONFIGURED':
      return 503;
    case 'WECHAT_BAD_SIGNATURE':
    case 'WECHAT_STALE_TIMESTAMP':
    case 'WECHAT_DECRYPT_FAILED':
    case 'WECHAT_RECEIVEID_MISMATCH':
      return 401;
    case 'WECHAT_TOO_LARGE':
      return 413;
    case 'WECHAT_BAD_XML':
    case 'WECHAT_XML_ENTITY':
    case 'WECHAT_BAD_REQUEST':
      return 400;
  }
}
