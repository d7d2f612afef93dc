import { describe, expect, it } from 'vitest';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import { clauseRefOf, levelOf } from './cues.js';
import { languageOf } from './language.js';
import { cueIntent } from './plan.js';

const lang = languageOf(seedKnowledgeBase().lexicon);
const classify = (q: string, ref: boolean) => cueIntent(lang, q, ref);

describe('clause references', () => {
  it.each([
    ['第十五条讲了什么', 15], ['(十五)是什么内容', 15], ['（二十七）', 27], ['第15条', 15], ['第 8 条', 8], ['十五条呢', 15], ['clause 22 讲什么', 22],
  ])('%s → %i', (q, n) => expect(clauseRefOf(lang, q)).toBe(n));
  it.each(['关于人才那一条原文', '这条谁牵头', '有哪些条件', '每一条都要看吗'])('%s has none', (q) => expect(clauseRefOf(lang, q)).toBeUndefined());
});

describe('levels', () => {
  it('reads the level a question asks about, not the funder', () => {
    expect(levelOf(lang, '自治区级孵化器给多少')).toBe('province');
    expect(levelOf(lang, '国家级孵化器给多少')).toBe('national');
    expect(levelOf(lang, '我们升成国家高新区了，自治区能给多少钱')).toBe('national');
    expect(levelOf(lang, '企业拿了国家科技重大专项，配套比例')).toBeUndefined();
    expect(levelOf(lang, '孵化器给多少')).toBeUndefined();
    expect(levelOf(lang, '刚认定为国家级孵化器，自治区层面配套多少')).toBe('national');
    expect(levelOf(lang, '国家级和自治区级孵化器各给多少')).toBeUndefined();
  });
});

describe('intent cues', () => {
  it.each([
    ['谁负责这个', 'department'], ['归哪个部门管', 'department'], ['找谁办', 'department'],
    ['第十五条讲了什么', 'clause'], ['原文发我', 'clause'],
    ['到2025年目标是什么', 'overview'], ['这个政策是干嘛的', 'overview'],
    ['给多少钱', 'amount'], ['比例上限', 'amount'], ['有补贴吗', 'amount'], ['孵化器补助', 'amount'],
    ['独角兽奖多少，哪个部门负责', 'department'], ['摘牌归谁管', 'department'], ['被摘牌会怎么样', 'search'],
  ])('%s → %s', (q, intent) => expect(classify(q, clauseRefOf(lang, q) !== undefined)).toBe(intent));
  it('leaves a plain topic question unmarked (search)', () => {
    expect(classify('飞地园区是什么', false)).toBeUndefined();
  });
});
