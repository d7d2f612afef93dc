// Text → weighted features shared by BM25 and the default embedder: jieba words folded to concepts, plus han bigrams.
import { createConceptMap, type ConceptMap, type Lexicon } from '../text/lexicon.js';
import { contentTokens, type Tokenizer } from '../text/tokenizer.js';

export interface FeatureDeps {
  tokenizer: Tokenizer;
  concepts: ConceptMap;
  stopWords: ReadonlySet<string>;
}

/** Words for BM25: content tokens, each folded to its concept (补贴 and 资助 both count as 资金). */
export function wordFeatures(text: string, deps: FeatureDeps): string[] {
  return contentTokens(deps.tokenizer, text, deps.stopWords).map((t) => deps.concepts.concept(t.toLowerCase()));
}

/** Character bigrams of each run of han characters: robust to typos and segmentation differences. */
export function bigramFeatures(text: string): string[] {
  const out: string[] = [];
  for (const run of text.match(/[\u4e00-\u9fa5]+/g) ?? []) {
    for (let i = 0; i + 1 < run.length; i++) out.push(run.slice(i, i + 2));
  }
  return out;
}

export function featureDeps(lex: Lexicon, tokenizer: Tokenizer): FeatureDeps {
  return { tokenizer, concepts: createConceptMap(lex), stopWords: new Set(lex.stopWords) };
}
