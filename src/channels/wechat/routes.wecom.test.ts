// WeCom (企业微信) routes against the official vectors and the independent libraries.
import { createRequire } from 'node:module';
import type { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import * as wecom from '@wecom/crypto';
import type { Answer, AskFn } from '../../qa/types.js';
import { createWecomRoutes, type WecomRoutesDeps } from './routes.js';
import { TEXTS } from '../kit/texts.js';
import { parseXml } from './xml.js';

const require = createRequire(import.meta.url);
const WXBizMsgCrypt = require('wechat-crypto') as new (
  token: string,
  key: string,
  id: string,
) => { getSignature(t: string, n: string, e: string): string; decrypt(e: string): { message: string; id: string } };

// Vectors V1 and V2 from docs/wechat-protocol.md.
const TOKEN = 'QDG6eK';
const CORP_ID = 'wx5823bf96d3bd56c7';
const KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const V1 = {
  timestamp: '1409659589',
  nonce: '263014780',
  echostr: 'P9nAzCzyDtyTWESHep1vC5X9xho/qYX3Zpb4yKa9SKld1DsH3Iyt3tP3zNdtp+4RPcs8TgAE7OaBO+FZXvnaqQ==',
  msgSignature: '5c45ff5e21c57e6ad56bac8758b79b1d9ac89fd3',
};
const V2 = {
  timestamp: '1409659813',
  nonce: '1372623149',
  msgSignature: '477715d11cdb4164915debcba66cb864d751f3e6',
  encrypt:
    'RypEvHKD8QQKFhvQ6QleEB4J58tiPdvo+rtK1I9qca6aM/wvqnLSV5zEPeusUiX5L5X/0lWfrf0QADHHhGd3QczcdCUpj911L3vg3W/sYYvuJTs3TUUkSUXxaccAS0qhxchrRYt66wiSpGLYL42aM6A8dTT+6k4aSknmPj48kzJs8qLjvd4Xgpue06DOdnLxAUHzM6+kDZ+HMZfJYuR+LtwGc2hgf5gsijff0ekUNXZiqATP7PF5mZxZ3Izoun1s4zG4LUMnvw2r+KqCKIw+3IQH03v+BCA9nMELNqbSf6tiWSrXJB3LAVGUcallcrw8V2t9EL4EhzJWrQUax5wLVMNS0+rUPA3k22Ncx4XXZS9o0MBH27Bo6BpNelZpS+/uh9KsNlY6bHCmJU9p8g7m3fVKn28H3KDYA5Pl/T8Z1ptDAVe0lXdQ2YoyyH2uyPIGHBZZIs2pDBS8R07+qN+E7Q==',
};
const NOW_S = Number(V2.timestamp);
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');

const answerOf = (text: string): Answer => ({ answer: text, intent: 'search', citations: [], facts: [] });

function makeApp(over: Partial<WecomRoutesDeps> = {}, ask: AskFn = vi.fn(async (q: string) => answerOf(`答：${q}。`))) {
  const app = createWecomRoutes({
    ask,
    config: { token: TOKEN, corpId: CORP_ID, encodingAESKey: KEY },
    now: () => NOW_S * 1000,
    onError: () => undefined,
    ...over,
  });
  return { app, ask: ask as ReturnType<typeof vi.fn> & AskFn };
}

function inner(fields: Record<string, string>): string {
  const f = { ToUserName: CORP_ID, FromUserName: 'zhangsan', CreateTime: String(NOW_S), AgentID: '1000002', ...fields };
  return `<xml>${Object.entries(f)
    .map(([k, v]) => `<${k}><![CDATA[${v}]]></${k}>`)
    .join('')}</xml>`;
}

/** POSTs like WeCom: the message encrypted with @wecom/crypto for `corpId`, signed over Encrypt. */
function post(app: Hono, plaintext: string, o: { corpId?: string; timestamp?: string; forge?: boolean; nonce?: string } = {}) {
  const ts = o.timestamp ?? String(NOW_S);
  const nonce = o.nonce ?? '1372623149';
  const encrypt = wecom.encrypt(KEY, plaintext, o.corpId ?? CORP_ID);
  const sig = wecom.getSignature(o.forge ? 'forged' : TOKEN, ts, nonce, encrypt);
  const body = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><AgentID><![CDATA[1000002]]></AgentID><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`;
  return app.request(`/?msg_signature=${sig}&timestamp=${ts}&nonce=${nonce}`, { method: 'POST', body });
}

async function openReply(res: Response): Promise<Record<string, string>> {
  expect(res.status).toBe(200);
  const env = parseXml(await res.text());
  const wx = new WXBizMsgCrypt(TOKEN, KEY, CORP_ID);
  expect(env.MsgSignature).toBe(wx.getSignature(env.TimeStamp!, env.Nonce!, env.Encrypt!));
  expect(env.TimeStamp).toBe(String(NOW_S));
  const { message, id } = wx.decrypt(env.Encrypt!);
  expect(id).toBe(CORP_ID);
  return parseXml(message);
}

describe('WeCom GET URL verification', () => {
  it('V1: returns exactly the decrypted echostr', async () => {
    const { app } = makeApp({ now: () => Number(V1.timestamp) * 1000 });
    const q = new URLSearchParams({ msg_signature: V1.msgSignature, timestamp: V1.timestamp, nonce: V1.nonce, echostr: V1.echostr });
    const res = await app.request(`/?${q}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('1616140317555161061');
  });

  it('V1 with echostr not URL-encoded: "+" arrives as a space and is restored', async () => {
    const { app } = makeApp();
    const res = await app.request(`/?msg_signature=${V1.msgSignature}&timestamp=${V1.timestamp}&nonce=${V1.nonce}&echostr=${V1.echostr}`);
    expect(await res.text()).toBe('1616140317555161061');
  });

  it('401 for a forged signature or an echostr for another corp', async () => {
    const { app } = makeApp();
    const forged = new URLSearchParams({ msg_signature: 'f'.repeat(40), timestamp: V1.timestamp, nonce: V1.nonce, echostr: V1.echostr });
    expect((await app.request(`/?${forged}`)).status).toBe(401);
    const other = wecom.encrypt(KEY, '123', 'wwOTHERCORP');
    const q = new URLSearchParams({ msg_signature: wecom.getSignature(TOKEN, '1', '2', other), timestamp: '1', nonce: '2', echostr: other });
    const res = await app.request(`/?${q}`);
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
  });

  it('503 JSON when not configured', async () => {
    const { app } = makeApp({ config: { token: TOKEN, corpId: CORP_ID, encodingAESKey: '' } });
    const res = await app.request('/?msg_signature=a&timestamp=1&nonce=2&echostr=3');
    expect(res.status).toBe(503);
    expect((await res.json()) as unknown).toMatchObject({ error: { code: 'WECHAT_NOT_CONFIGURED' } });
  });
});

describe('WeCom POST', () => {
  it('V2: the official encrypted message is answered, encrypted for the corp', async () => {
    const { app, ask } = makeApp();
    const body = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><AgentID><![CDATA[218]]></AgentID><Encrypt><![CDATA[${V2.encrypt}]]></Encrypt></xml>`;
    const res = await app.request(`/?msg_signature=${V2.msgSignature}&timestamp=${V2.timestamp}&nonce=${V2.nonce}`, {
      method: 'POST',
      body,
    });
    const r = await openReply(res);
    expect(r).toMatchObject({ ToUserName: 'mycreate', FromUserName: CORP_ID, MsgType: 'text', Content: '答：hello。' });
    expect(ask).toHaveBeenCalledWith('hello', expect.objectContaining({ channelUser: 'wecom:wx5823bf96d3bd56c7:mycreate' }));
  });

  it('handles every message type', async () => {
    const { app, ask } = makeApp();
    const cases: [Record<string, string>, string | RegExp][] = [
      [{ MsgType: 'text', Content: '土地这块归谁管？', MsgId: '1' }, /^答：土地这块归谁管？/],
      [{ MsgType: 'voice', MediaId: 'm', Format: 'amr', Recognition: '给多少钱', MsgId: '2' }, /^答：给多少钱/],
      [{ MsgType: 'voice', MediaId: 'm', Format: 'amr', MsgId: '3' }, TEXTS.voiceUnrecognized],
      [{ MsgType: 'image', PicUrl: 'http://x', MediaId: 'm', MsgId: '4' }, TEXTS.textOnly],
      [{ MsgType: 'location', Location_X: '1', Location_Y: '2', Scale: '3', Label: 'L', MsgId: '5' }, TEXTS.textOnly],
      [{ MsgType: 'event', Event: 'subscribe' }, TEXTS.welcome],
      [{ MsgType: 'event', Event: 'click', EventKey: 'K' }, TEXTS.textOnly],
    ];
    for (const [fields, want] of cases) {
      const content = (await openReply(await post(app, inner(fields)))).Content!;
      if (typeof want === 'string') expect(content, fields.MsgType).toBe(want);
      else expect(content, fields.MsgType).toMatch(want);
    }
    for (const event of ['unsubscribe', 'enter_agent']) {
      const res = await post(app, inner({ MsgType: 'event', Event: event }));
      expect(await res.text()).toBe('success');
    }
    expect(ask).toHaveBeenCalledTimes(2);
  });

  it('401 for forged msg_signature, stale timestamp and another corp', async () => {
    const { app, ask } = makeApp();
    const m = inner({ MsgType: 'text', Content: 'hi', MsgId: '9' });
    expect((await post(app, m, { forge: true })).status).toBe(401);
    expect((await post(app, m, { timestamp: String(NOW_S - 600) })).status).toBe(401);
    expect((await post(app, m, { corpId: 'wwANOTHERCORP' })).status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
  });

  it('400 for an entity bomb inside a valid envelope, 413 for an oversize body', async () => {
    const { app } = makeApp();
    const bomb = '<!DOCTYPE x [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;&a;&a;&a;">]><xml><Content>&b;</Content></xml>';
    expect((await post(app, bomb)).status).toBe(400);
    const res = await app.request(`/?msg_signature=x&timestamp=${NOW_S}&nonce=1`, { method: 'POST', body: 'a'.repeat(65 * 1024) });
    expect(res.status).toBe(413);
  });

  it('dedupes retries by MsgId and keeps long answers within 2048 bytes', async () => {
    const long = '牵头单位为自治区自然资源厅。'.repeat(300);
    const ask = vi.fn(async () => answerOf(long));
    const { app } = makeApp({}, ask);
    const m = inner({ MsgType: 'text', Content: '土地这块归谁管？', MsgId: '77' });
    const replies = await Promise.all([1, 2, 3].map(async (i) => (await openReply(await post(app, m, { nonce: String(i) }))).Content!));
    expect(new Set(replies).size).toBe(1);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(bytes(replies[0]!)).toBeLessThanOrEqual(2048);
    expect(bytes(replies[0]!)).toBeGreaterThan(2000);
    expect(replies[0]).toMatch(/。\n（内容较长，未完整显示）$/);
  });
});
