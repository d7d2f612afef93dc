import { describe, expect, it } from 'vitest';
import { loadQuestions } from '../../eval/dataset.js';
import { lexicon, tokenizer } from '../testing/fixtures.js';
import { nodeTokenizer } from './loaders.js';

describe('the Node tokenizer choice', () => {
  it('TOKENIZER=ts gives nodejieba\'s tokens and id', () => {
    const ts = nodeTokenizer(lexicon, 'ts');
    expect(ts.id).toBe(tokenizer.id);
    for (const q of loadQuestions().map((x) => x.question)) expect(ts.cut(q), q).toEqual(tokenizer.cut(q));
  });
  it('refuses an unknown tokenizer', () => {
    expect(() => nodeTokenizer(lexicon, 'whitespace')).toThrow(/TOKENIZER/);
  });
});
