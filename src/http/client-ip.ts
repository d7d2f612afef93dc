// Who is calling, for rate limiting: the address the entry reports (the socket on Node, cf-connecting-ip on
// Workers), or, behind proxies TRUST_PROXY names, the address resolved from the right of X-Forwarded-For.
import type { Context } from 'hono';
import { resolveClient, type TrustProxy } from './trust-proxy.js';

export type ClientIp = (c: Context) => string | undefined;

export function clientKey(c: Context, socketIp: ClientIp | undefined, trustProxy: TrustProxy | undefined): string {
  return resolveClient(socketIp?.(c), c.req.header('x-forwarded-for'), trustProxy) ?? 'unknown';
}
