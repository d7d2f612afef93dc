import { createCipheriv, createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Buffer } from 'node:buffer';
import { describe, expect, it } from 'vitest';
import * as wecom from '@wecom/crypto';
import { createCipher, signature, signatureEquals } from './crypto.js';
import { AppError, isAppError } from '../../errors.js';

const require = createRequire(import.meta.url);
type WXBizMsgCryptT = {
  getSignature(timestamp: string, nonce: string, encrypt: string): string;
  encrypt(text: string): string;
  decrypt(text: string): { message: string; id: string };
};
const WXBizMsgCrypt = require('wechat-crypto') as new (token: string, key: string, id: string) => WXBizMsgCryptT;

// Public vectors from the official samples (see docs/wechat-protocol.md).
const V = {
  token: 'QDG6eK',
  corpId: 'wx5823bf96d3bd56c7',
  key: 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C',
};
const V1 = {
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
  plain: '1616140317555161061',
};
const V2 = {
  timestamp: '1409659813',
  nonce: '1372623149',
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
  plain:
    '<xml><ToUserName><![CDATA[wx5823bf96d3bd56c7]]></ToUserName>\n<FromUserName><![CDATA[mycreate]]></FromUserName>\n<CreateTime>1409659813</CreateTime>\n<MsgType><![CDATA[text]]></MsgType>\n<Content><![CDATA[hello]]></Content>\n<MsgId>4561255354251345929</MsgId>\n<AgentID>218</AgentID>\n</xml>',
};
const V3 = {
  key: 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG',
  appId: 'wxb11529c136998cb6',
  random: 'aaaabbbbccccdddd',
  plain: '我是中文abcd123',
  encrypt: 'jn1L23DB+6ELqJ+6bruv21Y6MD7KeIfP82D6gU39rmkgczbWwt5+3bnyg5K55bgVtVzd832WzZGMhkP72vVOfg==',
};

const cipher = createCipher({ encodingAESKey: V.key, receiveId: V.corpId });

async function codeOf(p: Promise<unknown>): Promise<string | undefined> {
  try {
    await p;
    return undefined;
  } catch (e) {
    return isAppError(e) ? e.code : `not coded: ${String(e)}`;
  }
}

/** AES-256-CBC without automatic padding, to forge plaintexts our decrypt must refuse. */
function rawEncrypt(key: string, plain: Buffer): string {
  const k = Buffer.from(`${key}=`, 'base64');
  const c = createCipheriv('aes-256-cbc', k, k.subarray(0, 16));
  c.setAutoPadding(false);
  return Buffer.concat([c.update(plain), c.final()]).toString('base64');
}

function framed(msg: string, id: string): Buffer {
  const m = Buffer.from(msg);
  const len = Buffer.alloc(4);
  len.writeUInt32BE(m.length);
  return Buffer.concat([Buffer.alloc(16, 7), len, m, Buffer.from(id)]);
}

describe('official vectors', () => {
  it('V1: WeCom URL verification signature and echostr', async () => {
    expect(await signature([V.token, V1.timestamp, V1.nonce, V1.echostr])).toBe(V1.msgSignature);
    expect(await cipher.decrypt(V1.echostr)).toBe(V1.plain);
  });

  it('V2: WeCom message signature and decryption', async () => {
    expect(await signature([V.token, V2.timestamp, V2.nonce, V2.encrypt])).toBe(V2.msgSignature);
    expect(await cipher.decrypt(V2.encrypt)).toBe(V2.plain);
  });

  it('V3: Official Account encryption with a fixed random gives the exact base64', async () => {
    const c = createCipher({ encodingAESKey: V3.key, receiveId: V3.appId });
    expect(await c.encrypt(V3.plain, new TextEncoder().encode(V3.random))).toBe(V3.encrypt);
    expect(await c.decrypt(V3.encrypt)).toBe(V3.plain);
  });
});

describe('signature', () => {
  it('sorts as plain strings, like the reference implementations', async () => {
    const parts = ['token', '1409659813', 'Znonce', 'abc+/=='];
    const expected = createHash('sha1').update([...parts].sort().join('')).digest('hex');
    expect(await signature(parts)).toBe(expected);
    expect(await signature(parts)).toBe(wecom.getSignature('token', '1409659813', 'Znonce', 'abc+/=='));
    expect(parts[0]).toBe('token'); // input not mutated
  });

  it('compares case-insensitively and rejects different lengths', () => {
    expect(signatureEquals('abCD', 'ABcd')).toBe(true);
    expect(signatureEquals('abcd', 'abce')).toBe(false);
    expect(signatureEquals('abcd', 'abc')).toBe(false);
    expect(signatureEquals('', 'a')).toBe(false);
  });
});

describe('interoperability', () => {
  // Lengths 0..70 cover every pad value 1..32, including a full 32-byte padding block.
  const messages = Array.from({ length: 71 }, (_, n) => 'x'.repeat(n)).concat([
    V2.plain,
    '中文消息：新认定的自治区级孵化器给多少钱？',
    '😀 emoji and ]]> and <tags>',
  ]);

  it('decrypts what @wecom/crypto encrypts, and the other way round', async () => {
    for (const m of messages) {
      expect(await cipher.decrypt(wecom.encrypt(V.key, m, V.corpId))).toBe(m);
      const back = wecom.decrypt(V.key, await cipher.encrypt(m));
      expect(back.message).toBe(m);
      expect(back.id).toBe(V.corpId);
    }
  });

  it('matches @wecom/crypto byte for byte given the same random', async () => {
    const random = Buffer.from('0123456789abcdef');
    for (const m of messages) {
      expect(await cipher.encrypt(m, random)).toBe(wecom.encrypt(V.key, m, V.corpId, random));
    }
  });

  it('decrypts what wechat-crypto encrypts, and the other way round', async () => {
    const wx = new WXBizMsgCrypt(V.token, V.key, V.corpId);
    for (const m of messages) {
      expect(await cipher.decrypt(wx.encrypt(m))).toBe(m);
      expect(wx.decrypt(await cipher.encrypt(m))).toEqual({ message: m, id: V.corpId });
    }
    expect(await signature([V.token, V2.timestamp, V2.nonce, V2.encrypt])).toBe(
      wx.getSignature(V2.timestamp, V2.nonce, V2.encrypt),
    );
  });

  it('decrypts V3 as produced by wechat-crypto for the Official Account', async () => {
    const wx = new WXBizMsgCrypt('anytoken', V3.key, V3.appId);
    expect(wx.decrypt(V3.encrypt)).toEqual({ message: V3.plain, id: V3.appId });
  });
});

describe('rejections', () => {
  it('rejects a message for another receive id', async () => {
    const other = createCipher({ encodingAESKey: V.key, receiveId: 'wxOTHER' });
    expect(await codeOf(other.decrypt(V2.encrypt))).toBe('WECHAT_RECEIVEID_MISMATCH');
    // @wecom/crypto never checks the id, so a foreign message must still be refused by us.
    expect(await codeOf(cipher.decrypt(wecom.encrypt(V.key, 'hi', 'wxOTHER')))).toBe('WECHAT_RECEIVEID_MISMATCH');
  });

  it('rejects bad padding that the lenient reference libraries would accept', async () => {
    const body = framed('hello', V.corpId); // 16+4+5+18 = 43 bytes
    const zeroPad = Buffer.concat([body, Buffer.alloc(64 - body.length, 0)]);
    const bigPad = Buffer.concat([body, Buffer.alloc(64 - body.length, 33)]);
    const mixed = Buffer.concat([body, Buffer.alloc(64 - body.length - 1, 9), Buffer.from([21])]);
    for (const plain of [zeroPad, bigPad, mixed]) {
      expect(await codeOf(cipher.decrypt(rawEncrypt(V.key, plain)))).toBe('WECHAT_DECRYPT_FAILED');
    }
  });

  it('rejects a length field pointing past the end', async () => {
    const body = framed('hello', V.corpId);
    body.writeUInt32BE(1000, 16);
    const plain = Buffer.concat([body, Buffer.alloc(64 - body.length, 64 - body.length)]);
    expect(await codeOf(cipher.decrypt(rawEncrypt(V.key, plain)))).toBe('WECHAT_DECRYPT_FAILED');
  });

  it('rejects non-base64, empty and unaligned ciphertext', async () => {
    for (const bad of ['', 'not base64!', 'AAAA', Buffer.alloc(17).toString('base64')]) {
      expect(await codeOf(cipher.decrypt(bad))).toBe('WECHAT_DECRYPT_FAILED');
    }
  });

  it('refuses a wrong key with a coded error', async () => {
    const wrong = createCipher({ encodingAESKey: V3.key, receiveId: V.corpId });
    expect(['WECHAT_DECRYPT_FAILED', 'WECHAT_RECEIVEID_MISMATCH']).toContain(await codeOf(wrong.decrypt(V2.encrypt)));
  });

  it('refuses a malformed EncodingAESKey up front', () => {
    expect(() => createCipher({ encodingAESKey: 'short', receiveId: 'x' })).toThrow(AppError);
    expect(() => createCipher({ encodingAESKey: V.key, receiveId: '' })).toThrow(AppError);
  });
});
