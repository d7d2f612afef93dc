import { createHash, createHmac } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { hmacSha256, sha256Hex } from './digest.js';

describe('digests', () => {
  it('match node:crypto, truncated to the bytes asked for', async () => {
    const text = '新认定的自治区级孵化器'.repeat(1000);
    expect(await sha256Hex(text)).toBe(createHash('sha256').update(text).digest('hex'));
    expect(await sha256Hex(text, 16)).toBe(createHash('sha256').update(text).digest('hex').slice(0, 32));
    expect(await hmacSha256('salt')(text)).toBe(createHmac('sha256', 'salt').update(text).digest('hex'));
  });
});
