import { describe, expect, it } from 'vitest';
import type { Answer } from '../../qa/types.js';
import { completionChunks, pieces } from './sse.js';

const meta = { id: 'chatcmpl-1', created: 1, model: 'policy-qa' };
const answer: Answer = { answer: 'x', intent: 'amount', citations: [], facts: [] };

describe('pieces', () => {
  it('joins back to the exact text, cutting at line ends and every N code points', () => {
    const text = '新认定为自治区级科技企业孵化器：50万元配套资助。\n来源：《…》（十四）\n\n😀😀😀';
    expect(pieces(text, 4).join('')).toBe(text);
    expect(pieces(text, 4).every((p) => [...p].length <= 4)).toBe(true);
    expect(pieces('ab\ncd', 10)).toEqual(['ab\n', 'cd']);
    expect(pieces('😀😀😀', 1)).toEqual(['😀', '😀', '😀']); // never half a surrogate pair
    expect(pieces('')).toEqual([]);
  });
});

describe('completionChunks', () => {
  it('sends the role, the deltas, then a stop chunk carrying the extras', () => {
    const chunks = completionChunks(meta, answer, 'ab\ncd') as { choices: { delta: object; finish_reason: string | null }[]; intent?: string; usage?: unknown }[];
    expect(chunks.map((c) => c.choices[0]!.delta)).toEqual([{ role: 'assistant', content: '', refusal: null }, { content: 'ab\n' }, { content: 'cd' }, {}]);
    expect(chunks.map((c) => c.choices[0]!.finish_reason)).toEqual([null, null, null, 'stop']);
    expect(chunks.at(-1)!.intent).toBe('amount');
    expect(chunks.some((c) => 'usage' in c)).toBe(false);
  });

  it('with usage, every chunk has usage null and a last chunk with no choices has the numbers', () => {
    const usage = { prompt_tokens: 1, completion_tokens: 2, total_tokens: 3 };
    const chunks = completionChunks(meta, answer, 'ab', usage) as { choices: unknown[]; usage: unknown }[];
    expect(chunks.at(-1)).toMatchObject({ choices: [], usage });
    expect(chunks.slice(0, -1).every((c) => c.usage === null)).toBe(true);
  });
});
