// A real OpenAI-compatible HTTP server on loopback for tests and the eval's demo mode: /v1/chat/completions
// (streamed or not) and /v1/embeddings. Each reply is scripted: content, delay, HTTP status, a cut stream.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeReply {
  /** The assistant's text. */
  content?: string;
  /** An HTTP error status instead of a completion (429, 500 …). */
  status?: number;
  /** Wait this long before the response starts. */
  delayMs?: number;
  /** Default "stop"; null leaves it out. */
  finishReason?: string | null;
  /**
   * Stop halfway: "end" closes the response cleanly without a finish reason or [DONE]; "destroy" drops the
   * connection. Without streaming, half of the JSON body is sent either way.
   */
  cut?: 'end' | 'destroy';
  /** Pause between stream chunks. */
  chunkDelayMs?: number;
}

export interface FakeRequest {
  path: string;
  headers: IncomingHttpHeaders;
  body: any;
  /** Chat requests: the system and user messages' text. */
  system: string;
  user: string;
}

export type FakeScript = (req: FakeRequest) => FakeReply | Promise<FakeReply>;

export interface FakeOpenAI {
  /** Base URL including /v1, for LLM_BASE_URL. */
  url: string;
  requests: FakeRequest[];
  /** Replies for the next chat requests: a function, one reply for all, or a queue (the last one repeats). */
  script(s: FakeScript | FakeReply | FakeReply[]): void;
  close(): Promise<void>;
}

/** Deterministic embedding: han bigrams and words hashed into `dim` buckets (not normalised, on purpose). */
export function fakeEmbedding(text: string, dim: number): number[] {
  const v = new Array<number>(dim).fill(0);
  const chars = [...text.replace(/\s+/g, '')];
  for (let i = 0; i < chars.length; i++) {
    const g = chars[i] + (chars[i + 1] ?? '');
    let h = 2166136261;
    for (const c of g) h = Math.imul(h ^ c.codePointAt(0)!, 16777619) >>> 0;
    v[h % dim] += 1 + (h % 7) / 10;
  }
  if (!v.some((x) => x !== 0)) v[0] = 1;
  return v;
}

const textOf = (content: unknown): string =>
  typeof content === 'string' ? content : Array.isArray(content) ? content.map((p: any) => p?.text ?? '').join('') : '';

export async function startFakeOpenAI(opts: { script?: FakeScript | FakeReply | FakeReply[]; embeddingDim?: number } = {}): Promise<FakeOpenAI> {
  let script: FakeScript = () => ({ content: '' });
  let queue: FakeReply[] = [];
  const setScript = (s: FakeScript | FakeReply | FakeReply[]) => {
    if (typeof s === 'function') script = s;
    else {
      queue = Array.isArray(s) ? [...s] : [s];
      script = () => (queue.length > 1 ? queue.shift()! : queue[0]);
    }
  };
  if (opts.script) setScript(opts.script);
  const requests: FakeRequest[] = [];
  const dim = opts.embeddingDim ?? 64;
  const state = { closed: false };
  let n = 0;
  // Pending delays, released at close so a slow script never keeps the process alive.
  const waiting = new Set<() => void>();
  const sleep = (ms: number) =>
    ms > 0
      ? new Promise<void>((resolve) => {
          const done = () => (clearTimeout(t), waiting.delete(done), resolve());
          const t = setTimeout(done, ms);
          waiting.add(done);
        })
      : Promise.resolve();

  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    let body: any = {};
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8') || '{}');
    } catch {
      return json(res, 400, { error: { message: 'bad json', type: 'invalid_request_error' } });
    }
    const path = (req.url ?? '').replace(/\?.*$/, '');
    const messages: { role: string; content: unknown }[] = body.messages ?? [];
    const r: FakeRequest = {
      path,
      headers: req.headers,
      body,
      system: messages.filter((m) => m.role === 'system').map((m) => textOf(m.content)).join('\n'),
      user: messages.filter((m) => m.role === 'user').map((m) => textOf(m.content)).join('\n'),
    };
    requests.push(r);
    if (path === '/v1/embeddings') return embeddings(res, body);
    if (path !== '/v1/chat/completions') return json(res, 404, { error: { message: `no route ${path}` } });

    const reply = await script(r);
    await sleep(reply.delayMs ?? 0);
    if (state.closed || res.destroyed) return;
    if (reply.status && reply.status >= 400) {
      return json(res, reply.status, { error: { message: `scripted ${reply.status}`, type: reply.status === 429 ? 'rate_limit_exceeded' : 'server_error', code: null } });
    }
    const id = `chatcmpl-${++n}`;
    const model = body.model ?? 'fake';
    const content = reply.content ?? '';
    const finish = reply.finishReason === undefined ? 'stop' : reply.finishReason;
    if (!body.stream) {
      const full = JSON.stringify({
        id, object: 'chat.completion', created: 0, model,
        choices: [{ index: 0, message: { role: 'assistant', content }, finish_reason: finish }],
        usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
      });
      if (reply.cut) {
        res.writeHead(200, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(full)) });
        res.write(full.slice(0, Math.floor(full.length / 2)));
        return void setTimeout(() => res.destroy(), 10);
      }
      return json(res, 200, JSON.parse(full));
    }
    res.writeHead(200, { 'content-type': 'text/event-stream', 'cache-control': 'no-cache', connection: 'keep-alive' });
    const parts = [...content];
    const pieces: string[] = [];
    for (let i = 0; i < parts.length; i += 8) pieces.push(parts.slice(i, i + 8).join(''));
    const chunk = (delta: object, finish_reason: string | null) =>
      `data: ${JSON.stringify({ id, object: 'chat.completion.chunk', created: 0, model, choices: [{ index: 0, delta, finish_reason }] })}\n\n`;
    res.write(chunk({ role: 'assistant', content: '' }, null));
    const upTo = reply.cut ? Math.ceil(pieces.length / 2) : pieces.length;
    for (let i = 0; i < upTo; i++) {
      await sleep(reply.chunkDelayMs ?? 0);
      if (state.closed || res.destroyed) return;
      res.write(chunk({ content: pieces[i] }, null));
    }
    if (reply.cut === 'destroy') return void res.destroy();
    if (reply.cut === 'end') return void res.end();
    res.write(chunk({}, finish));
    res.end('data: [DONE]\n\n');
  });

  function embeddings(res: ServerResponse, body: any) {
    const inputs: string[] = Array.isArray(body.input) ? body.input : [body.input];
    const data = inputs.map((t, index) => {
      const v = fakeEmbedding(String(t), dim);
      const embedding = body.encoding_format === 'base64' ? Buffer.from(new Float32Array(v).buffer).toString('base64') : v;
      return { object: 'embedding', index, embedding };
    });
    // Out of order on purpose: clients must sort by index.
    json(res, 200, { object: 'list', model: body.model, data: data.reverse(), usage: { prompt_tokens: 1, total_tokens: 1 } });
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/v1`,
    requests,
    script: setScript,
    async close() {
      state.closed = true;
      for (const done of [...waiting]) done();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function json(res: ServerResponse, status: number, body: unknown) {
  const s = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': String(Buffer.byteLength(s)) });
  res.end(s);
}
