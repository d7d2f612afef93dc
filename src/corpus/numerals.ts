// Chinese clause and chapter labels (一 … 二十七 … 一百) to integers and back.

const DIGITS: Record<string, number> = {
  零: 0, 〇: 0, 一: 1, 二: 2, 两: 2, 三: 3, 四: 4, 五: 5, 六: 6, 七: 7, 八: 8, 九: 9,
};
const DIGIT_CHARS = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** Parses 一 … 九十九 (and 一百); returns undefined for anything else. */
export function chineseToInt(s: string): number | undefined {
  if (!s || !/^[零〇一二两三四五六七八九十百]+$/.test(s)) return undefined;
  if (s === '百' || s === '一百') return 100;
  const ten = s.indexOf('十');
  if (ten === -1) return s.length === 1 ? DIGITS[s] : undefined;
  const tens = ten === 0 ? 1 : DIGITS[s.slice(0, ten)];
  const rest = s.slice(ten + 1);
  const ones = rest === '' ? 0 : DIGITS[rest];
  if (tens === undefined || ones === undefined || rest.length > 1) return undefined;
  return tens * 10 + ones;
}

/** 15 → 十五, 27 → 二十七 (1..99). */
export function intToChinese(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 99) throw new RangeError(`no label for ${n}`);
  if (n < 10) return DIGIT_CHARS[n];
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : DIGIT_CHARS[tens]}十${ones ? DIGIT_CHARS[ones] : ''}`;
}
