import { describe, expect, it } from 'vitest';
import { Buffer } from 'node:buffer';
import { base64ToBytes, bytesToBase64 } from './base64.js';

describe('base64', () => {
  it('round-trips every length and byte value like Buffer does', () => {
    for (let n = 0; n < 70; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 37 + n) & 0xff);
      const b64 = bytesToBase64(bytes);
      expect(b64).toBe(Buffer.from(bytes).toString('base64'));
      expect(base64ToBytes(b64)).toEqual(bytes);
    }
  });

  it('handles inputs larger than one chunk', () => {
    const bytes = Uint8Array.from({ length: 40_000 }, (_, i) => i & 0xff);
    expect(base64ToBytes(bytesToBase64(bytes))).toEqual(bytes);
  });

  it('rejects non-base64 and wrong lengths', () => {
    for (const bad of ['abc', 'ab c', 'a=bc', '????', 'YQ==='.slice(0, 5), 'YQ=\n']) {
      expect(base64ToBytes(bad)).toBeUndefined();
    }
  });
});
