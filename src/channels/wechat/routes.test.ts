// 公众号 routes, driven the way WeChat's servers drive them: signed with an independent SHA-1,
// encrypted with @wecom/crypto, replies checked and decrypted with wechat-crypto.
import { createHash } from 'node:crypto';
import { createRequire } from 'node:module';
import { Hono } from 'hono';
import { describe, expect, it, vi } from 'vitest';
import * as wecom from '@wecom/crypto';
import type { Answer, AskFn, Citation } from '../../qa/types.js';
import { createWechatRoutes, type WechatRoutesDeps } from './routes.js';
import { TEXTS } from '../kit/texts.js';
import { parseXml } from './xml.js';

const require = createRequire(import.meta.url);
const WXBizMsgCrypt = require('wechat-crypto') as new (
  token: string,
  key: string,
  id: string,
) => { getSignature(t: string, n: string, e: string): string; decrypt(e: string): { message: string; id: string } };

const TOKEN = 'policyToken';
const APP_ID = 'wxb11529c136998cb6';
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const NOW_S = 1_700_000_000;
const NOW = NOW_S * 1000;
const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');
const bytes = (s: string) => Buffer.byteLength(s, 'utf8');
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const c14: Citation = {
  docId: 'gx',
  docTitle: '关于进一步加快科技创新的若干措施',
  clause: '（十四）',
  number: 14,
  title: '优化创新创业生态',
  quote: '…',
};
const answerOf = (text: string): Answer => ({ answer: text, intent: 'amount', citations: [c14], facts: [] });

function makeApp(over: Partial<WechatRoutesDeps> = {}, ask: AskFn = vi.fn(async (q: string) => answerOf(`答：${q}。`))) {
  const app = createWechatRoutes({
    ask,
    // Compatible mode accepts both shapes; safe mode's refusal of plaintext is in routes.hardening.test.ts.
    config: { token: TOKEN, appId: APP_ID, encodingAESKey: KEY, mode: 'compat' },
    now: () => NOW,
    nonce: () => '5551234',
    onError: () => undefined,
    ...over,
  });
  return { app, ask: ask as ReturnType<typeof vi.fn> & AskFn };
}

function msgXml(fields: Record<string, string>): string {
  const f = { ToUserName: 'gh_acct', FromUserName: 'oUser1', CreateTime: String(NOW_S), ...fields };
  return `<xml>${Object.entries(f)
    .map(([k, v]) => (/^\d+$/.test(v) ? `<${k}>${v}</${k}>` : `<${k}><![CDATA[${v}]]></${k}>`))
    .join('')}</xml>`;
}

interface SendOpts {
  mode?: 'plain' | 'aes' | 'compat' | 'compat-plain';
  timestamp?: number;
  forgeSignature?: boolean;
  forgeMsgSignature?: boolean;
  receiveId?: string;
  rawBody?: string;
  /** Each delivery is signed afresh (a new nonce) unless a test repeats one on purpose. */
  nonce?: string;
}

let deliveries = 0;

/** POSTs like WeChat: plaintext, safe (aes) or compatible mode. */
function send(app: Hono, fields: Record<string, string>, o: SendOpts = {}) {
  const ts = String(o.timestamp ?? NOW_S);
  const nonce = o.nonce ?? String(98765 + ++deliveries);
  const inner = msgXml(fields);
  const q = new URLSearchParams({ timestamp: ts, nonce, openid: 'oUser1' });
  q.set('signature', o.forgeSignature ? sha1(['x', ts, nonce]) : sha1([TOKEN, ts, nonce]));
  let body = inner;
  const mode = o.mode ?? 'plain';
  if (mode !== 'plain') {
    const encrypt = wecom.encrypt(KEY, inner, o.receiveId ?? APP_ID);
    const sig = wecom.getSignature(o.forgeMsgSignature ? 'x' : TOKEN, ts, nonce, encrypt);
    body =
      mode === 'aes'
        ? `<xml><ToUserName><![CDATA[gh_acct]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`
        : inner.replace('</xml>', `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    if (mode !== 'compat-plain') {
      q.set('encrypt_type', 'aes');
      q.set('msg_signature', sig);
    }
  }
  return app.request(`/?${q}`, { method: 'POST', body: o.rawBody ?? body, headers: { 'Content-Type': 'text/xml' } });
}

/** Reads a reply: plaintext XML, or the encrypted envelope verified and opened with wechat-crypto. */
async function readReply(res: Response, encrypted = false): Promise<Record<string, string>> {
  expect(res.status).toBe(200);
  const text = await res.text();
  if (!encrypted) return parseXml(text);
  const env = parseXml(text);
  const wx = new WXBizMsgCrypt(TOKEN, KEY, APP_ID);
  expect(env.MsgSignature).toBe(wx.getSignature(env.TimeStamp!, env.Nonce!, env.Encrypt!));
  expect(env.TimeStamp).toBe(String(NOW_S));
  expect(env.Nonce).toBe('5551234');
  const { message, id } = wx.decrypt(env.Encrypt!);
  expect(id).toBe(APP_ID);
  return parseXml(message);
}

describe('GET URL verification', () => {
  const q = (sig: string) => `/?signature=${sig}&timestamp=${NOW_S}&nonce=42&echostr=8234567890123456789`;

  it('echoes echostr as text/plain for a good signature', async () => {
    const { app } = makeApp();
    const res = await app.request(q(sha1([TOKEN, String(NOW_S), '42'])));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await res.text()).toBe('8234567890123456789');
  });

  it('answers a bad signature with a bare 401, and missing params with 400', async () => {
    const { app } = makeApp();
    const res = await app.request(q(sha1(['nope', String(NOW_S), '42'])));
    expect(res.status).toBe(401);
    expect(await res.text()).toBe('');
    expect((await app.request('/')).status).toBe(400);
  });

  it('works mounted at /wechat and reports missing config as 503 JSON', async () => {
    const root = new Hono();
    root.route('/wechat', makeApp().app);
    root.route('/off', makeApp({ config: { token: '' } }).app);
    expect(await (await root.request(`/wechat${q(sha1([TOKEN, String(NOW_S), '42'])).slice(1)}`)).text()).toBe(
      '8234567890123456789',
    );
    const off = await root.request('/off?signature=a&timestamp=1&nonce=2&echostr=3');
    expect(off.status).toBe(503);
    expect(await off.json()).toEqual({ error: { code: 'WECHAT_NOT_CONFIGURED', message: 'channel not configured' } });
  });
});

describe('messages', () => {
  it('answers text through ask with a per-user session, swapping To/From', async () => {
    const { app, ask } = makeApp();
    const res = await send(app, { MsgType: 'text', Content: '新认定的自治区级孵化器给多少钱？', MsgId: '4561255354251345929' });
    expect(res.headers.get('content-type')).toMatch(/xml/);
    const r = await readReply(res);
    expect(r).toMatchObject({ ToUserName: 'oUser1', FromUserName: 'gh_acct', MsgType: 'text', CreateTime: String(NOW_S) });
    expect(r.Content).toBe(
      '答：新认定的自治区级孵化器给多少钱？。\n\n出处：《关于进一步加快科技创新的若干措施》（十四）「优化创新创业生态」',
    );
    expect(ask).toHaveBeenCalledWith('新认定的自治区级孵化器给多少钱？', expect.objectContaining({ channelUser: 'wechat:gh_acct:oUser1' }));
  });

  it('answers recognised voice and hints when Recognition is empty or absent', async () => {
    const { app, ask } = makeApp();
    const voice = { MsgType: 'voice', MediaId: 'm1', Format: 'amr' };
    expect((await readReply(await send(app, { ...voice, Recognition: '土地这块归谁管', MsgId: '1' }))).Content).toMatch(/^答：土地这块归谁管/);
    expect((await readReply(await send(app, { ...voice, Recognition: '', MsgId: '2' }))).Content).toBe(TEXTS.voiceUnrecognized);
    expect((await readReply(await send(app, { ...voice, MsgId: '3' }))).Content).toBe(TEXTS.voiceUnrecognized);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('welcomes a subscriber with example questions and stays silent on unsubscribe', async () => {
    const { app, ask } = makeApp();
    const welcome = (await readReply(await send(app, { MsgType: 'event', Event: 'subscribe' }))).Content!;
    expect(welcome).toContain('新认定的自治区级孵化器给多少钱？');
    expect(welcome).toContain('土地这块归谁管？');
    expect(welcome).toContain('第十五条讲了什么？');
    const res = await send(app, { MsgType: 'event', Event: 'unsubscribe' });
    expect(res.status).toBe(200);
    expect(await res.text()).toBe('success');
    expect(ask).not.toHaveBeenCalled();
  });

  it('hints "send text" for images, locations, links, videos and menu clicks', async () => {
    const { app, ask } = makeApp();
    const others: Record<string, string>[] = [
      { MsgType: 'image', PicUrl: 'http://x/y.jpg', MediaId: 'm', MsgId: '11' },
      { MsgType: 'location', Location_X: '22.8', Location_Y: '108.3', Scale: '15', Label: '南宁', MsgId: '12' },
      { MsgType: 'link', Title: 't', Description: 'd', Url: 'http://x', MsgId: '13' },
      { MsgType: 'video', MediaId: 'm', ThumbMediaId: 't', MsgId: '14' },
      { MsgType: 'event', Event: 'CLICK', EventKey: 'MENU_ASK' },
    ];
    for (const f of others) expect((await readReply(await send(app, f))).Content, f.MsgType).toBe(TEXTS.textOnly);
    expect(ask).not.toHaveBeenCalled();
  });

  it('turns an engine failure into an apology, never a 5xx', async () => {
    const { app } = makeApp({}, async () => {
      throw new Error('boom');
    });
    expect((await readReply(await send(app, { MsgType: 'text', Content: '问', MsgId: '21' }))).Content).toBe(TEXTS.failed);
  });

  it('keeps a very long answer within 2000 bytes, cut at a sentence boundary', async () => {
    const long = `100万元。${'对新认定的国家级科技企业孵化器给予一次性经费支持；'.repeat(200)}尾句。`;
    const { app } = makeApp({}, async () => answerOf(long));
    const content = (await readReply(await send(app, { MsgType: 'text', Content: '长', MsgId: '22' }))).Content!;
    expect(bytes(content)).toBeLessThanOrEqual(2000);
    expect(content).toMatch(/；\n（详见（十四）原文）\n\n出处：/);
    expect(content).not.toContain('尾句');
  });
});

describe('modes', () => {
  const text = { MsgType: 'text', Content: '第十五条讲了什么？', MsgId: '31' };

  it('safe mode: decrypts, answers and replies encrypted, signed with its own timestamp and nonce', async () => {
    const { app, ask } = makeApp();
    const r = await readReply(await send(app, text, { mode: 'aes' }), true);
    expect(r.Content).toMatch(/^答：第十五条讲了什么？/);
    expect(r.ToUserName).toBe('oUser1');
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('compatible mode without encrypt_type=aes is answered in plaintext', async () => {
    const { app } = makeApp();
    const r = await readReply(await send(app, { ...text, MsgId: '32' }, { mode: 'compat-plain' }));
    expect(r.Content).toMatch(/^答：第十五条/);
  });

  it('compatible mode with encrypt_type=aes answers from the encrypted copy, encrypted', async () => {
    const { app } = makeApp();
    const r = await readReply(await send(app, { ...text, MsgId: '33' }, { mode: 'compat' }), true);
    expect(r.Content).toMatch(/^答：第十五条/);
  });

  it('safe mode without an AES key configured is 503, not a crash', async () => {
    const { app } = makeApp({ config: { token: TOKEN } });
    expect((await send(app, text, { mode: 'aes' })).status).toBe(503);
    expect((await send(app, text)).status).toBe(200);
  });
});

describe('rejections', () => {
  const text = { MsgType: 'text', Content: '问', MsgId: '41' };

  it('401 for a forged signature, forged msg_signature, stale or future timestamp, wrong appid', async () => {
    const { app, ask } = makeApp();
    const cases: SendOpts[] = [
      { forgeSignature: true },
      { mode: 'aes', forgeSignature: true },
      { mode: 'aes', forgeMsgSignature: true },
      { timestamp: NOW_S - 301 },
      { timestamp: NOW_S + 301 },
      { mode: 'aes', receiveId: 'wxSOMEONEELSE00000' },
    ];
    for (const c of cases) {
      const res = await send(app, text, c);
      expect(res.status, JSON.stringify(c)).toBe(401);
      expect(await res.text()).toBe('');
    }
    expect((await send(app, text, { timestamp: NOW_S - 299 })).status).toBe(200);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('413 for a body over 64 KB, by Content-Length or by actual size', async () => {
    const { app } = makeApp();
    const big = msgXml({ MsgType: 'text', Content: 'x'.repeat(70_000), MsgId: '42' });
    expect((await send(app, text, { rawBody: big })).status).toBe(413);
    // Streamed without a Content-Length header: counted while reading.
    const ts = String(NOW_S);
    const stream = new ReadableStream<Uint8Array>({
      start(ctrl) {
        for (let i = 0; i < 20; i++) ctrl.enqueue(new TextEncoder().encode('y'.repeat(4096)));
        ctrl.close();
      },
    });
    const res = await app.request(`/?signature=${sha1([TOKEN, ts, '1'])}&timestamp=${ts}&nonce=1`, {
      method: 'POST',
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(413);
    // The same streamed path accepts a normal-sized message.
    const ok = await app.request(`/?signature=${sha1([TOKEN, ts, '1'])}&timestamp=${ts}&nonce=1`, {
      method: 'POST',
      body: new Blob([msgXml({ MsgType: 'text', Content: '流式', MsgId: '43' })]).stream(),
      duplex: 'half',
    } as RequestInit);
    expect((await readReply(ok)).Content).toMatch(/^答：流式/);
  });

  it('400 for malformed XML and for DOCTYPE/ENTITY payloads, billion laughs included, quickly', async () => {
    const { app, ask } = makeApp();
    const lol = `<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;"><!ENTITY lol9 "&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;&lol3;">]><xml><ToUserName>a</ToUserName><FromUserName>b</FromUserName><MsgType>text</MsgType><Content>&lol9;</Content></xml>`;
    const xxe = `<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><xml><Content>&e;</Content></xml>`;
    const t0 = performance.now();
    for (const body of [lol, xxe, '<xml><a>1</b></xml>', 'not xml at all', '{"json":true}']) {
      const res = await send(app, text, { rawBody: body });
      expect(res.status, body.slice(0, 30)).toBe(400);
    }
    expect(performance.now() - t0).toBeLessThan(500);
    // The same bomb inside a correctly encrypted and signed envelope is refused too.
    const ts = String(NOW_S);
    const encrypt = wecom.encrypt(KEY, lol, APP_ID);
    const q = new URLSearchParams({
      signature: sha1([TOKEN, ts, '7']),
      timestamp: ts,
      nonce: '7',
      encrypt_type: 'aes',
      msg_signature: wecom.getSignature(TOKEN, ts, '7', encrypt),
    });
    const res = await app.request(`/?${q}`, { method: 'POST', body: `<xml><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>` });
    expect(res.status).toBe(400);
    expect(ask).not.toHaveBeenCalled();
  });

  it('400 for a message missing FromUserName/MsgType', async () => {
    const { app } = makeApp();
    expect((await send(app, text, { rawBody: '<xml><Content>hi</Content></xml>' })).status).toBe(400);
  });
});

describe('retries and the 5-second rule', () => {
  it('three concurrent tries of one MsgId: one ask, identical replies', async () => {
    const ask = vi.fn(async (q: string) => {
      await sleep(30);
      return answerOf(`答：${q}。${Math.random()}`);
    });
    const { app } = makeApp({}, ask);
    const m = { MsgType: 'text', Content: '土地这块归谁管？', MsgId: '51' };
    const replies = await Promise.all([1, 2, 3].map(async () => (await readReply(await send(app, m))).Content));
    expect(new Set(replies).size).toBe(1);
    expect(replies[0]).toMatch(/^答：土地/);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('three sequential tries of one MsgId (safe mode): one ask, identical replies', async () => {
    const ask = vi.fn(async (q: string) => answerOf(`答：${q}。${Math.random()}`));
    const { app } = makeApp({}, ask);
    const m = { MsgType: 'text', Content: '土地这块归谁管？', MsgId: '52' };
    const replies: string[] = [];
    for (let i = 0; i < 3; i++) replies.push((await readReply(await send(app, m, { mode: 'aes' }), true)).Content!);
    expect(new Set(replies).size).toBe(1);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('a slow engine gets a timely hint; the retry after it finishes gets the real answer', async () => {
    const ask = vi.fn(async () => {
      await sleep(300);
      return answerOf('真正的答案。');
    });
    const { app } = makeApp({ replyDeadlineMs: 100 }, ask);
    const m = { MsgType: 'text', Content: '慢问题', MsgId: '53' };
    const t0 = performance.now();
    const first = await readReply(await send(app, m));
    expect(performance.now() - t0).toBeLessThan(250);
    expect(first.Content).toBe(TEXTS.pending);
    await sleep(300);
    const retry = await readReply(await send(app, m));
    expect(retry.Content).toMatch(/^真正的答案。/);
    expect(ask).toHaveBeenCalledTimes(1);
  });
});
