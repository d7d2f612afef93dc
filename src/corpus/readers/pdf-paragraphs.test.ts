import { describe, expect, it } from 'vitest';
import type { Line } from './pdf-lines.js';
import { linesToParagraphs, type PageLines } from './pdf-paragraphs.js';

/** A line of 12-pt text on a page whose body runs from x=72 to x=522 (37 characters). */
const line = (text: string, { indent = false, y = 700, right }: { indent?: boolean; y?: number; right?: number } = {}): Line => {
  const x0 = indent ? 96 : 72;
  return { text, segments: [text], x0, x1: right ?? Math.min(522, x0 + text.length * 12), y, size: 12 };
};
const FULL = '为进一步完善社会医疗保险政策减轻参保人员的医疗费用负担根据有关规定经市人民政府同意现就';
const page = (page: number, lines: Line[]): PageLines => ({ page, items: lines.map((l) => ({ kind: 'line' as const, line: l })) });
const texts = (pages: PageLines[]) => linesToParagraphs(pages).map((b) => (b.kind === 'row' ? b.cells.join('|') : b.text));

describe('rejoining lines', () => {
  it('joins a full line to the next, across a page break; an indent, a marker or a short line ends the paragraph', () => {
    const pages = [
      page(1, [line('关于印发某某办法的通知', { right: 300 }), line(FULL, { indent: true }), line('有关事项通知如下：'), line('一、总则', { indent: true }), line(FULL, { indent: true })]),
      page(2, [line('经批准后实施。'), line('（一）适用范围。', { indent: true })]),
    ];
    expect(texts(pages)).toEqual(['关于印发某某办法的通知', `${FULL}有关事项通知如下：`, '一、总则', `${FULL}经批准后实施。`, '（一）适用范围。']);
  });

  it('does not join a full line that ends a sentence when the document does not indent its paragraphs', () => {
    const sentence = `${FULL.slice(0, 36)}。`;
    expect(texts([page(1, [line(sentence), line('第二段开始。'), line(FULL), line('续行。')])])).toEqual([sentence, '第二段开始。', `${FULL}续行。`]);
  });

  it('never joins a numbered heading to the line before it', () => {
    expect(texts([page(1, [line(FULL), line('第十条 本办法自印发之日起施行。')])])).toEqual([FULL, '第十条 本办法自印发之日起施行。']);
  });

  it('continues a table onto the next page under its first part’s header', () => {
    const header = [[{ text: '序号' }, { text: '病种' }], [{ text: '1' }, { text: '高血压病' }]];
    const rest = [[{ text: '2' }, { text: '糖尿病' }], [{ text: '3' }, { text: '高脂血症' }]];
    const blocks = linesToParagraphs([
      { page: 1, items: [{ kind: 'table', rows: header }] },
      { page: 2, items: [{ kind: 'table', rows: rest }] },
    ]);
    expect(blocks).toEqual([
      { kind: 'row', table: 0, cells: ['1', '高血压病'], header: ['序号', '病种'], page: 1 },
      { kind: 'row', table: 0, cells: ['2', '糖尿病'], header: ['序号', '病种'], page: 2 },
      { kind: 'row', table: 0, cells: ['3', '高脂血症'], header: ['序号', '病种'], page: 2 },
    ]);
  });
});
