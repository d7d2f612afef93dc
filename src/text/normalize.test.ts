import { describe, expect, it } from 'vitest';
import { chineseAmountsToDigits, normalizeQuestion } from './normalize.js';

describe('normalizeQuestion', () => {
  it('folds full-width digits and letters', () => {
    expect(normalizeQuestion('１０００万元ＡＢＣ')).toBe('1000万元abc');
  });
  it('converts traditional to simplified Chinese', () => {
    expect(normalizeQuestion('國家級孵化器補助多少錢')).toBe('国家级孵化器补助多少钱');
  });
  it('removes emoji and collapses repeated punctuation and whitespace', () => {
    expect(normalizeQuestion('  孵化器😀👍  给多少？？？！！ ')).toBe('孵化器 给多少?!');
  });
  it('drops control characters', () => {
    expect(normalizeQuestion('孵化器\u0000\u0007补助')).toBe('孵化器 补助');
  });
});

describe('chineseAmountsToDigits', () => {
  it('reads Chinese numerals before units', () => {
    expect(chineseAmountsToDigits('一千万元')).toBe('1000万元');
    expect(chineseAmountsToDigits('五十万')).toBe('50万');
    expect(chineseAmountsToDigits('二十家')).toBe('20家');
    expect(chineseAmountsToDigits('一百万元和四百万元')).toBe('100万元和400万元');
  });
});
