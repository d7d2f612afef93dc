// Question normalisation: what users type (full-width digits, 繁體, emoji, ？？？) → what the engine matches.
import * as OpenCC from 'opencc-js/t2cn';

const toSimplified = OpenCC.Converter({ from: 'hk', to: 'cn' });

// Emoji, pictographs, variation selectors and zero-width characters carry no meaning for retrieval.
const NOISE = /[\p{Extended_Pictographic}\u{1F1E6}-\u{1F1FF}\u{FE0F}\u{200B}-\u{200D}\u{2060}\u{FEFF}]/gu;
const CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/**
 * NFKC folds full-width digits, letters and punctuation to half-width (１０００ → 1000, （ → ( );
 * Chinese commas and stops are restored afterwards so sentence splitting still sees them.
 */
export function normalizeQuestion(input: string): string {
  let s = input.normalize('NFKC');
  s = toSimplified(s);
  s = s.replace(NOISE, '').replace(CONTROL, ' ');
  s = s.replace(/([?？!！。，,、~～.])\1+/g, '$1');
  s = s.replace(/\s+/g, ' ').trim();
  return s.toLowerCase();
}

/** Chinese digits in amounts: 一千万元 → 1000万元, 五十万 → 50万 (used by the grounding guard and questions). */
export function chineseAmountsToDigits(s: string): string {
  const D: Record<string, number> = { 零: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
  const U: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
  return s.replace(/([零一二两三四五六七八九十百千]+)(?=(万元|万|亿元|亿|元|%|个百分点|家|位|名|年))/g, (m) => {
    let total = 0;
    let digit = 0;
    for (const ch of m) {
      if (ch in D) digit = D[ch];
      else {
        total += (digit || 1) * U[ch];
        digit = 0;
      }
    }
    return String(total + digit);
  });
}
