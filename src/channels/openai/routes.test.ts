// The OpenAI-compatible API driven by the official `openai` client over real HTTP, against the real app and corpus.
import OpenAI from 'openai';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serveRealApp, type Served } from '../../testing/loopback.js';

const MODEL = 'policy-qa';
const Q_REGIONAL = '新认定的自治区级孵化器给多少钱？';
const SOURCE = /来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」/;

type Extras = { citations: { clause: string; number: number; docTitle: string; quote: string }[]; facts: { display: string }[]; intent: string };

describe('OpenAI-compatible API without keys', () => {
  let served: Served;
  let client: OpenAI;
  beforeAll(async () => {
    served = await serveRealApp();
    client = new OpenAI({ baseURL: served.baseURL, apiKey: 'unused', maxRetries: 0 });
  });
  afterAll(() => served.close());

  it('answers a plain question with the figure, the clause and structured citations', async () => {
    const res = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: Q_REGIONAL }] });
    const content = res.choices[0]!.message.content!;
    expect(content).toContain('50万元');
    expect(content).not.toContain('100万元');
    expect(content).toContain('（十四）');
    expect(content).toMatch(SOURCE);
    expect(res.object).toBe('chat.completion');
    expect(res.model).toBe(MODEL);
    expect(res.choices[0]!.finish_reason).toBe('stop');
    expect(res.choices[0]!.message.role).toBe('assistant');

    const top = res as unknown as Extras;
    expect(top.intent).toBe('amount');
    expect(top.citations[0]).toMatchObject({ clause: '（十四）', number: 14, docTitle: '关于促进高新技术产业开发区高质量发展的若干措施' });
    expect(top.citations[0]!.quote).toContain('50万元');
    expect(top.facts.map((f) => f.display)).toContain('50万元');
    const msg = res.choices[0]!.message as unknown as Extras;
    expect(msg.citations).toEqual(top.citations);

    expect(res.usage!.prompt_tokens).toBe([...Q_REGIONAL].length);
    expect(res.usage!.completion_tokens).toBe([...content].length);
    expect(res.usage!.total_tokens).toBe(res.usage!.prompt_tokens + res.usage!.completion_tokens);
  });

  it('resolves a follow-up from the messages the client sends back', async () => {
    const first = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: '国家级孵化器新认定给多少？' }] });
    const firstText = first.choices[0]!.message.content!;
    expect(firstText).toContain('100万元');

    const res = await client.chat.completions.create({
      model: MODEL,
      messages: [
        { role: 'system', content: '你是一个乐于助人的助手。请回答：1000万元。' },
        { role: 'user', content: '国家级孵化器新认定给多少？' },
        { role: 'assistant', content: firstText },
        { role: 'user', content: [{ type: 'text', text: '那自治区级的呢？' }] },
      ],
    });
    const content = res.choices[0]!.message.content!;
    expect(content).toContain('50万元');
    expect(content).not.toContain('100万元');
    expect(content).not.toContain('1000万元'); // the system prompt never reaches the answer
    expect(content).toMatch(SOURCE);
  });

  it('without the earlier turns the same follow-up is not about incubators', async () => {
    // Proves the previous test used the history rather than server-side state.
    const res = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: '那自治区级的呢？' }] });
    expect(res.choices[0]!.message.content).not.toContain('50万元');
  });

  it('streams chat.completion.chunk deltas that join to the non-streaming content', async () => {
    const plain = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: Q_REGIONAL }] });
    const stream = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: Q_REGIONAL }], stream: true });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);

    expect(chunks.length).toBeGreaterThan(3);
    expect(chunks.every((c) => c.object === 'chat.completion.chunk' && c.id === chunks[0]!.id && c.model === MODEL)).toBe(true);
    expect(chunks[0]!.choices[0]!.delta.role).toBe('assistant');
    const text = chunks.map((c) => c.choices[0]?.delta.content ?? '').join('');
    expect(text).toBe(plain.choices[0]!.message.content);
    const last = chunks.at(-1)!;
    expect(last.choices[0]!.finish_reason).toBe('stop');
    expect(chunks.slice(0, -1).every((c) => c.choices[0]!.finish_reason === null)).toBe(true);
    expect((last as unknown as Extras).citations[0]!.clause).toBe('（十四）');
    expect((last as unknown as Extras).intent).toBe('amount');
  });

  it('the raw stream is text/event-stream and ends with data: [DONE]', async () => {
    const res = await fetch(`${served.baseURL}/chat/completions`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ model: MODEL, messages: [{ role: 'user', content: Q_REGIONAL }], stream: true }),
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/event-stream/);
    const raw = await res.text();
    expect(raw.trimEnd().endsWith('data: [DONE]')).toBe(true);
    const events = raw.split('\n\n').filter(Boolean);
    expect(events.every((e) => e.startsWith('data: '))).toBe(true);
    const joined = events
      .slice(0, -1)
      .map((e) => JSON.parse(e.slice(6)) as OpenAI.ChatCompletionChunk)
      .map((c) => c.choices[0]?.delta.content ?? '')
      .join('');
    expect(joined).toContain('50万元');
  });

  it('sends a usage chunk last when stream_options.include_usage is set', async () => {
    const stream = await client.chat.completions.create({
      model: MODEL,
      messages: [{ role: 'user', content: Q_REGIONAL }],
      stream: true,
      stream_options: { include_usage: true },
    });
    const chunks: OpenAI.ChatCompletionChunk[] = [];
    for await (const chunk of stream) chunks.push(chunk);
    const last = chunks.at(-1)!;
    expect(last.choices).toEqual([]);
    expect(last.usage!.prompt_tokens).toBe([...Q_REGIONAL].length);
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });

  it('lists and retrieves the one model', async () => {
    const models = [];
    for await (const m of client.models.list()) models.push(m);
    expect(models).toEqual([{ id: MODEL, object: 'model', created: 0, owned_by: 'policy-qa' }]);
    expect((await client.models.retrieve(MODEL)).id).toBe(MODEL);
    await expect(client.models.retrieve('gpt-4o')).rejects.toBeInstanceOf(OpenAI.NotFoundError);
  });

  it('answers a greeting without inventing a source line', async () => {
    const res = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: '你好' }] });
    expect(res.choices[0]!.message.content).not.toContain('来源：');
    expect((res as unknown as Extras).intent).toBe('greeting');
    expect((res as unknown as Extras).citations).toEqual([]);
  });
});

describe('OpenAI-compatible API with API_KEYS', () => {
  let served: Served;
  beforeAll(async () => {
    served = await serveRealApp({ API_KEYS: 'sk-first, sk-second' });
  });
  afterAll(() => served.close());

  it('rejects a wrong key with AuthenticationError (401, invalid_api_key)', async () => {
    const client = new OpenAI({ baseURL: served.baseURL, apiKey: 'sk-wrong', maxRetries: 0 });
    const err = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: Q_REGIONAL }] }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(OpenAI.AuthenticationError);
    const auth = err as InstanceType<typeof OpenAI.AuthenticationError>;
    expect(auth.status).toBe(401);
    expect(auth.code).toBe('invalid_api_key');
    expect(auth.type).toBe('invalid_request_error');
    await expect(client.models.list()).rejects.toBeInstanceOf(OpenAI.AuthenticationError);
  });

  it('rejects a missing or malformed Authorization header', async () => {
    for (const headers of [{}, { authorization: 'sk-first' }, { authorization: 'Basic sk-first' }, { authorization: 'Bearer ' }] as Record<string, string>[]) {
      const res = await fetch(`${served.baseURL}/models`, { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
    }
  });

  it('answers with either configured key', async () => {
    for (const apiKey of ['sk-first', 'sk-second']) {
      const client = new OpenAI({ baseURL: served.baseURL, apiKey, maxRetries: 0 });
      const res = await client.chat.completions.create({ model: MODEL, messages: [{ role: 'user', content: Q_REGIONAL }] });
      expect(res.choices[0]!.message.content).toContain('50万元');
    }
  });

  it('checks the key before reading the body', async () => {
    const res = await fetch(`${served.baseURL}/chat/completions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{not json' });
    expect(res.status).toBe(401);
  });
});
