// The substring index answers exactly what a scan would: which texts contain a string, for strings of any length,
// strings spanning rare and common bigrams, strings no text has, and one-character strings (scanned).
import { describe, expect, it } from 'vitest';
import { createSubstringIndex } from './substring-index.js';

const texts = ['对新认定为国家级科技企业孵化器的', '国家备案的众创空间给予不超过50万元奖励补助', '孵化器', '', 'abcabc', '认定认定'];
const scan = (s: string) => texts.flatMap((t, i) => (t.includes(s) ? [i] : []));

describe('substring index', () => {
  const index = createSubstringIndex(texts);
  it('finds exactly the texts a scan finds', () => {
    for (const s of ['孵化器', '国家', '认定', '认定认定', '众创空间给予', '50万元', 'bca', 'abcabc', '企业孵', '不存在的词', '器的', 'c'] ) {
      expect(index.hits(s), s).toEqual(scan(s));
      expect(index.count(s), s).toBe(scan(s).length);
      expect(index.has(s), s).toBe(scan(s).length > 0);
    }
  });
  it('treats the empty string as in every text', () => {
    expect(index.hits('')).toEqual(texts.map((_, i) => i));
  });
});
