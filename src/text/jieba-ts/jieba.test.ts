import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { lexicon, seedKnowledgeBase, tokenizer as nodeTokenizer } from '../../testing/fixtures.js';
import { compactDictionary, nodejiebaDictFiles } from '../../node/worker-artifacts.js';
import { parityTexts } from '../../testing/segment-texts.js';
import { exactLog } from './exact-log.js';
import { createCppJiebaTokenizer } from './tokenizer.js';

const files = nodejiebaDictFiles();
const dict = readFileSync(files.dict, 'utf8');
const hmmModel = readFileSync(files.hmmModel, 'utf8');
const ts = createCppJiebaTokenizer({ dict, hmmModel, userDict: lexicon.userDict });
const { questions, corpus } = parityTexts(seedKnowledgeBase());

const mismatches = (texts: string[], hmm: boolean) =>
  texts.map((t) => ({ t, node: nodeTokenizer.cut(t, hmm), worker: ts.cut(t, hmm) })).filter((r) => JSON.stringify(r.node) !== JSON.stringify(r.worker));

describe('the Worker tokenizer (cppjieba in TypeScript) against nodejieba', () => {
  it('has the Node tokenizer id, so one index serves both runtimes', () => {
    expect(ts.id).toBe(nodeTokenizer.id);
    expect(ts.id).toMatch(/^jieba-hmm@[0-9a-f]{8}$/);
  });

  it('cuts every eval question (as asked, normalised, prepared) exactly as nodejieba does, HMM on and off', () => {
    expect(questions.length).toBeGreaterThan(500);
    expect(mismatches(questions, true)).toEqual([]);
    expect(mismatches(questions, false)).toEqual([]);
  });

  it('cuts every clause, sentence and chunk of the corpus exactly as nodejieba does', () => {
    expect(corpus.length).toBeGreaterThan(150);
    expect(mismatches(corpus, true)).toEqual([]);
    expect(mismatches(corpus, false)).toEqual([]);
  });

  it('agrees on edge cases: separators, ASCII words and numbers, full-width forms, astral and broken characters', () => {
    const edge = [
      '', ' ', '，，。。', 'abc DEF123 4.5.6 x_y\t\n', '１２３万元 Ｔｅｓｔ', '𠮷野家和😀', 'broken \ud800 surrogate \udc00 here',
      '2021年8月1日起施行', 'R&D投入强度达到2.5%以上', '他来到了网易杭研大厦', '中华人民共和国武汉市长江大桥',
    ];
    expect(mismatches(edge, true)).toEqual([]);
    expect(mismatches(edge, false)).toEqual([]);
  });

  it('agrees on 3,000 random strings built from dictionary words, corpus slices and loose characters', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) >>> 0) / 2 ** 32) * n;
    const words = dict.split('\n', 400_000).map((l) => l.split(' ')[0]);
    const text = corpus.join('') + questions.join('');
    const chars = [...new Set(text)];
    const samples: string[] = [];
    for (let k = 0; k < 3000; k++) {
      let s = '';
      if (k % 3 === 0) {
        const at = Math.floor(rnd(text.length));
        s = text.slice(at, at + 1 + Math.floor(rnd(50)));
      }
      else if (k % 3 === 1) for (let i = rnd(6); i >= 0; i--) s += words[Math.floor(rnd(words.length))];
      else for (let i = rnd(25); i >= 0; i--) s += chars[Math.floor(rnd(chars.length))];
      samples.push(s);
    }
    expect(mismatches(samples, true)).toEqual([]);
  });

  it('reads the compact dictionary the Worker bundles the same as the original', () => {
    const compact = createCppJiebaTokenizer({ dict: compactDictionary(dict), hmmModel, userDict: lexicon.userDict });
    for (const q of questions.slice(0, 100)) expect(compact.cut(q)).toEqual(ts.cut(q));
  });
});

describe('exactLog', () => {
  it('is the correctly rounded natural log (Math.log is off by one ulp for some dictionary frequencies)', () => {
    expect(exactLog(1)).toBe(0);
    expect(exactLog(2)).toBe(Math.LN2);
    expect(exactLog(10)).toBe(Math.LN10);
    // ln(131 / 60101983): glibc and a 160-bit evaluation give ...debf1; V8's Math.log gives ...debf2.
    const bits = (x: number) => Buffer.from(new Float64Array([x]).buffer).reverse().toString('hex');
    expect(bits(exactLog(131 / 60101983))).toBe('c02a129d434debf1');
  });
});
