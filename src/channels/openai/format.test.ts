import { describe, expect, it } from 'vitest';
import type { Answer, Citation } from '../../qa/types.js';
import { sourceLine } from '../../qa/citation.js';
import { completionBody, contentOf, usageOf } from './format.js';

const c14: Citation = { docId: 'gx', docTitle: '关于促进高新技术产业开发区高质量发展的若干措施', clause: '（十四）', number: 14, title: '优化创新创业生态', quote: '…50万元…' };
const c15: Citation = { ...c14, clause: '（十五）', number: 15, title: '强化人才支撑' };
const answer = (text: string, citations: Citation[] = [c14]): Answer => ({ answer: text, intent: 'amount', citations, facts: [] });

describe('contentOf', () => {
  it('keeps the engine text when it already has a 来源 line', () => {
    const text = `50万元配套资助。\n来源：${sourceLine(c14)}`;
    expect(contentOf(answer(text))).toBe(text);
  });

  it('adds one 来源 line naming each distinct clause when the text has none (e.g. an LLM rephrasing)', () => {
    expect(contentOf(answer('50万元配套资助。', [c14, c14, c15]))).toBe(
      '50万元配套资助。\n来源：《关于促进高新技术产业开发区高质量发展的若干措施》（十四）「优化创新创业生态」；《关于促进高新技术产业开发区高质量发展的若干措施》（十五）「强化人才支撑」',
    );
  });

  it('invents no source for answers without citations', () => {
    expect(contentOf(answer('您好！', []))).toBe('您好！');
  });
});

describe('usageOf', () => {
  it('counts characters (code points), not UTF-16 units', () => {
    expect(usageOf(['你好', '😀'], '50万元')).toEqual({ prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 });
  });
});

describe('completionBody', () => {
  it('puts citations on the message and citations, facts and intent at the top level', () => {
    const a = { ...answer('x'), departments: { lead: ['自治区发展改革委'], support: [] } };
    const body = completionBody({ id: 'chatcmpl-1', created: 1, model: 'policy-qa' }, a, 'x', usageOf([], 'x'));
    expect(body.choices[0]!.message).toEqual({ role: 'assistant', content: 'x', refusal: null, citations: [c14] });
    expect(body).toMatchObject({ object: 'chat.completion', citations: [c14], facts: [], intent: 'amount', departments: a.departments });
  });
});
