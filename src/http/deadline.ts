// Every request is answered or failed within a budget: a handler still running at the deadline gets a coded
// TIMEOUT (503 JSON) instead of a hung connection.
import type { MiddlewareHandler } from 'hono';
import { createError } from '../errors.js';

export function deadline(ms: number): MiddlewareHandler {
  return async (_c, next) => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(createError('TIMEOUT')), ms);
    });
    try {
      await Promise.race([next(), late]);
    } finally {
      clearTimeout(timer);
    }
  };
}
