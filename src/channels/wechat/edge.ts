// Request checks and reply sealing shared by the 公众号 and WeCom routes.
import { readBoundedBytes } from '../../http/read-body.js';
import type { Cipher } from './crypto.js';
import { signature, signatureEquals } from './crypto.js';
import { createError } from '../../errors.js';
import { encryptedReplyXml, MAX_BODY_BYTES } from './xml.js';

/** WeChat's own clock skew allowance is generous; 5 minutes still stops week-old replays. */
export const MAX_CLOCK_SKEW_S = 300;

/** Throws WECHAT_BAD_SIGNATURE unless sha1(sort(parts)) equals `given`. */
export async function requireSignature(given: string | undefined, parts: string[]): Promise<void> {
  if (!given || !signatureEquals(await signature(parts), given)) throw createError('WECHAT_BAD_SIGNATURE');
}

/** Throws WECHAT_STALE_TIMESTAMP for a timestamp (seconds) too far from `nowMs` either way. */
export function requireFreshTimestamp(timestamp: string, nowMs: number): void {
  if (!/^\d{1,12}$/.test(timestamp) || Math.abs(nowMs / 1000 - Number(timestamp)) > MAX_CLOCK_SKEW_S) {
    throw createError('WECHAT_STALE_TIMESTAMP');
  }
}

/** Query parameters that must be present; a bare browser GET gets a 400, not a crash. */
export function requireParams<K extends string>(query: Record<string, string>, names: K[]): Record<K, string> {
  const out = {} as Record<K, string>;
  for (const n of names) {
    const v = query[n];
    if (!v) throw createError('BAD_REQUEST', `missing ${n}`);
    out[n] = v;
  }
  return out;
}

/**
 * Reads the body as UTF-8, refusing more than `limit` bytes by the declared Content-Length
 * and again while streaming, so a lying or absent header cannot make us buffer megabytes.
 */
export async function readBody(req: Request, limit = MAX_BODY_BYTES): Promise<string> {
  const all = await readBoundedBytes(req, limit);
  if (!all) throw createError('PAYLOAD_TOO_LARGE');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(all);
  } catch {
    throw createError('WECHAT_BAD_XML', 'body is not UTF-8');
  }
}

/** The encrypted reply envelope, signed with the timestamp and nonce it carries. */
export async function sealReply(
  cipher: Cipher,
  token: string,
  xml: string,
  timestampS: number,
  nonce: string,
): Promise<string> {
  const encrypt = await cipher.encrypt(xml);
  const msgSignature = await signature([token, String(timestampS), nonce, encrypt]);
  return encryptedReplyXml({ encrypt, msgSignature, timestamp: timestampS, nonce });
}

/** Ten random digits, the shape WeChat's own nonces have (modulo bias is irrelevant for a nonce). */
export function randomNonce(): string {
  return Array.from(globalThis.crypto.getRandomValues(new Uint8Array(10)), (b) => b % 10).join('');
}
