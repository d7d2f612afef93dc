import { describe, expect, it } from 'vitest';
import { parseChineseNumber } from '../text/numerals.js';
import { extractFigures, normalizeFigures } from './figures.js';

const keys = (s: string) => extractFigures(s).map((f) => f.key);
const displays = (s: string) => extractFigures(s).map((f) => f.display);

describe('figure normaliser', () => {
  it('reads one amount however it is written: 一千万元 = 1000万元 = 1,000万元 = 0.1亿元 = 10000000元', () => {
    for (const s of ['一千万元', '1000万元', '1,000万元', '１０００万元', '1000万', '0.1亿元', '10000000元', '壹仟万元']) {
      expect(keys(s), s).toEqual(['money:1000']);
    }
    expect(displays('一千万元')).toEqual(['1000万元']);
  });

  it('reads 一个亿 and 1亿 as 1亿元, and keeps 万亿 apart from 亿', () => {
    expect(displays('补助是一个亿')).toEqual(['1亿元']);
    expect(keys('一个亿')).toEqual(keys('10000万元'));
    expect(keys('超1万亿元')).toEqual(['money:100000000']);
  });

  it('reads percentages: 百分之十五 = 15% = 15个百分点 = 十五个百分点', () => {
    for (const s of ['百分之十五', '15%', '１５％', '15个百分点', '十五个百分点']) expect(keys(s), s).toEqual(['percent:15']);
    expect(keys('百分之零点五')).toEqual(['percent:0.5']);
  });

  it('reads ratios: 1:1 = 1∶1 = 1比1 = 一比一', () => {
    for (const s of ['按1:1配套', '按1∶1配套', '按1：1配套', '按1比1配套', '按一比一配套']) expect(keys(s), s).toEqual(['ratio:1:1']);
  });

  it('reads clause numbers: 第十四条 = 第（十四）条 = (十四) = 第14条', () => {
    for (const s of ['第十四条', '第（十四）条', '第(十四)条', '（十四）', '(十四)', '第14条', '第 14 条']) {
      expect(keys(s), s).toEqual(['clause:14']);
    }
    expect(displays('第27条')).toEqual(['第（二十七）条']);
    expect(keys('第二十七条')).toEqual(['clause:27']);
  });

  it('reads years, dates and counts, and does not read a clause number as a count', () => {
    expect(keys('到2025年')).toEqual(['year:2025']);
    expect(keys('到二〇二五年')).toEqual(['year:2025']);
    expect(keys('2021-03-01发布')).toEqual(['year:2021']);
    expect(keys('前35名')).toEqual(['count:35']);
    expect(keys('新增国家高新区四家')).toEqual(['count:4']);
    expect(keys('第（三）条共有3项')).toEqual(['clause:3', 'count:3']);
  });

  it('reads English figures and bare numbers', () => {
    expect(keys('RMB 1 million')).toEqual(['money:100']);
    expect(keys('10 million yuan')).toEqual(['money:1000']);
    expect(keys('RMB 500,000')).toEqual(['money:50']);
    expect(keys('15 percent')).toEqual(['percent:15']);
    expect(keys('排名前35的')).toEqual(['count:35']);
    expect(keys('1. 第一项')).toEqual([]);
  });

  it('parses Chinese numerals', () => {
    expect(parseChineseNumber('十四')).toBe(14);
    expect(parseChineseNumber('二十七')).toBe(27);
    expect(parseChineseNumber('一千五百')).toBe(1500);
    expect(parseChineseNumber('两万')).toBe(20000);
    expect(parseChineseNumber('abc')).toBeUndefined();
    expect(normalizeFigures('一千五百万元和50万')).toBe('1500万元和50万');
  });
});
