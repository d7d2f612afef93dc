import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../qa/types.js';
import { sourceLine } from '../../qa/citation.js';
import { cutAtSentence, formatAnswer, hardCut, shortLines, stripMarkdown } from './plain-text.js';

const WECOM_MAX_BYTES = 2048;

const bytes = (s: string) => new TextEncoder().encode(s).length;

const c14: Citation = {
  docId: 'gx-2021',
  docTitle: '关于进一步加快科技创新的若干措施',
  clause: '（十四）',
  number: 14,
  title: '优化创新创业生态',
  quote: '对新认定的自治区级科技企业孵化器，给予一次性100万元经费支持。',
};
const c15: Citation = { ...c14, clause: '（十五）', number: 15, title: '培育高新区创新企业群', quote: '…' };

function answer(text: string, citations: Citation[] = [c14]): Answer {
  return { answer: text, intent: 'amount', citations, facts: [] };
}

describe('formatAnswer', () => {
  it('puts the answer first, then the source line', () => {
    const out = formatAnswer(answer('100万元。对新认定的自治区级科技企业孵化器，给予一次性100万元经费支持。'));
    expect(out).toBe(
      '100万元。\n对新认定的自治区级科技企业孵化器，给予一次性100万元经费支持。\n\n出处：《关于进一步加快科技创新的若干措施》（十四）「优化创新创业生态」',
    );
  });

  it('cites up to two distinct clauses and no duplicates', () => {
    const out = formatAnswer(answer('牵头：自治区科技厅。', [c14, c14, c15, { ...c15, number: 16, clause: '（十六）' }]));
    expect(out.split('\n').filter((l) => l.includes('》（'))).toEqual([
      '出处：《关于进一步加快科技创新的若干措施》（十四）「优化创新创业生态」',
      '《关于进一步加快科技创新的若干措施》（十五）「培育高新区创新企业群」',
    ]);
  });

  it('has no source line without citations', () => {
    expect(formatAnswer(answer('您好，请问想了解哪方面的政策？', []))).toBe('您好，请问想了解哪方面的政策？');
  });

  it('strips markdown', () => {
    const out = formatAnswer(answer('## 结论\n**100万元**，见`第十四条`。\n- 牵头：自治区科技厅\n* 配合：财政厅\n[原文](https://x.y/z)'));
    expect(out).not.toMatch(/[*#`]|\]\(/);
    expect(out.startsWith('结论\n100万元，见第十四条。\n牵头：自治区科技厅\n配合：财政厅\n原文')).toBe(true);
  });

  it('keeps a very long answer within 2000 bytes, cut at a sentence boundary with a pointer', () => {
    const sentence = '对新认定的国家级科技企业孵化器，给予一次性300万元经费支持；';
    const long = `300万元。${sentence.repeat(200)}最后一句。`;
    const out = formatAnswer(answer(long));
    expect(bytes(out)).toBeLessThanOrEqual(2000);
    expect(bytes(out)).toBeGreaterThan(1800);
    const [body, source] = out.split('\n\n');
    expect(body!.startsWith('300万元。\n')).toBe(true);
    expect(body!.endsWith('；\n（详见（十四）原文）')).toBe(true);
    expect(source).toBe('出处：《关于进一步加快科技创新的若干措施》（十四）「优化创新创业生态」');
    expect(out).not.toContain('最后一句');
  });

  it('uses the WeCom budget when asked', () => {
    const out = formatAnswer(answer('一二三四五六七八九十。'.repeat(300)), { maxBytes: WECOM_MAX_BYTES });
    expect(bytes(out)).toBeLessThanOrEqual(2048);
    expect(bytes(out)).toBeGreaterThan(2000);
  });

  it('cuts a boundary-less giant sentence on a character, never mid-UTF-8', () => {
    const out = formatAnswer(answer('字'.repeat(3000), []));
    expect(bytes(out)).toBeLessThanOrEqual(2000);
    expect(out).not.toContain('\uFFFD');
    expect(out.endsWith('\n（内容较长，未完整显示）')).toBe(true);
  });

  it('survives a citation whose title alone is over budget', () => {
    const out = formatAnswer(answer('短答。'.repeat(500), [{ ...c14, title: '长'.repeat(900) }]));
    expect(bytes(out)).toBeLessThanOrEqual(2000);
  });
});

describe('helpers', () => {
  it('sourceLine does not double the book-title marks', () => {
    expect(sourceLine({ ...c14, docTitle: '《若干措施》' })).toBe('《若干措施》（十四）「优化创新创业生态」');
  });

  it('shortLines breaks after 。！？ but keeps closing quotes with their sentence', () => {
    expect(shortLines('甲。乙！丙？“丁。”戊；己。')).toBe('甲。\n乙！\n丙？\n“丁。”\n戊；己。');
    expect(shortLines('给多少钱？。真的吗！！好。')).toBe('给多少钱？。\n真的吗！！\n好。');
    expect(shortLines('等等……好。')).toBe('等等……好。');
  });

  it('stripMarkdown leaves plain policy text alone', () => {
    const plain = '（十四）优化创新创业生态。对新认定的孵化器给予100万元；3*4 不是强调。';
    expect(stripMarkdown(plain)).toBe(plain);
  });

  it('cutAtSentence and hardCut respect the byte budget', () => {
    expect(cutAtSentence('甲乙。丙丁；戊己', 20)).toBe('甲乙。丙丁；');
    expect(cutAtSentence('甲乙。丙丁；戊己', 15)).toBe('甲乙。');
    expect(cutAtSentence('甲乙\n丙丁戊己', 15)).toBe('甲乙');
    expect(hardCut('a😀b', 4)).toBe('a');
    expect(hardCut('a😀b', 5)).toBe('a😀');
  });
});
