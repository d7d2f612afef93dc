import { describe, expect, it } from 'vitest';
import { markerOf } from './markers.js';

describe('structure markers', () => {
  it.each([
    ['第九条 为加强管理', 'article', 9, '第九条'],
    ['第 1 0 条　本办法自印发之日起施行', 'article', 10, '第10条'],
    ['第二十三条本办法', 'article', 23, '第二十三条'],
    ['第三章  见习单位职责', 'chapter', 3, '第三章'],
    ['第一部分：一类门诊特定病种', 'part', 1, '第一部分'],
    ['第二节 申报', 'section', 2, '第二节'],
    ['一、总体要求', 'cn', 1, '一、'],
    ['　　十一、公共就业创业服务', 'cn', 11, '十一、'],
    ['（十五）指导企业', 'cnParen', 15, '（十五）'],
    ['(四)推动国家高新区创建。', 'cnParen', 4, '（四）'],
    ['（ 一 ）除急诊留院观察外', 'cnParen', 1, '（一）'],
    ['12.支持节庆宣传。', 'num', 12, '12.'],
    ['3、酒店建设', 'num', 3, '3.'],
    ['4．民宿建设', 'num', 4, '4.'],
    ['（3）曾获得国家助学贷款。', 'numParen', 3, '（3）'],
    ['③上年度企业完税证明', 'circled', 3, '③'],
    ['b.满足条件2的企业请提交', 'latin', 2, 'b.'],
  ])('%s → %s %i', (line, kind, ordinal, label) => {
    expect(markerOf(line)).toMatchObject({ kind, ordinal, label });
  });

  it.each(['2019年1月1日起实施', '1.5亿元的专项资金', '第一条件是', '条件如下', '三是加强', '100万元以上的', 'a', ''])('%s is no marker', (line) => {
    expect(markerOf(line)).toBeUndefined();
  });

  it('keeps the text after the marker', () => {
    expect(markerOf('第五条　纳税人的子女')?.rest).toBe('纳税人的子女');
  });
});
