// API sessions: ids are issued by the server, an unknown id says the conversation expired, and no id a client
// sends can read or steer a WeChat/WeCom user's conversation (issue 17, defects 2 and 9).
import * as wecom from '@wecom/crypto';
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { MemorySessionStore } from '../qa/sessions.js';
import { createRuntime } from '../runtime.js';
import { postJson } from '../testing/app.js';
import { seedKnowledgeBase } from '../testing/fixtures.js';

const TOKEN = 'QDG6eK';
const CORP_ID = 'wx5823bf96d3bd56c7';
const KEY = 'jWmYm7qr5nMoAUwZRjGtBxmz3KA1tkAj3ykkR6q2B2C';
const EXPIRED = '之前的对话已过期，请重新说明问题。';

function runtime() {
  const sessions = new MemorySessionStore();
  const config = configFromEnv({ RATE_LIMIT_PER_MIN: '0', WECOM_TOKEN: TOKEN, WECOM_CORPID: CORP_ID, WECOM_ENCODING_AES_KEY: KEY });
  return createRuntime({ kb: seedKnowledgeBase(), sessions, config, logError: () => {} });
}

let msgId = 1000;
/** A WeCom user's text message, encrypted and signed as WeCom sends it; returns the decrypted reply text. */
async function wecomSays(app: ReturnType<typeof runtime>['app'], user: string, text: string): Promise<string> {
  const ts = String(Math.floor(Date.now() / 1000));
  const nonce = String(++msgId);
  const inner = `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><FromUserName><![CDATA[${user}]]></FromUserName><CreateTime>${ts}</CreateTime><MsgType><![CDATA[text]]></MsgType><Content><![CDATA[${text}]]></Content><MsgId>${msgId}</MsgId><AgentID>1</AgentID></xml>`;
  const encrypt = wecom.encrypt(KEY, inner, CORP_ID);
  const sig = wecom.getSignature(TOKEN, ts, nonce, encrypt);
  const res = await app.request(`/wecom?msg_signature=${sig}&timestamp=${ts}&nonce=${nonce}`, {
    method: 'POST',
    body: `<xml><ToUserName><![CDATA[${CORP_ID}]]></ToUserName><Encrypt><![CDATA[${encrypt}]]></Encrypt></xml>`,
  });
  expect(res.status).toBe(200);
  const reply = /<Encrypt><!\[CDATA\[(.*?)\]\]><\/Encrypt>/.exec(await res.text())![1]!;
  return /<Content><!\[CDATA\[([\s\S]*?)\]\]><\/Content>/.exec(wecom.decrypt(KEY, reply).message)![1]!;
}

async function apiAsk(app: ReturnType<typeof runtime>['app'], question: string, sessionId?: string) {
  const res = await app.request(postJson('/api/ask', sessionId === undefined ? { question } : { question, sessionId }));
  expect(res.status).toBe(200);
  return res.json() as Promise<{ answer: string; sessionId: string; notice?: string; citations: { number: number }[]; departments?: { lead: string[] } }>;
}

describe('API sessions', () => {
  it('answers an unknown sessionId with a new id, the expired notice first, then the answer as a new conversation', async () => {
    const { app } = runtime();
    const a = await apiAsk(app, '新认定的自治区级孵化器给多少钱？', 'from-before-the-restart');
    expect(a.sessionId).not.toBe('from-before-the-restart');
    expect(a.notice).toBe('session_expired');
    const [first, ...rest] = a.answer.split('\n');
    expect(first).toBe(EXPIRED);
    const fresh = await apiAsk(app, '新认定的自治区级孵化器给多少钱？');
    expect(rest.join('\n')).toBe(fresh.answer);
    expect(fresh.notice).toBeUndefined();
    // The new id works for follow-ups, without the notice.
    const next = await apiAsk(app, '那国家级的呢？', a.sessionId);
    expect(next.sessionId).toBe(a.sessionId);
    expect(next.notice).toBeUndefined();
    expect(next.answer).toContain('100万元');
  });

  it('issues random, unguessable ids', async () => {
    const { app } = runtime();
    const ids = await Promise.all([1, 2, 3].map(async () => (await apiAsk(app, '独角兽奖励多少')).sessionId));
    expect(new Set(ids).size).toBe(3);
    for (const id of ids) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('never lets an HTTP client read or steer a WeCom user’s conversation', async () => {
    const { app } = runtime();
    expect(await wecomSays(app, 'zhangsan', '国家级孵化器新认定给多少？')).toContain('100万元');
    // Whatever the channel's key looks like, /api/ask treats it as an id it never issued.
    for (const guess of ['wecom:zhangsan', `wecom:${CORP_ID}:zhangsan`, 'api:wecom:zhangsan']) {
      const a = await apiAsk(app, '这条谁牵头？', guess);
      expect(a.citations[0]?.number, guess).not.toBe(14);
      expect(a.notice, guess).toBe('session_expired');
      expect(a.sessionId).not.toBe(guess);
      // Steering attempt: a new topic sent under the guessed id.
      await apiAsk(app, '土地这块归谁管', guess);
    }
    // The WeCom user's own follow-up still resolves against their clause 14, untouched by the API calls.
    const own = await wecomSays(app, 'zhangsan', '这条谁牵头？');
    expect(own).toContain('自治区发展改革委');
    expect(own).toContain('（十四）「优化创新创业生态」');
  });
});
