import { describe, expect, it } from 'vitest';
import { chineseAmountsToDigits, chineseToInt, intToChinese, parseChineseNumber } from './numerals.js';

describe('numerals', () => {
  it('round-trips every label 1..199', () => {
    for (let n = 1; n < 200; n++) expect(chineseToInt(intToChinese(n))).toBe(n);
  });
  it('reads labels', () => {
    expect(chineseToInt('十五')).toBe(15);
    expect(chineseToInt('二十七')).toBe(27);
    expect(chineseToInt('十')).toBe(10);
    expect(chineseToInt('一百零三')).toBe(103);
    expect(intToChinese(110)).toBe('一百一十');
  });
  it('reads amounts, financial digits and digit runs', () => {
    expect(parseChineseNumber('一千五百')).toBe(1500);
    expect(parseChineseNumber('一万')).toBe(10000);
    expect(parseChineseNumber('三千五')).toBe(3500); // spoken short form
    expect(parseChineseNumber('一万二')).toBe(12000);
    expect(parseChineseNumber('三千零五')).toBe(3005);
    expect(parseChineseNumber('一百零三')).toBe(103);
    expect(parseChineseNumber('壹拾伍')).toBe(15);
    expect(parseChineseNumber('二〇二五')).toBe(2025);
    expect(parseChineseNumber('12.5')).toBe(12.5);
  });
  it('rejects non-numerals', () => {
    expect(chineseToInt('总体')).toBeUndefined();
    expect(chineseToInt('')).toBeUndefined();
    expect(parseChineseNumber('高新区')).toBeUndefined();
  });
  it('writes Chinese amounts as digits before a unit', () => {
    expect(chineseAmountsToDigits('每满一万人奖励一万元')).toBe('每满1万人奖励1万元');
    // 一次性 (one-off) is a word, not a count of times.
    expect(chineseAmountsToDigits('一次性奖励，奖两次')).toBe('一次性奖励，奖2次');
    // An ordinal is read whole: the 十二 of 第二十二项 is not a count of its own.
    expect(chineseAmountsToDigits('第二十二项是什么，第十二项呢')).toBe('第二十二项是什么，第十二项呢');
    expect(chineseAmountsToDigits('共二十二项')).toBe('共22项');
    expect(chineseAmountsToDigits('最高一千万元')).toBe('最高1000万元');
    expect(chineseAmountsToDigits('五十万')).toBe('50万');
  });
});
