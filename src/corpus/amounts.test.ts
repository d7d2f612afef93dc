import { describe, expect, it } from 'vitest';
import { distribute, extractAmounts, figuresIn, levelOfSubject } from './amounts.js';
import type { AmountFact, Clause } from './types.js';
import { splitSentences } from './parse.js';

const clause = (text: string): Clause => ({
  docId: 'd', id: 'd#1', number: 1, ordinal: 1, label: '1.', path: [], pathLabel: '1.', cite: '1.', chapter: '', chapterNumber: 0,
  title: '', text, sentences: splitSentences(text), deptNote: '', lead: [], support: [],
});
let n = 0;
const amounts = (text: string) => extractAmounts(clause(text), () => `f${++n}`);
const pairs = (text: string) => amounts(text).map((f) => [f.display, f.role]);

describe('figures', () => {
  it('reads money in every unit, per-unit figures, ranges, ratios, fractions and rates', () => {
    const got = (s: string) => figuresIn(s).map((f) => [f.display, f.kind, f.value, f.valueMax, f.per]);
    expect(got('奖励200元/人，5元/人/夜，32.5元/平方米/月')).toEqual([
      ['200元/人', 'money', 200, undefined, '人'], ['5元/人/夜', 'money', 5, undefined, '人/夜'], ['32.5元/平方米/月', 'money', 32.5, undefined, '平方米/月'],
    ]);
    expect(got('投入500万元—5000万元，奖励5%—20%')).toEqual([['500万元—5000万元', 'money', 5e6, 5e7, undefined], ['5%—20%', 'percent', 5, 20, undefined]]);
    expect(got('每满一万人奖励一万元')).toEqual([['一万人', 'count', 10000, undefined, undefined], ['一万元', 'money', 10000, undefined, undefined]]);
    expect(got('按1:1配套，最高不超过实际缴费额的2/3，利率不超过LPR+50BP')).toEqual([
      ['1:1', 'ratio', 1, undefined, undefined], ['2/3', 'ratio', 2 / 3, undefined, undefined], ['LPR+50BP', 'rate', 0, undefined, undefined],
    ]);
  });

  it('does not read dates, durations, ages, phone numbers or headcounts as money', () => {
    expect(figuresIn('2019年1月1日起，期限3个月，16—24岁，电话020-38622235').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figuresIn('实施三年百万青年见习计划').filter((f) => f.kind === 'money')).toEqual([]);
    expect(figuresIn('吸纳1万名高校毕业生').map((f) => f.kind)).toEqual(['count']);
  });
});

describe('what a figure does', () => {
  it('tells awards from caps and thresholds', () => {
    expect(pairs('对投资1000万元及以上的项目，给予一次性奖励50万元。')).toEqual([['1000万元', 'threshold'], ['50万元', 'award']]);
    expect(pairs('对年营业收入首次突破1亿元的企业，给予最高不超过100万元奖励。')).toEqual([['1亿元', 'threshold'], ['100万元', 'cap']]);
    expect(pairs('营业面积在100平方米以上的，一次性奖励1万元。')).toEqual([['100平方米', 'threshold'], ['1万元', 'award']]);
    expect(pairs('招用3人以下的按每人2000元给予补贴，总额最高不超过3万元。')).toEqual([['3人', 'threshold'], ['2000元', 'award'], ['3万元', 'cap']]);
    expect(pairs('每月按不低于当地最低工资80%的标准支付补贴。')).toEqual([['80%', 'threshold']]);
    expect(pairs('按其营业额的15%给予奖励，单个项目奖励最高不超过30万元。')).toEqual([['15%', 'ratio'], ['30万元', 'cap']]);
  });

  it('maps tiers onto the subjects the sentence lists', () => {
    const f = amounts('对新评定为三星级、四星级、五星级的酒店，一次性分别给予20万元、50万元、100万元奖励。');
    expect(f.map((x) => [x.display, x.subject])).toEqual([
      ['20万元', '新评定为三星级的酒店'], ['50万元', '新评定为四星级的酒店'], ['100万元', '新评定为五星级的酒店'],
    ]);
    const g = amounts('对新评定为国家2—5星级的乡村旅游示范单位，一次性分别给予2万元、4万元、8万元、15万元奖励。');
    expect(g.map((x) => x.subject)).toEqual(['新评定为国家2星级的乡村旅游示范单位', '新评定为国家3星级的乡村旅游示范单位', '新评定为国家4星级的乡村旅游示范单位', '新评定为国家5星级的乡村旅游示范单位']);
    const h = amounts('对新认定为国家级和自治区级科技企业孵化器的，分别给予100万元和50万元的配套资助。');
    expect(h.map((x) => [x.subject, x.level])).toEqual([['新认定为国家级科技企业孵化器', 'national'], ['新认定为自治区级科技企业孵化器', 'province']]);
  });

  it('attaches the thresholds of a sentence to its awards as conditions', () => {
    const [, award] = amounts('对总投入在1000万元以上且被认定的，给予投资方奖励100万元。') as AmountFact[];
    expect(award.role).toBe('award');
    expect(award.conditions.join()).toContain('1000万元以上');
  });

  it('splits list items as long as the middle ones, and reads levels', () => {
    expect(distribute('新建高级雪道、中级雪道、初级雪道', 3)).toEqual(['新建高级雪道', '新建中级雪道', '新建初级雪道']);
    expect(distribute('取得中级、高级导游证人员', 2)).toEqual(['取得中级导游证人员', '取得高级导游证人员']);
    expect(levelOfSubject('省级重点实验室')).toBe('province');
    expect(levelOfSubject('市级人才团队')).toBe('city');
    expect(levelOfSubject('国家级孵化器')).toBe('national');
    // A provincial capital is a kind of city, not the provincial level.
    expect(levelOfSubject('直辖市、省会（首府）城市')).toBeUndefined();
  });

  it('reads 一个/一项 before a noun as the article, and keeps 一位及以上 as a bound', () => {
    expect(pairs('具体分摊方式和额度在一个纳税年度内不能变更。')).toEqual([]);
    expect(pairs('纳税人赡养一位及以上被赡养人的赡养支出，按照每月2000元的标准定额扣除。')).toEqual([['一位', 'threshold'], ['2000元', 'award']]);
  });

  it('gives each figure of a name–figure list its own name, under the subject when there is one', () => {
    const rent = amounts('富力大厦32.5元/平方米/月、珠江嘉苑18元/平方米/月、棠雅苑38元/平方米/月（上述费用不含物业管理费）。') as AmountFact[];
    expect(rent.map((f) => [f.display, f.subject])).toEqual([['32.5元/平方米/月', '富力大厦'], ['18元/平方米/月', '珠江嘉苑'], ['38元/平方米/月', '棠雅苑']]);
    const ratios = amounts('一类门诊特定病种：按指定基层医疗机构85%、其他医疗机构65%的支付比例确定。') as AmountFact[];
    expect(ratios.map((f) => f.subject)).toEqual(['一类门诊特定病种（指定基层医疗机构）', '一类门诊特定病种（其他医疗机构）']);
  });

  it('reads 不能超过 as a cap', () => {
    expect(pairs('每人分摊的额度不能超过每月1000元。')).toEqual([['1000元', 'cap']]);
  });

  it('gives a figure whose own words name nobody the subject named before it, and quotes both', () => {
    const [, cap] = amounts('扣除医保报销后个人负担累计超过15000元的部分，由纳税人在办理年度汇算清缴时，在80000元限额内据实扣除。') as AmountFact[];
    expect(cap.display).toBe('80000元');
    expect(cap.subject).toContain('个人负担');
    const facts = amounts('对年组织游客人数达到1万人次以上的旅行社进行奖励。每满一万人奖励一万元。') as AmountFact[];
    const award = facts.find((f) => f.role === 'award')!;
    expect(award.subject).toContain('旅行社');
    expect(award.sentence).toContain('旅行社');
    expect(award.sentence).toContain('每满一万人奖励一万元');
  });
});

describe('funding-table rows', () => {
  it('makes each figure cell a fact named by the row and its column; a merged cell is one fact for both columns', () => {
    const row = (cells: string[]): Clause => ({
      ...clause(cells.join('；')), title: cells[2],
      row: { header: ['序号', '门诊特定病种/分类', '门诊特定病种/病种名称', '统筹基金最高支付限额/职工医保', '统筹基金最高支付限额/城乡居民医保', '审核确认有效期'], cells },
    });
    const one = extractAmounts(row(['1', '一类', '高血压病', '200元/月', '50元/月', '长期']), () => 'x');
    expect(one.map((f) => [f.display, f.role, f.subject])).toEqual([
      ['200元/月', 'cap', '高血压病（职工医保统筹基金最高支付限额）'], ['50元/月', 'cap', '高血压病（城乡居民医保统筹基金最高支付限额）'],
    ]);
    const merged = extractAmounts(row(['41', '二类', '重型β地中海贫血', '3000元/月', '3000元/月', '两年']), () => 'x');
    expect(merged.map((f) => f.subject)).toEqual(['重型β地中海贫血（职工医保、城乡居民医保统筹基金最高支付限额）']);
    expect(extractAmounts(row(['40', '二类', '小儿脑性瘫痪', '——', '640元/月', '两年']), () => 'x')).toHaveLength(1);
  });
});
