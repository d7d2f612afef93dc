// Bad input never gets a 5xx: every refusal is a 4xx in OpenAI's error shape. Only a failing engine is a 502/503.
import { Hono } from 'hono';
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../errors.js';
import type { AskFn } from '../../qa/types.js';
import { MAX_BODY_BYTES } from './body.js';
import { createOpenAIRoutes } from './routes.js';
import { serveOnLoopback, serveRealApp, type Served } from '../../testing/loopback.js';

const user = (content: unknown) => ({ role: 'user', content });
const chat = (messages: unknown[], extra: object = {}) => JSON.stringify({ model: 'policy-qa', messages, ...extra });

/** name → [body, content-type, expected status, expected param] */
const BAD: Record<string, [BodyInit, string | null, number, string | null]> = {
  'malformed JSON': ['{"messages": [', 'application/json', 400, null],
  'empty body': ['', 'application/json', 400, null],
  'JSON array body': ['[]', 'application/json', 400, null],
  'JSON null body': ['null', 'application/json', 400, null],
  'missing messages': [JSON.stringify({ model: 'policy-qa' }), 'application/json', 400, 'messages'],
  'messages not an array': [JSON.stringify({ messages: 'hi' }), 'application/json', 400, 'messages'],
  'no messages': [chat([]), 'application/json', 400, 'messages'],
  'a null message': [chat([null]), 'application/json', 400, 'messages[0]'],
  'unknown role': [chat([{ role: 'robot', content: 'hi' }]), 'application/json', 400, 'messages[0].role'],
  'numeric content': [chat([user(5)]), 'application/json', 400, 'messages[0].content'],
  'text part without text': [chat([user([{ type: 'text' }])]), 'application/json', 400, 'messages[0].content[0].text'],
  'stream not a boolean': [chat([user('你好')], { stream: 'yes' }), 'application/json', 400, 'stream'],
  'last message from the assistant': [chat([user('国家级孵化器给多少？'), { role: 'assistant', content: '100万元' }]), 'application/json', 400, 'messages[1].role'],
  'last message from the system': [chat([user('你好'), { role: 'system', content: 'x' }]), 'application/json', 400, 'messages[1].role'],
  'blank question': [chat([user('  \n ')]), 'application/json', 400, 'messages[0].content'],
  'image-only question': [chat([user([{ type: 'image_url', image_url: { url: 'https://x/y.png' } }])]), 'application/json', 400, 'messages[0].content'],
  '600-character question': [chat([user('孵'.repeat(600))]), 'application/json', 400, 'messages[0].content'],
  'deeply nested JSON': ['['.repeat(30_000) + ']'.repeat(30_000), 'application/json', 400, null],
  'unterminated nesting': ['['.repeat(60_000), 'application/json', 400, null],
  'text/plain': [chat([user('你好')]), 'text/plain', 415, null],
  'form encoded': ['messages=hi', 'application/x-www-form-urlencoded', 415, null],
  'no content type': [new Blob([chat([user('你好')])]), null, 415, null],
  'oversize body': [chat([user('你好'), ...Array(40).fill(user('孵'.repeat(600)))]), 'application/json', 413, null],
};

const errorShape = (param: string | null) => ({
  error: { message: expect.any(String), type: 'invalid_request_error', param, code: expect.any(String) },
});

describe('bad input to the real app', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveRealApp();
  });
  afterAll(() => served.close());

  const post = (body: BodyInit, type: string | null, path = '/chat/completions') =>
    fetch(`${served.baseURL}${path}`, { method: 'POST', headers: type ? { 'content-type': type } : {}, body });

  for (const [name, [body, type, status, param]] of Object.entries(BAD)) {
    it(`${name} → ${status}`, async () => {
      const res = await post(body, type);
      expect(res.status).toBe(status);
      expect(res.headers.get('content-type')).toMatch(/^application\/json/);
      expect(await res.json()).toEqual(errorShape(param));
    });
  }

  it('the oversize body really is over the limit, and the question alone would be fine', () => {
    expect(Buffer.byteLength(BAD['oversize body']![0] as string)).toBeGreaterThan(MAX_BODY_BYTES);
  });

  it('unknown paths and methods under /v1 get a 404 in OpenAI shape', async () => {
    for (const [method, path] of [['GET', '/chat/completions'], ['POST', '/completions'], ['GET', '/embeddings']]) {
      const res = await fetch(`${served.baseURL}${path}`, { method, ...(method === 'POST' ? { body: '{}', headers: { 'content-type': 'application/json' } } : {}) });
      expect(res.status).toBe(404);
      expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'unknown_url' } });
    }
  });

  it('the official client surfaces a 400 as BadRequestError with the param', async () => {
    const client = new OpenAI({ baseURL: served.baseURL, apiKey: 'unused', maxRetries: 0 });
    const err = await client.chat.completions
      .create({ model: 'policy-qa', messages: [{ role: 'user', content: '孵'.repeat(501) }] })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.BadRequestError);
    expect((err as InstanceType<typeof OpenAI.BadRequestError>).param).toBe('messages[0].content');
  });

  it('accepts exactly 500 characters and unknown extra fields', async () => {
    const res = await post(chat([user('孵'.repeat(500))], { temperature: 0.2, max_tokens: 10, tools: [], n: 1 }), 'application/json; charset=utf-8');
    expect(res.status).toBe(200);
  });
});

describe('an oversize streamed body', () => {
  it('refuses an oversize chunked body that declares no length', async () => {
    // Its own server: we stop reading mid-body, which ends that connection, and a pooled fetch must not reuse it.
    const own = await serveRealApp();
    const piece = new TextEncoder().encode(' '.repeat(8192));
    let sent = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(ctl) {
        if (sent++ < 20) ctl.enqueue(piece);
        else ctl.close();
      },
    });
    try {
      const res = await fetch(`${own.baseURL}/chat/completions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(413);
      expect(await res.json()).toEqual(errorShape(null));
    } finally {
      await own.close();
    }
  });
});

describe('a failing engine', () => {
  const serveWith = (ask: AskFn) => {
    const errors: unknown[] = [];
    const app = new Hono().route('/v1', createOpenAIRoutes({ ask, apiKeys: [], onError: (e) => errors.push(e) }));
    return { errors, start: () => serveOnLoopback(app) };
  };

  it('is a 503 server_error the client may retry, logged once, for JSON and for streams', async () => {
    const { errors, start } = serveWith(async () => {
      throw new Error('index exploded');
    });
    const served = await start();
    try {
      const client = new OpenAI({ baseURL: served.baseURL, apiKey: 'unused', maxRetries: 0 });
      for (const stream of [false, true]) {
        const err = await client.chat.completions.create({ model: 'policy-qa', messages: [{ role: 'user', content: '你好' }], stream }).catch((e: unknown) => e);
        expect(err).toBeInstanceOf(OpenAI.InternalServerError);
        expect((err as InstanceType<typeof OpenAI.APIError>).status).toBe(503);
        expect((err as InstanceType<typeof OpenAI.APIError>).type).toBe('server_error');
        expect((err as InstanceType<typeof OpenAI.APIError>).message).not.toContain('exploded');
      }
      expect(errors).toHaveLength(2);
    } finally {
      await served.close();
    }
  });

  it('is a 502 when the LLM writer failed upstream', async () => {
    const { start } = serveWith(async () => {
      throw new AppError('LLM_FAILED', 'upstream 500');
    });
    const served = await start();
    try {
      const res = await fetch(`${served.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: chat([user('你好')]) });
      expect(res.status).toBe(502);
      expect(await res.json()).toMatchObject({ error: { type: 'server_error', code: 'upstream_failed' } });
    } finally {
      await served.close();
    }
  });
});
