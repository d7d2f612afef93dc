// Replies that are not answers: the greeting's example questions come from language data, filtered to the library.
import { describe, expect, it } from 'vitest';
import { fixtureKnowledgeBase } from '../testing/fixtures.js';
import { createEngine } from './engine.js';

const iit = createEngine(fixtureKnowledgeBase('realdocs/national-iit-special-deductions-2018.txt'), { cacheSize: 0 });

describe('example questions', () => {
  it('offers only what the library can answer: a tax document is not offered 孵化器, nor a qualifier as a topic', async () => {
    const { answer } = await iit.ask('你好');
    expect(answer.answer).not.toContain('孵化器');
    expect(answer.answer).not.toContain('不超过给多少钱');
    expect(answer.answer).toContain('第十五条讲了什么');
  });
});
