// Fixed-size digests of untrusted strings (WebCrypto, so both runtimes share them): rate-limit and replay keys
// stay 32 bytes whatever a client sends, and log lines carry a keyed hash no dictionary can reverse.
const utf8 = new TextEncoder();
const hex = (buf: ArrayBuffer, bytes: number) => Array.from(new Uint8Array(buf, 0, bytes), (b) => b.toString(16).padStart(2, '0')).join('');

/** SHA-256 of `text`, hex; `bytes` keeps a prefix (16 bytes = 128 bits is plenty for map keys). */
export async function sha256Hex(text: string, bytes = 32): Promise<string> {
  return hex(await crypto.subtle.digest('SHA-256', utf8.encode(text)), bytes);
}

/** A keyed hash (HMAC-SHA-256) as a function; the key is imported once. */
export function hmacSha256(key: string, bytes = 32): (text: string) => Promise<string> {
  const k = crypto.subtle.importKey('raw', utf8.encode(key), { name: 'HMAC', hash: 'SHA-256' }, false, ['sign']);
  return async (text) => hex(await crypto.subtle.sign('HMAC', await k, utf8.encode(text)), bytes);
}
