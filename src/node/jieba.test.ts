import { describe, expect, it } from 'vitest';
import { lexicon, tokenizer } from '../testing/fixtures.js';

describe('nodejieba tokenizer with the domain dictionary', () => {
  it('keeps domain terms and department names whole', () => {
    const tokens = tokenizer.cut('自治区级高新区的瞪羚企业和独角兽企业找自治区住房城乡建设厅还是国家税务总局广西税务局');
    for (const w of ['自治区级高新区', '瞪羚企业', '独角兽企业', '自治区住房城乡建设厅', '国家税务总局广西税务局']) expect(tokens).toContain(w);
    expect(tokenizer.cut('众创空间和新型研发机构')).toEqual(['众创空间', '和', '新型研发机构']);
  });
  it('uses HMM for words outside the dictionary', () => {
    // Without HMM, unknown two-character words fall apart into single characters.
    expect(tokenizer.cut('瞪羚企业认定办法')).toContain('办法');
  });
  it('has an id that changes with the dictionary', () => {
    expect(tokenizer.id).toMatch(/^jieba-hmm@[0-9a-f]{8}$/);
    expect(lexicon.userDict.split('\n').length).toBeGreaterThan(150);
  });
});
