import { describe, expect, it } from 'vitest';
import type { Line } from './pdf-lines.js';
import { dropFurniture, isPageNumber } from './pdf-furniture.js';

const line = (text: string, y: number): Line => ({ text, segments: [text], x0: 72, x1: 72 + text.length * 12, y, size: 12 });
const page = (lines: Line[]) => ({ lines, height: 842 });

describe('page furniture', () => {
  it.each(['第1页', '第 1 页 共 6 页', '- 1 -', '— 12 —', '1/6', '3', '（2）', 'Page 2 of 9', '共6页 第1页'])('knows %s for a page number', (t) => expect(isPageNumber(t)).toBe(true));
  it.each(['第一条', '1.优先发展以下旅游项目。', '2019年', '一、总则'])('does not take %s for one', (t) => expect(isPageNumber(t)).toBe(false));

  it('drops numbers and repeated headers at the page edges, keeps the same text in the body', () => {
    const pages = [1, 2, 3].map((n) =>
      page([line('广州市医疗保障局文件', 800), line('正文第一段。', 700), line('3', 400), line(`第 ${n} 页 共 3 页`, 30)]),
    );
    const { pages: out, dropped } = dropFurniture(pages);
    expect(out.map((p) => p.lines.map((l) => l.text))).toEqual([
      ['正文第一段。', '3'],
      ['正文第一段。', '3'],
      ['正文第一段。', '3'],
    ]);
    expect(dropped).toHaveLength(6);
  });

  it('keeps a one-page document’s first line: one page cannot show a header repeating', () => {
    const { pages: out } = dropFurniture([page([line('关于加快旅游业发展的若干意见', 800), line('1', 30)])]);
    expect(out[0].lines.map((l) => l.text)).toEqual(['关于加快旅游业发展的若干意见']);
  });
});
