// Optional bearer-key check for the OpenAI-compatible API (API_KEYS); no keys configured means open.
import type { MiddlewareHandler } from 'hono';
import { timingSafeEqual } from 'hono/utils/buffer';
import { createError } from '../../errors.js';

/** The key of an `Authorization: Bearer <key>` header, or undefined for anything else. */
export function bearerKey(header: string | undefined): string | undefined {
  const m = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header ?? '');
  return m?.[1];
}

/**
 * True when `given` equals one of `keys`. Every key is compared (hash-then-compare, no early exit), so the
 * response time says nothing about which key, or how much of one, matched.
 */
export async function isKnownKey(given: string, keys: readonly string[]): Promise<boolean> {
  const results = await Promise.all(keys.map((k) => timingSafeEqual(k, given)));
  return results.includes(true);
}

/** Rejects with 401 `invalid_api_key` unless the request carries one of `keys`; passes everything when `keys` is empty. */
export function requireApiKey(keys: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (keys.length === 0) return next();
    const given = bearerKey(c.req.header('authorization'));
    if (!given) throw createError('UNAUTHORIZED', 'Missing API key: send an Authorization: Bearer <key> header.');
    if (!(await isKnownKey(given, keys))) throw createError('UNAUTHORIZED', 'Incorrect API key provided.');
    await next();
  };
}
