import { describe, expect, it } from 'vitest';
import { checkComputation, formatComputation, parseQuantity, showYuan, type Computation } from './arith.js';

const rule = '按照所获国家专项支持资金1:1配套，单个企业每年最高不超过1000万元。';
const ok: Computation = { rule, inputs: ['1500万元'], steps: ['1500万元 × 1:1 = 1500万元', 'min(1500万元, 1000万元) = 1000万元'], result: '1000万元' };

describe('figures', () => {
  it('reads money, percent, ratio and counts as the documents write them', () => {
    expect(parseQuantity('1000万元')).toEqual({ value: 1e7, unit: 'yuan' });
    expect(parseQuantity('300万')).toEqual({ value: 3e6, unit: 'yuan' });
    expect(parseQuantity('50%')).toEqual({ value: 0.5, unit: 'percent' });
    expect(parseQuantity('1:1')).toEqual({ value: 1, unit: 'ratio' });
    expect(parseQuantity('200元/人')).toEqual({ value: 200, unit: 'yuan' });
    expect(parseQuantity('12')).toEqual({ value: 12, unit: 'count' });
    expect(showYuan(3.5e6, '50万元')).toBe('350万元');
    expect(showYuan(35000, '15000元')).toBe('35000元');
  });
});

describe('checking a computation', () => {
  it('accepts right arithmetic whose operands come from the rule and the question', () => {
    expect(checkComputation(ok, rule, '国家支持了1500万元，自治区配套最多多少')).toBe(true);
  });
  it('refuses wrong arithmetic', () => {
    expect(checkComputation({ ...ok, steps: ['1500万元 × 1:1 = 1600万元', 'min(1600万元, 1000万元) = 1000万元'] }, rule, '国家支持了1500万元')).toBe(false);
  });
  it('refuses an operand neither the rule nor the user wrote (an invented cap)', () => {
    const invented = { ...ok, steps: ['1500万元 × 1:1 = 1500万元', 'min(1500万元, 1200万元) = 1200万元'], result: '1200万元' };
    expect(checkComputation(invented, rule, '国家支持了1500万元')).toBe(false);
    expect(checkComputation(ok, rule, '国家支持了很多钱')).toBe(false);
  });
  it('checks whole steps (floor of a division) against a rule written in words', () => {
    const step = { rule: '每满一万人奖励一万元。', inputs: ['3万人次'], steps: ['floor(3万 ÷ 1万) = 3', '3 × 1万元 = 3万元'], result: '3万元' };
    expect(checkComputation(step, step.rule, '旅行社组织了3万人次游客')).toBe(true);
    expect(checkComputation({ ...step, steps: ['floor(3.5万 ÷ 1万) = 3', '3 × 1万元 = 3万元'] }, step.rule, '组织了3.5万人次')).toBe(true);
    expect(checkComputation({ ...step, steps: ['floor(3万 ÷ 1万) = 4', '4 × 1万元 = 4万元'], result: '4万元' }, step.rule, '组织了3万人次')).toBe(false);
    expect(formatComputation(step)).toContain('3万 ÷ 1万（取整） = 3');
  });
  it('refuses a result other than the last step', () => {
    expect(checkComputation({ ...ok, result: '1500万元' }, rule, '国家支持了1500万元')).toBe(false);
  });
});
