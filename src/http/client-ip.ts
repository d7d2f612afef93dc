// Who is calling, for rate limiting: the address the entry reports (the socket on Node, cf-connecting-ip on
// Workers), or the first X-Forwarded-For hop when the deployment says a trusted proxy sets it.
import type { Context } from 'hono';

export type ClientIp = (c: Context) => string | undefined;

export function clientKey(c: Context, socketIp: ClientIp | undefined, trustProxy: boolean): string {
  if (trustProxy) {
    const fwd = c.req.header('x-forwarded-for')?.split(',')[0]?.trim();
    if (fwd) return fwd;
  }
  return socketIp?.(c) ?? 'unknown';
}
