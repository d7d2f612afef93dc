import { describe, expect, it } from 'vitest';
import { chineseToInt, intToChinese } from './numerals.js';

describe('numerals', () => {
  it('round-trips every label 1..99', () => {
    for (let n = 1; n < 100; n++) expect(chineseToInt(intToChinese(n))).toBe(n);
  });
  it('reads the seed labels', () => {
    expect(chineseToInt('十五')).toBe(15);
    expect(chineseToInt('二十七')).toBe(27);
    expect(chineseToInt('十')).toBe(10);
    expect(chineseToInt('二十')).toBe(20);
  });
  it('rejects non-numerals', () => {
    expect(chineseToInt('总体')).toBeUndefined();
    expect(chineseToInt('')).toBeUndefined();
  });
});
