// OpenAI-compatible chat API, mounted at /v1: GET /models, POST /chat/completions (JSON or SSE).
// Handlers only translate HTTP ⇄ ask(); content comes from the engine, never from the client's system prompt.
import { Hono } from 'hono';
import type { Answer, AskFn, HistoryTurn } from '../../qa/types.js';
import { requireApiKey } from './auth.js';
import { readJsonBody } from './body.js';
import { textOf, toConversation } from './conversation.js';
import { openaiErrorBody } from './errors.js';
import { createError, isAppError } from '../../errors.js';
import { completionBody, contentOf, usageOf } from './format.js';
import { parseChatRequest } from './schema.js';
import { completionChunks, sseResponse } from './sse.js';

export interface OpenAIRoutesDeps {
  ask: AskFn;
  /** Bearer keys (API_KEYS); empty means the API is open. */
  apiKeys: string[];
  /** The one model we list and answer as (default "policy-qa"). */
  modelId?: string;
  /** Milliseconds since the epoch. */
  now?: () => number;
  /** Completion ids (default `chatcmpl-<uuid>`). */
  newId?: () => string;
  /** Receives unexpected failures (default console.error); the client only sees a coded 5xx. */
  onError?: (err: unknown) => void;
}

export const DEFAULT_MODEL_ID = 'policy-qa';

export function createOpenAIRoutes(deps: OpenAIRoutesDeps): Hono {
  const modelId = deps.modelId ?? DEFAULT_MODEL_ID;
  const now = deps.now ?? Date.now;
  const newId = deps.newId ?? (() => `chatcmpl-${crypto.randomUUID().replaceAll('-', '')}`);
  const onError = deps.onError ?? ((err: unknown) => console.error('[openai]', err));
  const model = () => ({ id: modelId, object: 'model' as const, created: 0, owned_by: 'policy-qa' });

  /** ask() failures are ours, not the client's: a retryable 502/503, unless the engine itself calls the input bad. */
  async function ask(question: string, history: HistoryTurn[]): Promise<Answer> {
    try {
      return await deps.ask(question, { history });
    } catch (err) {
      if (isAppError(err, 'BAD_REQUEST')) throw createError('BAD_REQUEST', err.message);
      onError(err);
      if (isAppError(err, 'LLM_FAILED')) throw createError('LLM_FAILED', 'The answer writer failed; please retry.');
      throw createError('ENGINE_UNAVAILABLE', 'The policy engine is unavailable right now; please retry.');
    }
  }

  const app = new Hono();
  app.use('*', requireApiKey(deps.apiKeys));

  app.get('/models', (c) => c.json({ object: 'list', data: [model()] }));
  app.get('/models/:id', (c) => {
    if (c.req.param('id') !== modelId) throw createError('MODEL_NOT_FOUND', `The model '${c.req.param('id')}' does not exist.`, { param: 'model' });
    return c.json(model());
  });

  app.post('/chat/completions', async (c) => {
    const req = parseChatRequest(await readJsonBody(c.req.raw));
    const { question, history } = toConversation(req.messages);
    // Answer before any byte is sent, so an engine failure is still a proper error status, even when streaming.
    const answer = await ask(question, history);
    const content = contentOf(answer);
    const usage = usageOf(req.messages.map((m) => textOf(m.content)), content);
    const meta = { id: newId(), created: Math.floor(now() / 1000), model: modelId };
    if (!req.stream) return c.json(completionBody(meta, answer, content, usage));
    return sseResponse(c, completionChunks(meta, answer, content, req.stream_options?.include_usage ? usage : undefined));
  });

  // The parent app's 404 speaks our JSON API's error shape; OpenAI clients expect theirs.
  app.all('*', (c) => {
    throw createError('NOT_FOUND', `Invalid URL (${c.req.method} ${c.req.path})`);
  });

  app.onError((err, c) => {
    if (isAppError(err)) return c.json(openaiErrorBody(err), err.status);
    onError(err);
    return c.json(openaiErrorBody(createError('INTERNAL', 'The server had an error while processing your request.')), 500);
  });
  return app;
}
