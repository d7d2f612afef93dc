// OpenAI-compatible chat API (/v1/chat/completions, /v1/models). Placeholder until the channel lands.
import { Hono } from 'hono';
import type { AskFn } from '../../qa/types.js';

export interface OpenAIRoutesDeps {
  ask: AskFn;
  apiKeys: string[];
  modelId?: string;
  now?: () => number;
}

export function createOpenAIRoutes(_deps: OpenAIRoutesDeps): Hono {
  const app = new Hono();
  app.all('*', (c) => c.json({ error: { message: 'not implemented yet', type: 'invalid_request_error', code: 'not_implemented' } }, 404));
  return app;
}
