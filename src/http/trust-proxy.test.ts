import { describe, expect, it } from 'vitest';
import { inRange, parseCidr, parseIp, parseTrustProxy, resolveClient } from './trust-proxy.js';

describe('TRUST_PROXY', () => {
  it('parses hop counts, addresses, CIDR ranges and named ranges; refuses anything else', () => {
    expect(parseTrustProxy(undefined)).toBeUndefined();
    expect(parseTrustProxy('0')).toBeUndefined();
    expect(parseTrustProxy('true')).toEqual({ hops: 1 });
    expect(parseTrustProxy('2')).toEqual({ hops: 2 });
    const list = parseTrustProxy('10.0.0.0/8, 192.168.1.7, ::1, loopback');
    expect(list && 'ranges' in list && list.ranges.length).toBe(5);
    for (const bad of ['10.0.0.0/33', 'proxy.example', '1.2.3', '::1/129', 'fe80::1::2']) expect(() => parseTrustProxy(bad), bad).toThrow(/TRUST_PROXY/);
  });

  it('parses IPv4, IPv6 and IPv4-mapped IPv6 alike', () => {
    expect(parseIp('::ffff:10.1.2.3')).toEqual(parseIp('10.1.2.3'));
    expect(parseIp('2001:db8::1')).toEqual(parseIp('2001:0db8:0:0:0:0:0:1'));
    expect(parseIp('[::1]:8080')).toEqual(parseIp('::1'));
    expect(parseIp('not-an-ip')).toBeUndefined();
    expect(inRange(parseIp('172.31.255.1')!, parseCidr('172.16.0.0/12')!)).toBe(true);
    expect(inRange(parseIp('172.32.0.1')!, parseCidr('172.16.0.0/12')!)).toBe(false);
    expect(inRange(parseIp('fd12::5')!, parseCidr('fc00::/7')!)).toBe(true);
  });

  it('resolves the client from the right, so a spoofed leftmost entry changes nothing', () => {
    const one = parseTrustProxy('1');
    expect(resolveClient('10.0.0.2', 'spoofed, 203.0.113.9', one)).toBe('203.0.113.9');
    expect(resolveClient('10.0.0.2', '1.1.1.1, 2.2.2.2, 203.0.113.9', one)).toBe('203.0.113.9');
    const two = parseTrustProxy('2');
    expect(resolveClient('10.0.0.2', 'spoofed, 203.0.113.9, 10.0.0.1', two)).toBe('203.0.113.9');
    const ranges = parseTrustProxy('10.0.0.0/8');
    expect(resolveClient('10.0.0.2', 'spoofed, 203.0.113.9, 10.0.0.1', ranges)).toBe('203.0.113.9');
    // A socket that is not a trusted proxy: its own header is not believed.
    expect(resolveClient('198.51.100.4', 'spoofed', ranges)).toBe('198.51.100.4');
    expect(resolveClient('10.0.0.2', undefined, one)).toBe('10.0.0.2');
    expect(resolveClient('10.0.0.2', 'spoofed', undefined)).toBe('10.0.0.2');
  });
});
