// WeChat / WeCom message encryption (AES-256-CBC, 32-byte PKCS#7) and signatures, on WebCrypto only.
import { base64ToBytes, bytesToBase64 } from './base64.js';
import { type AppError, createError } from '../../errors.js';

const BLOCK = 16;
/** WeChat pads to 32 bytes, not AES's 16: pad values run 1..32. */
const PAD_TO = 32;
const utf8 = new TextEncoder();

export interface CipherOptions {
  /** 43 characters from the admin console; base64 of the 32-byte key without its trailing '='. */
  encodingAESKey: string;
  /** appid (Official Account) or corpid (WeCom): written into and checked in every message. */
  receiveId: string;
}

export interface Cipher {
  /** base64 of AES(random16 ‖ len ‖ msg ‖ receiveId ‖ pad). `random` is for test vectors only. */
  encrypt(message: string, random?: Uint8Array): Promise<string>;
  /** The message; throws WECHAT_DECRYPT_FAILED or WECHAT_RECEIVEID_MISMATCH. */
  decrypt(encrypted: string): Promise<string>;
}

function subtle(): SubtleCrypto {
  return globalThis.crypto.subtle;
}

export function createCipher({ encodingAESKey, receiveId }: CipherOptions): Cipher {
  const raw = /^[A-Za-z0-9+/]{43}$/.test(encodingAESKey) ? base64ToBytes(`${encodingAESKey}=`) : undefined;
  if (raw?.length !== 32) throw createError('WECHAT_NOT_CONFIGURED', 'EncodingAESKey must be 43 base64 characters');
  if (!receiveId) throw createError('WECHAT_NOT_CONFIGURED', 'receiveId is required');
  const iv = raw.slice(0, BLOCK);
  const receiveIdBytes = utf8.encode(receiveId);
  let keyPromise: Promise<CryptoKey> | undefined;
  const key = () => (keyPromise ??= subtle().importKey('raw', raw, { name: 'AES-CBC' }, false, ['encrypt', 'decrypt']));

  async function encrypt(message: string, random?: Uint8Array): Promise<string> {
    const rnd = random ?? globalThis.crypto.getRandomValues(new Uint8Array(16));
    if (rnd.length !== 16) throw new RangeError('random must be 16 bytes');
    const msg = utf8.encode(message);
    const body = concat(rnd, u32be(msg.length), msg, receiveIdBytes);
    const padded = concat(body, pad(body.length));
    // WebCrypto always appends a full 16-byte padding block to block-aligned input; drop it.
    const out = new Uint8Array(await subtle().encrypt({ name: 'AES-CBC', iv }, await key(), padded));
    return bytesToBase64(out.subarray(0, padded.length));
  }

  async function decrypt(encrypted: string): Promise<string> {
    const ct = base64ToBytes(encrypted.trim());
    if (!ct || ct.length === 0 || ct.length % BLOCK !== 0) throw fail('ciphertext is not block-aligned base64');
    const k = await key();
    // WebCrypto insists on removing its own 16-byte padding. Encrypting nothing with iv = the last
    // ciphertext block yields exactly the block a full padding block (16 × 0x10) would chain to,
    // so appending it makes WebCrypto strip that and hand back our own padded plaintext intact.
    const tail = new Uint8Array(
      await subtle().encrypt({ name: 'AES-CBC', iv: ct.slice(ct.length - BLOCK) }, k, new Uint8Array(0)),
    );
    let plain: Uint8Array;
    try {
      plain = new Uint8Array(await subtle().decrypt({ name: 'AES-CBC', iv }, k, concat(ct, tail)));
    } catch {
      throw fail('AES decryption failed');
    }
    const body = unpad(plain);
    if (body.length < 20) throw fail('plaintext too short');
    const len = new DataView(body.buffer, body.byteOffset, body.byteLength).getUint32(16);
    if (20 + len > body.length) throw fail('message length exceeds plaintext');
    const id = body.subarray(20 + len);
    if (!equalBytes(id, receiveIdBytes)) throw createError('WECHAT_RECEIVEID_MISMATCH');
    try {
      return new TextDecoder('utf-8', { fatal: true }).decode(body.subarray(20, 20 + len));
    } catch {
      throw fail('message is not UTF-8');
    }
  }

  return { encrypt, decrypt };
}

/** sha1hex of the parts sorted as plain strings and joined: both signature and msg_signature. */
export async function signature(parts: string[]): Promise<string> {
  const data = utf8.encode([...parts].sort().join(''));
  const digest = new Uint8Array(await subtle().digest('SHA-1', data));
  return Array.from(digest, (b) => b.toString(16).padStart(2, '0')).join('');
}

/** Compares two signatures without an early exit, so timing does not leak a matching prefix. */
export function signatureEquals(a: string, b: string): boolean {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  let diff = x.length ^ y.length;
  for (let i = 0; i < x.length; i++) diff |= x.charCodeAt(i) ^ y.charCodeAt(i % Math.max(y.length, 1));
  return diff === 0;
}

function fail(message: string): AppError {
  return createError('WECHAT_DECRYPT_FAILED', message);
}

function pad(length: number): Uint8Array {
  const n = PAD_TO - (length % PAD_TO);
  return new Uint8Array(n).fill(n);
}

function unpad(data: Uint8Array): Uint8Array {
  const n = data[data.length - 1] ?? 0;
  if (n < 1 || n > PAD_TO || n > data.length) throw fail('bad padding');
  for (let i = data.length - n; i < data.length; i++) if (data[i] !== n) throw fail('bad padding');
  return data.subarray(0, data.length - n);
}

function u32be(n: number): Uint8Array {
  const b = new Uint8Array(4);
  new DataView(b.buffer).setUint32(0, n);
  return b;
}

function concat(...parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let off = 0;
  for (const p of parts) {
    out.set(p, off);
    off += p.length;
  }
  return out;
}

function equalBytes(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a[i]! ^ b[i]!;
  return diff === 0;
}
