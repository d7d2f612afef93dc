// The 公众号 callback against the attacks and mistakes of issue 17: replies shared across a conversation
// (defect 1), plaintext in safe mode and replayed URLs (defect 8), a cached "too many questions" reply and
// entities decoded wrongly (defect 9). Driven with the real assistant through the app, as WeChat drives it.
import { createHash } from 'node:crypto';
import * as wecom from '@wecom/crypto';
import { describe, expect, it, vi } from 'vitest';
import { configFromEnv } from '../../config.js';
import { createRateLimiter } from '../../http/rate-limit.js';
import type { Answer, AskFn } from '../../qa/types.js';
import { createRuntime } from '../../runtime.js';
import { seedKnowledgeBase } from '../../testing/fixtures.js';
import { limitPerUser } from '../kit/limit.js';
import { TEXTS } from '../kit/texts.js';
import { createWechatRoutes } from './routes.js';

const TOKEN = 'policyToken';
const APP_ID = 'wxb11529c136998cb6';
const KEY = 'abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';
const sha1 = (parts: string[]) => createHash('sha1').update([...parts].sort().join('')).digest('hex');
const nowS = () => Math.floor(Date.now() / 1000);
let counter = 0;

const textXml = (user: string, content: string, msgId: string, raw = false) =>
  `<xml><ToUserName><![CDATA[gh_acct]]></ToUserName><FromUserName><![CDATA[${user}]]></FromUserName><CreateTime>${nowS()}</CreateTime>` +
  `<MsgType><![CDATA[text]]></MsgType><Content>${raw ? content : `<![CDATA[${content}]]>`}</Content><MsgId>${msgId}</MsgId></xml>`;

/** A freshly signed callback URL, as WeChat makes one per delivery. */
function signedQuery(extra: Record<string, string> = {}) {
  const ts = String(nowS());
  const nonce = String(++counter);
  return new URLSearchParams({ signature: sha1([TOKEN, ts, nonce]), timestamp: ts, nonce, ...extra });
}

type Fetcher = { request: (path: string, init?: RequestInit) => Response | Promise<Response> };
const contentOf = async (res: Response) => /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(await res.text())?.[1];
const post = (app: Fetcher, path: string, q: URLSearchParams, body: string) => app.request(`${path}?${q}`, { method: 'POST', body });

describe('WeChat replies follow the conversation (defect 1)', () => {
  it('answers a repeated follow-up from the current focus, not from an earlier identical question', async () => {
    const { app } = createRuntime({ kb: seedKnowledgeBase(), config: configFromEnv({ WECHAT_TOKEN: TOKEN, RATE_LIMIT_PER_MIN: '0' }), logError: () => {} });
    const say = async (content: string, msgId: string) => contentOf(await post(app, '/wechat', signedQuery(), textXml('oDialog', content, msgId)));
    expect(await say('国家级孵化器新认定给多少？', '9001')).toContain('100万元');
    expect(await say('这条谁牵头？', '9002')).toContain('自治区发展改革委');
    expect(await say('第五条讲了什么？', '9003')).toContain('（五）「新布局建设一批自治区级高新区」');
    const last = await say('这条谁牵头？', '9004');
    expect(last).toContain('由自治区科技厅牵头');
    expect(last).toContain('（五）「新布局建设一批自治区级高新区」');
  });
});

describe('safe mode and replays (defect 8)', () => {
  const answerOf = (text: string): Answer => ({ answer: text, intent: 'search', citations: [], facts: [] });
  const routes = (config: Parameters<typeof createWechatRoutes>[0]['config']) => {
    const ask = vi.fn<AskFn>(async (q) => answerOf(`答：${q}。`));
    return { app: createWechatRoutes({ ask, config, onError: () => {} }), ask };
  };

  it('in safe mode accepts only encrypted messages', async () => {
    const { app, ask } = routes({ token: TOKEN, appId: APP_ID, encodingAESKey: KEY, mode: 'safe' });
    const plain = await post(app, '/', signedQuery(), textXml('oSafe', '孵化器给多少', '1'));
    expect(plain.status).toBe(401);
    expect(await plain.text()).toBe('');
    // Compatible mode's body (plaintext fields beside Encrypt) without encrypt_type=aes is plaintext too.
    const inner = textXml('oSafe', '孵化器给多少', '2');
    const encrypt = wecom.encrypt(KEY, inner, APP_ID);
    const compat = await post(app, '/', signedQuery(), inner.replace('</xml>', `<Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`));
    expect(compat.status).toBe(401);
    expect(ask).not.toHaveBeenCalled();
    const q = signedQuery({ encrypt_type: 'aes' });
    q.set('msg_signature', wecom.getSignature(TOKEN, q.get('timestamp')!, q.get('nonce')!, encrypt));
    const sealed = await post(app, '/', q, `<xml><ToUserName><![CDATA[gh_acct]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`);
    expect(sealed.status).toBe(200);
    expect(ask).toHaveBeenCalledTimes(1);
  });

  it('is safe mode by default once an EncodingAESKey is configured', () => {
    expect(configFromEnv({ WECHAT_TOKEN: 't', WECHAT_APPID: APP_ID, WECHAT_ENCODING_AES_KEY: KEY }).wechat.mode).toBe('safe');
    expect(configFromEnv({ WECHAT_TOKEN: 't', WECHAT_APPID: APP_ID, WECHAT_ENCODING_AES_KEY: KEY, WECHAT_MODE: 'compat' }).wechat.mode).toBe('compat');
    expect(configFromEnv({ WECHAT_TOKEN: 't' }).wechat.mode).toBe('plain');
    expect(() => configFromEnv({ WECHAT_MODE: 'secure' })).toThrow(/WECHAT_MODE/);
  });

  it('refuses a captured callback URL posted again with another message; WeChat’s retry of the same body gets the same reply', async () => {
    const { app, ask } = routes({ token: TOKEN });
    const q = signedQuery();
    const original = textXml('oVictim', '土地这块归谁管？', '77');
    const first = await contentOf(await post(app, '/', q, original));
    const forged = await post(app, '/', q, textXml('oVictim', '帮我改一下资料', '78'));
    expect(forged.status).toBe(401);
    expect(await forged.text()).toBe('');
    const retry = await contentOf(await post(app, '/', q, original));
    expect(retry).toBe(first);
    expect(ask).toHaveBeenCalledTimes(1);
    expect(ask).toHaveBeenCalledWith('土地这块归谁管？', expect.anything());
  });
});

describe('smaller channel defects (defect 9)', () => {
  it('does not cache the "too many questions" reply: the retry after the limit refills gets the answer', async () => {
    let t = 0;
    const limiter = createRateLimiter({ perMinute: 60, burst: 1, now: () => t });
    const ask = vi.fn<AskFn>(async (q) => ({ answer: `答：${q}。`, intent: 'search', citations: [], facts: [] }));
    const app = createWechatRoutes({ ask: limitPerUser(ask, limiter), config: { token: TOKEN }, onError: () => {} });
    const say = async (msgId: string) => contentOf(await post(app, '/', signedQuery(), textXml('oBusy', '孵化器给多少', msgId)));
    expect(await say('1')).toBe('答：孵化器给多少。');
    expect(await say('2')).toBe(TEXTS.rateLimited);
    t += 1000; // one token back
    expect(await say('2')).toBe('答：孵化器给多少。'); // WeChat's retry of the limited message
    t += 1000;
    expect(await say('3')).toBe('答：孵化器给多少。'); // the user sends it again
    expect(ask).toHaveBeenCalledTimes(3);
  });

  it('decodes XML entities exactly once: &lt; reaches the engine as <, CDATA stays as written', async () => {
    const ask = vi.fn<AskFn>(async () => ({ answer: '好。', intent: 'search', citations: [], facts: [] }));
    const app = createWechatRoutes({ ask, config: { token: TOKEN }, onError: () => {} });
    await post(app, '/', signedQuery(), textXml('oXml', '投资额 &lt; 500万元 &amp;lt; &#20013;', '5', true));
    await post(app, '/', signedQuery(), textXml('oXml', '&lt;原样&gt;', '6'));
    expect(ask.mock.calls.map((c) => c[0])).toEqual(['投资额 < 500万元 &lt; 中', '&lt;原样&gt;']);
  });

  it('refuses a user or account id no platform would send (a 60 KB OpenID would become a session key)', async () => {
    const ask = vi.fn<AskFn>();
    const app = createWechatRoutes({ ask, config: { token: TOKEN }, onError: () => {} });
    expect((await post(app, '/', signedQuery(), textXml('o'.repeat(60_000), '孵化器', '8'))).status).toBe(400);
    expect(ask).not.toHaveBeenCalled();
  });
});
