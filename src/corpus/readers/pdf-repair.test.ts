import { describe, expect, it } from 'vitest';
import { repairSpaces } from './pdf-repair.js';

describe('repairSpaces', () => {
  it.each([
    ['第 1 0 条 给予补助', '第10条 给予补助'],
    ['第1 0 条', '第10条'],
    ['第 三 章 总则', '第三章 总则'],
    ['给予2 0 0 万元补助', '给予200万元补助'],
    ['最高 200 万元', '最高 200万元'],
    ['按 50 % 给予', '按 50% 给予'],
    ['（ 一 ）加大稳岗支持力度', '（一）加大稳岗支持力度'],
    ['（ 十 一 ） 保障困难群众基本生活', '（十一） 保障困难群众基本生活'],
    ['（ 1 2 ）', '（12）'],
    ['一 、总体要求', '一、总体要求'],
    ['3 2 . 5元/平方米/月', '32.5元/平方米/月'],
    ['2 0 1 9年1 0月9日', '2019年10月9日'],
  ])('joins the split in %s', (input, output) => expect(repairSpaces(input)).toBe(output));

  it.each([
    '第一条　为加强本市就业见习基地管理', // a full-width space after the clause marker is the document's
    '第二条 本办法所指就业见习基地', // so is an ASCII one
    '序号 1 200元', // two numbers, not one split number
    'Hello World 2019',
    '广州市人力资源和社会保障局 广州市财政局',
  ])('keeps the real space in %s', (text) => expect(repairSpaces(text)).toBe(text));
});
