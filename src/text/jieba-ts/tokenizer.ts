// A Tokenizer that segments exactly as nodejieba does (cppjieba's dictionary, HMM model and algorithm, ported to
// TypeScript), for runtimes without native addons. Its id matches the Node tokenizer's, so one index serves both.
import { hashText } from '../lexicon.js';
import type { Tokenizer } from '../tokenizer.js';
import { createDictionary } from './dictionary.js';
import { parseHmmModel } from './hmm.js';
import { cut } from './segment.js';

export interface CppJiebaSources {
  /** cppjieba's main dictionary (jieba.dict.utf8), tags optional. */
  dict: string;
  /** cppjieba's hmm_model.utf8. */
  hmmModel: string;
  /** The domain user dictionary (corpus/lexicon/userdict.txt). */
  userDict: string;
}

export function createCppJiebaTokenizer(src: CppJiebaSources): Tokenizer {
  const dict = createDictionary(src.dict, src.userDict);
  const model = parseHmmModel(src.hmmModel);
  return {
    id: `jieba-hmm@${hashText(src.userDict)}`,
    cut: (text, hmm = true) => cut(dict, model, text, hmm),
  };
}
