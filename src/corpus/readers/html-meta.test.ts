import { describe, expect, it } from 'vitest';
import { countLabels, parseMetaSegments } from './html-meta.js';

describe('metadata block', () => {
  it('reads gov.cn cells: spaced labels, values in the next cell, 发布日期 over 成文日期', () => {
    const cells = ['索 引 号：', '000014349/2018-00212', '主题分类：', '劳动、人事、监察\\劳动就业', '发文机关：', '国务院', '成文日期：', '2018年11月16日', '标　　题：', '国务院关于做好当前和今后一个时期促进就业工作的若干意见', '发文字号：', '国发〔2018〕39号', '发布日期：', '2018年12月05日', '主 题 词：', ''];
    expect(parseMetaSegments(cells)).toEqual({
      indexNumber: '000014349/2018-00212', issuer: '国务院', title: '国务院关于做好当前和今后一个时期促进就业工作的若干意见', docNumber: '国发〔2018〕39号', published: '2018年12月05日',
    });
  });

  it('reads pairs sharing one line, and takes 成文日期 when there is no 发布日期', () => {
    expect(parseMetaSegments(['文　　号：穗人社规字〔2019〕6号 成文日期：2019年10月9日', '实施日期： 2019年10月16日', '文件状态：'])).toEqual({
      docNumber: '穗人社规字〔2019〕6号', published: '2019年10月9日', effective: '2019年10月16日',
    });
  });

  it('counts fields, not mentions: a sentence naming 文号 once is no metadata block', () => {
    expect(countLabels('索引号：1 文号：2 发布日期：3')).toBe(3);
    expect(countLabels('发文字号：国发〔2018〕39号')).toBe(1);
    expect(countLabels('主题分类：劳动 文件状态：有效')).toBe(0);
    expect(countLabels('主题分类：劳动 文件状态：有效', true)).toBe(2);
  });
});
