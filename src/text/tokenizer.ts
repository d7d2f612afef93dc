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

/**
 * Remembers recent segmentations: one question is cut several times (terms, BM25 words, embedding), and
 * popular questions repeat. Bounded, least recently used first out.
 */
export function cachedTokenizer(inner: Tokenizer, max = 5000): Tokenizer {
  const cache = new Map<string, string[]>();
  return {
    id: inner.id,
    cut(text, hmm = true) {
      const key = hmm ? text : `\u0000${text}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      const out = inner.cut(text, hmm);
      cache.set(key, out);
      if (cache.size > max) cache.delete(cache.keys().next().value!);
      return out;
    },
  };
}
