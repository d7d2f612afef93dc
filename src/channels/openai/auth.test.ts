import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { bearerKey, isKnownKey, requireApiKey } from './auth.js';
import { openaiErrorBody } from './errors.js';
import { isAppError } from '../../errors.js';

describe('bearerKey', () => {
  it('reads the key of a Bearer header and nothing else', () => {
    expect(bearerKey('Bearer sk-1')).toBe('sk-1');
    expect(bearerKey('bearer   sk-1 ')).toBe('sk-1');
    for (const h of [undefined, '', 'sk-1', 'Basic sk-1', 'Bearer', 'Bearer ', 'Bearer a b']) expect(bearerKey(h)).toBeUndefined();
  });
});

describe('isKnownKey', () => {
  it('matches whole keys only', async () => {
    expect(await isKnownKey('sk-2', ['sk-1', 'sk-2'])).toBe(true);
    expect(await isKnownKey('sk-', ['sk-1'])).toBe(false);
    expect(await isKnownKey('sk-11', ['sk-1'])).toBe(false);
    expect(await isKnownKey('sk-1', [])).toBe(false);
  });
});

describe('requireApiKey', () => {
  const appWith = (keys: string[]) => {
    const app = new Hono();
    app.use('*', requireApiKey(keys));
    app.get('/', (c) => c.text('ok'));
    app.onError((e, c) => (isAppError(e) ? c.json(openaiErrorBody(e), e.status) : c.text('bug', 500)));
    return app;
  };

  it('lets everything through when no keys are configured', async () => {
    expect((await appWith([]).request('/')).status).toBe(200);
  });

  it('answers 401 invalid_api_key for a missing or wrong key', async () => {
    const app = appWith(['sk-1']);
    for (const headers of [{}, { authorization: 'Bearer sk-2' }] as Record<string, string>[]) {
      const res = await app.request('/', { headers });
      expect(res.status).toBe(401);
      expect(await res.json()).toMatchObject({ error: { type: 'invalid_request_error', code: 'invalid_api_key', param: null } });
    }
    expect((await app.request('/', { headers: { authorization: 'Bearer sk-1' } })).status).toBe(200);
  });
});
