// Chinese numerals, the one parser: clause labels (十五, 一百零三), amounts (一千五百, 一万, 三千五), financial
// digits (壹贰叁), and back (15 → 十五). Used by the parser, the question preparer and the grounding guard.

const DIGIT: Record<string, number> = { 零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9 };
const UNIT: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const FINANCIAL: Record<string, string> = { 壹: '一', 贰: '二', 叁: '三', 肆: '四', 伍: '五', 陆: '六', 柒: '七', 捌: '八', 玖: '九', 拾: '十', 佰: '百', 仟: '千' };
const DIGIT_CHARS = '零一二三四五六七八九';

/** The characters a Chinese number may use (for building patterns). */
export const CN_NUMERAL_CHARS = '零〇一二两三四五六七八九十百千万亿';

/**
 * 十四 → 14, 二十七 → 27, 一百零三 → 103, 一千五百 → 1500, 一万 → 10000, 3 → 3, 壹拾伍 → 15;
 * undefined when it is not a number. A bare digit string (一二三 as 1 2 3) is read as digits only when
 * it has no unit characters: 二〇二五 → 2025.
 */
export function parseChineseNumber(input: string): number | undefined {
  const s = [...input.trim()].map((c) => FINANCIAL[c] ?? c).join('');
  if (/^\d+(?:\.\d+)?$/.test(s)) return Number(s);
  if (!s || ![...s].every((c) => c in DIGIT || c in UNIT || c === '万' || c === '亿')) return undefined;
  if (s.length > 1 && [...s].every((c) => c in DIGIT)) return Number([...s].map((c) => DIGIT[c]).join(''));
  let total = 0;
  let section = 0;
  let digit = 0;
  let lastUnit = 0; // the unit just before the current digit, for 三千五 = 3500
  for (const ch of s) {
    if (ch in DIGIT) {
      digit = DIGIT[ch];
      if (ch === '零' || ch === '〇') lastUnit = 0;
    } else if (ch === '万' || ch === '亿') {
      const scale = ch === '万' ? 1e4 : 1e8;
      total = (total + section + digit) * scale;
      section = 0;
      digit = 0;
      lastUnit = scale;
    } else {
      section += (digit || 1) * UNIT[ch];
      digit = 0;
      lastUnit = UNIT[ch];
    }
  }
  // Spoken short forms: 三千五 is 3500, 一万二 is 12000 (a trailing digit right after a unit of 100 or more).
  const last = s.at(-1)!;
  if (last in DIGIT && digit && lastUnit >= 100 && s.at(-2)! in UNIT || (last in DIGIT && digit && lastUnit >= 1e4 && (s.at(-2) === '万' || s.at(-2) === '亿'))) {
    return total + section + (digit * lastUnit) / 10;
  }
  return total + section + digit;
}

/** A clause or chapter label (一 … 九十九, 一百零三) as an integer; undefined for anything else. */
export function chineseToInt(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return undefined;
  const n = parseChineseNumber(s);
  return n !== undefined && Number.isInteger(n) && n > 0 ? n : undefined;
}

/** 15 → 十五, 27 → 二十七, 103 → 一百零三 (1..999). */
export function intToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 999) throw new RangeError(`no label for ${n}`);
  if (n < 10) return DIGIT_CHARS[n];
  if (n < 100) {
    const tens = Math.floor(n / 10);
    const ones = n % 10;
    return `${tens === 1 ? '' : DIGIT_CHARS[tens]}十${ones ? DIGIT_CHARS[ones] : ''}`;
  }
  const hundreds = Math.floor(n / 100);
  const rest = n % 100;
  if (!rest) return `${DIGIT_CHARS[hundreds]}百`;
  return `${DIGIT_CHARS[hundreds]}百${rest < 10 ? '零' : rest < 20 ? '一' : ''}${intToChinese(rest)}`;
}

/**
 * Chinese digits before a unit become digits: 一千万元 → 1000万元, 五十万 → 50万, 一万元 → 1万元, 第三名 → 第3名.
 * An ordinal of a list item (第一项, 第二条) stays as written.
 */
export function chineseAmountsToDigits(s: string): string {
  const digits = (m: string) => {
    const n = parseChineseNumber(m);
    return n === undefined ? m : String(n);
  };
  return s
    .replace(/(?<![第零〇一二两三四五六七八九十百千])([零〇一二两三四五六七八九十百千]+)(?=(万元|万|亿元|亿|元|%|个百分点|家|位|名|年|人次|人|个|项|次(?!性)|倍|亩|平方米))/g, digits)
    .replace(/(?<=第)([零〇一二两三四五六七八九十百千]+)(?=[名位])/g, digits);
}
