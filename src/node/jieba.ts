// Tokenizer backed by nodejieba (native), for the Node entry. HMM is on; the Worker runs a TypeScript port of the same
// algorithm over the same dictionaries (src/text/jieba-ts/), tested token for token against this one.
import nodejieba from 'nodejieba';
import { hashText } from '../text/lexicon.js';
import type { Tokenizer } from '../text/tokenizer.js';

let loadedDict: string | undefined;

/** nodejieba holds one global dictionary per process, so it is loaded once and then checked. */
export function createNodeJiebaTokenizer(userDictPath: string, userDictText: string): Tokenizer {
  if (loadedDict === undefined) {
    nodejieba.load({ userDict: userDictPath });
    loadedDict = userDictPath;
  } else if (loadedDict !== userDictPath) {
    throw new Error(`nodejieba already loaded with ${loadedDict}; one dictionary per process`);
  }
  return {
    id: `jieba-hmm@${hashText(userDictText)}`,
    cut: (text, hmm = true) => nodejieba.cut(text, hmm),
  };
}
