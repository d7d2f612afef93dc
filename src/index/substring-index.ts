// Which texts contain a string, without scanning them all: a posting list per character bigram, intersected from the
// rarest, then checked with includes. Counts and hits are exactly those of `texts.filter((t) => t.includes(s))`, at
// a cost that follows how many texts share the string's rarest bigram, not how many texts there are.

export interface SubstringIndex {
  /** Indexes of the texts that contain s, ascending. */
  hits(s: string): number[];
  /** How many texts contain s. */
  count(s: string): number;
  /** Whether any text contains s. */
  has(s: string): boolean;
}

export function createSubstringIndex(texts: readonly string[]): SubstringIndex {
  const lists = new Map<string, number[]>();
  for (const [i, text] of texts.entries()) {
    const seen = new Set<string>();
    for (let j = 0; j + 1 < text.length; j++) {
      const bigram = text.slice(j, j + 2);
      if (seen.has(bigram)) continue;
      seen.add(bigram);
      let list = lists.get(bigram);
      if (!list) lists.set(bigram, (list = []));
      list.push(i);
    }
  }
  const postings = new Map<string, Uint32Array>();
  for (const [k, v] of lists) postings.set(k, Uint32Array.from(v));
  const all = () => texts.map((_, i) => i);

  /** The posting lists of s's bigrams, rarest first; undefined when one bigram is in no text. */
  function postingsOf(s: string): Uint32Array[] | undefined {
    const grams: Uint32Array[] = [];
    for (let j = 0; j + 1 < s.length; j++) {
      const list = postings.get(s.slice(j, j + 2));
      if (!list) return undefined;
      grams.push(list);
    }
    return grams.sort((a, b) => a.length - b.length);
  }

  function hits(s: string): number[] {
    // One character says too little to index; the empty string is in every text.
    if (s.length < 2) return s ? all().filter((i) => texts[i].includes(s)) : all();
    const grams = postingsOf(s);
    if (!grams) return [];
    const out: number[] = [];
    // The rarest list drives; a bigram's presence is necessary, includes decides.
    for (const i of grams[0]) if (texts[i].includes(s)) out.push(i);
    return out;
  }

  function has(s: string): boolean {
    if (s.length < 2) return texts.some((t) => t.includes(s));
    const grams = postingsOf(s);
    return !!grams && grams[0].some((i) => texts[i].includes(s));
  }

  return { hits, count: (s) => hits(s).length, has };
}
