// Which address a request comes from, behind proxies we trust: resolved from the right of X-Forwarded-For, as the
// `proxy-addr` package does. Each proxy appends the address it received from, so the entries we can believe are
// the rightmost ones, written by our own proxies; the first untrusted one from the right is the client. Anything
// to its left (a spoofed "leftmost" entry included) is whatever the client chose to send, and changes nothing.
import { createError } from '../errors.js';

/** Trust the nearest `hops` proxies, or those whose address is in `ranges`. */
export type TrustProxy = { hops: number } | { ranges: Cidr[] };

export interface Cidr {
  bytes: Uint8Array;
  prefix: number;
}

// The names proxy-addr accepts for the usual private ranges.
const NAMED: Record<string, string[]> = {
  loopback: ['127.0.0.1/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** IPv4 and IPv6 (IPv4-mapped ::ffff:a.b.c.d as the IPv4 address) as 16 bytes; undefined when not an address. */
export function parseIp(text: string): Uint8Array | undefined {
  let s = text.trim();
  if (s.startsWith('[') && s.includes(']')) s = s.slice(1, s.indexOf(']')); // [v6]:port
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(s)) s = s.slice(0, s.lastIndexOf(':')); // v4:port
  const zone = s.indexOf('%');
  if (zone !== -1) s = s.slice(0, zone);
  const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(s);
  if (v4) {
    const parts = v4.slice(1).map(Number);
    if (parts.some((p) => p > 255)) return undefined;
    return Uint8Array.from([0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0xff, 0xff, ...parts]);
  }
  if (!/^[0-9a-f:.]+$/i.test(s) || !s.includes(':')) return undefined;
  let tail: number[] = [];
  const lastColon = s.lastIndexOf(':');
  if (s.slice(lastColon + 1).includes('.')) {
    const mapped = parseIp(s.slice(lastColon + 1));
    if (!mapped) return undefined;
    tail = [(mapped[12]! << 8) | mapped[13]!, (mapped[14]! << 8) | mapped[15]!];
    s = `${s.slice(0, lastColon + 1)}x`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return undefined;
  const group = (h: string) => (h ? h.split(':') : []);
  const head = group(halves[0]!);
  const rest = halves.length === 2 ? group(halves[1]!) : [];
  const words = [...head, ...rest].filter((g) => g !== 'x');
  if (words.some((g) => !/^[0-9a-f]{1,4}$/i.test(g))) return undefined;
  const total = words.length + tail.length;
  if (halves.length === 1 ? total !== 8 : total > 7) return undefined;
  const fill = 8 - total;
  const all = [...head.filter((g) => g !== 'x').map((g) => parseInt(g, 16)), ...Array(halves.length === 2 ? fill : 0).fill(0), ...rest.filter((g) => g !== 'x').map((g) => parseInt(g, 16)), ...tail];
  const out = new Uint8Array(16);
  all.forEach((w, i) => {
    out[2 * i] = w >> 8;
    out[2 * i + 1] = w & 0xff;
  });
  return out;
}

const isV4 = (b: Uint8Array) => b.slice(0, 10).every((x) => x === 0) && b[10] === 0xff && b[11] === 0xff;

export function parseCidr(text: string): Cidr | undefined {
  const [addr, bits, extra] = text.trim().split('/');
  if (extra !== undefined || !addr) return undefined;
  const bytes = parseIp(addr);
  if (!bytes) return undefined;
  const max = isV4(bytes) ? 32 : 128;
  const n = bits === undefined ? max : /^\d{1,3}$/.test(bits) ? Number(bits) : Number.NaN;
  if (!(n >= 0 && n <= max)) return undefined;
  return { bytes, prefix: n + (128 - max) };
}

export function inRange(ip: Uint8Array, r: Cidr): boolean {
  for (let bit = 0; bit < r.prefix; bit += 8) {
    const mask = r.prefix - bit >= 8 ? 0xff : (0xff << (8 - (r.prefix - bit))) & 0xff;
    if ((ip[bit / 8]! & mask) !== (r.bytes[bit / 8]! & mask)) return false;
  }
  return true;
}

/**
 * TRUST_PROXY: unset, "0" or "false" → off; a hop count ("1", "2"; "true" means 1); or a comma-separated list of
 * proxy addresses, CIDR ranges and the names loopback, linklocal, uniquelocal. Anything else is CONFIG_INVALID.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy | undefined {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false') return undefined;
  if (v === 'true') return { hops: 1 };
  if (/^\d+$/.test(v)) return { hops: Number(v) };
  const ranges: Cidr[] = [];
  for (const item of v.split(',').map((s) => s.trim()).filter(Boolean)) {
    const named = NAMED[item.toLowerCase()];
    const parsed = named ? named.map(parseCidr) : [parseCidr(item)];
    if (parsed.some((r) => !r)) throw createError('CONFIG_INVALID', `TRUST_PROXY: "${item}" is not a hop count, an address, a CIDR range or loopback/linklocal/uniquelocal`);
    ranges.push(...(parsed as Cidr[]));
  }
  return { ranges };
}

/**
 * The client address: the socket's peer, or, through trusted proxies, the first untrusted address from the right
 * of [socket, ...X-Forwarded-For reversed]. When every hop is trusted, the leftmost entry.
 */
export function resolveClient(socket: string | undefined, forwardedFor: string | undefined, trust: TrustProxy | undefined): string | undefined {
  if (!trust || !forwardedFor) return socket;
  const chain = [socket ?? '', ...forwardedFor.split(',').map((s) => s.trim()).reverse()];
  for (let i = 0; i < chain.length - 1; i++) {
    const trusted = 'hops' in trust ? i < trust.hops : (() => {
      const ip = parseIp(chain[i]!);
      return !!ip && trust.ranges.some((r) => inRange(ip, r));
    })();
    if (!trusted) return chain[i];
  }
  return chain[chain.length - 1];
}
