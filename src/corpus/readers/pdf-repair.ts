// Spaces a PDF text layer puts where the printed page has none: Word and WPS lay digits and brackets out in their
// own font with their own spacing, and text extraction turns the gaps into spaces (第 1 0 条, 2 0 0 万元, （ 一 ）).
// Only splits inside a number, between a number and its unit or 第/条, and inside a numbering marker are joined;
// a space between words or after a clause marker (第一条　为…) is the document's own and stays.

const CN_NUM = '[一二三四五六七八九十百千零〇两]';
/** Units and counters that follow a number in policy text. */
const UNIT = '(?:[万亿千百]?元|%|％|‰|个|人|名|户|家|所|项|次|年|月|日|天|周|小时|倍|张|亩|平方米|米|公里|岁|条|章|节|款|页|号|批|期|类|级|星)';

const RULES: [RegExp, string][] = [
  // Digits spread one by one: "2 0 1 9" → "2019", "3 2 . 5" → "32.5" (single digits only: "1 200" is two numbers).
  [/(?<![\d.])\d(?:[ \u00a0]+[\d.](?![\d]{2}))+(?![\d])/g, '\u0000'],
  // 第 10 条, 第 三 章 → 第10条, 第三章.
  [new RegExp(`第[ \\u00a0]+(?=(?:\\d+|${CN_NUM}+)[ \\u00a0]*[条章节款项页号批期])`, 'g'), '第'],
  [new RegExp(`(?<=第(?:\\d+|${CN_NUM}+))[ \\u00a0]+(?=[条章节款项页号批期])`, 'g'), ''],
  // A number and its unit: "200 万元" → "200万元", "50 %" → "50%".
  [new RegExp(`(?<=\\d)[ \\u00a0]+(?=${UNIT})`, 'g'), ''],
  // Numbering markers: "（ 一 ）" → "（一）", "一 、" → "一、", "1 ." before text → "1.".
  [new RegExp(`[（(][ \\u00a0]*(?:\\d+|${CN_NUM})(?:[ \\u00a0]*(?:\\d|${CN_NUM}))*[ \\u00a0]*[)）]`, 'g'), '\u0000'],
  [new RegExp(`^(${CN_NUM}+|\\d+)[ \\u00a0]+(?=[、．])`, 'g'), '$1'],
];

/** Joins the spaces text extraction put inside numbers, between numbers and units, and inside markers. */
export function repairSpaces(text: string): string {
  let out = text;
  for (const [re, replacement] of RULES) {
    out = replacement === '\u0000' ? out.replace(re, (m) => m.replace(/[ \u00a0]+/g, '')) : out.replace(re, replacement);
  }
  return out;
}
