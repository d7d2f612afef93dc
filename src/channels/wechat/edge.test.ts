import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { createCipher } from './crypto.js';
import { randomNonce, readBody, requireFreshTimestamp, requireParams, requireSignature, sealReply } from './edge.js';
import { isAppError } from '../../errors.js';
import { parseXml } from './xml.js';

const require = createRequire(import.meta.url);
const WXBizMsgCrypt = require('wechat-crypto') as new (
  token: string,
  key: string,
  id: string,
) => { getSignature(t: string, n: string, e: string): string; decrypt(e: string): { message: string; id: string } };

async function codeOf(f: () => unknown): Promise<string | undefined> {
  try {
    await f();
    return undefined;
  } catch (e) {
    return isAppError(e) ? e.code : `not coded: ${String(e)}`;
  }
}

describe('request checks', () => {
  it('accepts timestamps within 300 s either way and nothing else', async () => {
    const now = 1_700_000_000_000;
    expect(() => requireFreshTimestamp('1700000300', now)).not.toThrow();
    expect(() => requireFreshTimestamp('1699999700', now)).not.toThrow();
    for (const bad of ['1700000301', '1699999699', '', 'abc', '1.7e9', '-1']) {
      expect(await codeOf(() => requireFreshTimestamp(bad, now)), bad).toBe('WECHAT_STALE_TIMESTAMP');
    }
  });

  it('requireSignature accepts the right digest and rejects wrong or missing ones', async () => {
    // V1 from docs/wechat-protocol.md.
    const parts = ['QDG6eK', '1409659589', '263014780', 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ=='];
    await requireSignature('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3', parts);
    expect(await codeOf(() => requireSignature('5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd4', parts))).toBe('WECHAT_BAD_SIGNATURE');
    expect(await codeOf(() => requireSignature(undefined, parts))).toBe('WECHAT_BAD_SIGNATURE');
  });

  it('requireParams names what is missing as a 400-class error', async () => {
    expect(requireParams({ a: '1', b: '2', c: '' }, ['a', 'b'])).toEqual({ a: '1', b: '2' });
    expect(await codeOf(() => requireParams({ a: '1', c: '' }, ['a', 'c']))).toBe('BAD_REQUEST');
  });
});

describe('readBody', () => {
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    new Request('http://x/', { method: 'POST', body, headers, duplex: 'half' } as RequestInit);

  it('reads UTF-8 text up to the limit', async () => {
    expect(await readBody(post('<xml>中文</xml>'), 64)).toBe('<xml>中文</xml>');
    expect(await readBody(new Request('http://x/'))).toBe('');
  });

  it('refuses by declared length and by counted length', async () => {
    expect(await codeOf(() => readBody(post('x', { 'content-length': '1000000' }), 100))).toBe('PAYLOAD_TOO_LARGE');
    expect(await codeOf(() => readBody(post(new Blob(['y'.repeat(101)]).stream()), 100))).toBe('PAYLOAD_TOO_LARGE');
  });

  it('refuses bytes that are not UTF-8', async () => {
    expect(await codeOf(() => readBody(post(new Uint8Array([0x3c, 0xff, 0xfe, 0x3e]))))).toBe('WECHAT_BAD_XML');
  });
});

describe('sealReply', () => {
  it('produces an envelope wechat-crypto verifies and opens', async () => {
    const key = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
    const cipher = createCipher({ encodingAESKey: key, receiveId: 'wxb11529c136998cb6' });
    const env = parseXml(await sealReply(cipher, 'tok', '<xml><Content><![CDATA[好]]></Content></xml>', 1700000000, '123'));
    const wx = new WXBizMsgCrypt('tok', key, 'wxb11529c136998cb6');
    expect(env.TimeStamp).toBe('1700000000');
    expect(env.Nonce).toBe('123');
    expect(env.MsgSignature).toBe(wx.getSignature('1700000000', '123', env.Encrypt!));
    expect(wx.decrypt(env.Encrypt!)).toEqual({ message: '<xml><Content><![CDATA[好]]></Content></xml>', id: 'wxb11529c136998cb6' });
  });

  it('randomNonce is ten digits and varies', () => {
    const seen = new Set(Array.from({ length: 20 }, randomNonce));
    for (const n of seen) expect(n).toMatch(/^\d{10}$/);
    expect(seen.size).toBeGreaterThan(15);
  });
});
