// The Tokenizer interface: the core knows no segmentation library; entries pass one in.

export interface Tokenizer {
  /** Precise-mode segmentation with the user dictionary; HMM on unless `hmm` is false. */
  cut(text: string, hmm?: boolean): string[];
  /** Identifies the tokenizer and its dictionary for the index manifest. */
  readonly id: string;
}

/** Tokens useful for matching: stop words, punctuation and whitespace removed. */
export function contentTokens(tokenizer: Tokenizer, text: string, stopWords: ReadonlySet<string>): string[] {
  return tokenizer.cut(text).filter((t) => t.trim() && !stopWords.has(t) && !/^[\p{P}\p{S}\s]+$/u.test(t));
}
