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

export { chineseAmountsToDigits } from './numerals.js';
