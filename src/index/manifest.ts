// The index manifest: what built the artifacts. A mismatch is a loud error or a rebuild, never a silently wrong answer.
import { blocksToText, type SourceDocument } from '../corpus/blocks.js';
import { hashText, type Lexicon } from '../text/lexicon.js';
import { createError } from '../errors.js';

/** Bump when the artifact layout or any extraction rule changes meaning (extraction-version.test.ts enforces it). 3: the manifest hashes every artifact; 4: parser for every published style, readers, build report; 5: subjects borrowed across sentences, 一个 as an article, 不能超过 as a cap; 6: ordinals read whole (第二十二项); 7: each figure of a name–figure list gets its own name; 8: awards, caps and ratios carry an eligibility rule (src/corpus/eligibility.ts); 9: a count of conditions (3个条件之一) is not a bar; 10: bars in brackets are exceptions, a verb-only subject is named by its bar; 11: no artifact change, the knowledge base indexes facts by clause and text by bigrams at load; 12: no artifact change, the language file gains exclusion words; 13: "只能享受一次" is about one item, not about combining items; 14: no artifact change (review); 15: one part per document (docs/*.json, parts.ts) with its words, shared statistics assembled at load, the HNSW graph only while its search is exact; 16: no artifact change, vectors assembled per distinct feature, BM25 and exact search select the best k; 17: spaces between a figure and Chinese text are layout (20 万元), a subject of qualifiers only (每年每个分别) is unreadable; 18: 分别 tiers take the items of the nearest list before them; 19: no artifact change (review). */
export const INDEX_FORMAT_VERSION = 19;

export interface Manifest {
  formatVersion: number;
  builtAt: string;
  tokenizer: string; // tokenizer id, includes the user dictionary hash
  lexiconHash: string; // dictionary, stop words, synonyms and departments
  embedder: string;
  corpusHash: string;
  vectorIndex: string;
  counts: { documents: number; clauses: number; chunks: number; facts: number };
  /** The document parts (Node index folders), in corpus order: each is reused while its source is unchanged. */
  parts?: PartEntry[];
  /** The folder of the HNSW files, when `vectorIndex` is hnswlib. */
  hnswDir?: string;
  /** sha256 (hex) of every artifact file, by path relative to the index folder; verified before anything is read. */
  files?: Record<string, string>;
}

export interface PartEntry {
  docId: string;
  file: string;
  sourceHash: string;
  /** Relative to the index folder: docs/<docId>.<hash>.json. */
  path: string;
}

export interface ManifestExpectation {
  tokenizer: string;
  lexiconHash: string;
  embedder: string;
  corpusHash: string;
}

/** What the index's words depend on: dictionary, stop words, synonyms, departments, places and the language file. */
export const lexiconHash = (lex: Lexicon) =>
  hashText(lex.userDict, lex.stopWords.join('\n'), JSON.stringify(lex.synonyms), JSON.stringify(lex.departments), JSON.stringify(lex.places), JSON.stringify(lex.language), lex.pinyin);

/** A hash of what the corpus says: file names, the text of every block, and any sidecar metadata. */
export function corpusHash(sources: SourceDocument[]): string {
  const parts = sources.map((s) => `${s.fileName}\u0000${blocksToText(s.blocks)}\u0000${JSON.stringify(s.meta)}`);
  return hashText(...parts) + hashText('salt', ...parts);
}

/**
 * Incompatible artifacts (another format or embedder) throw INDEX_MISMATCH; artifacts built from an older
 * corpus or dictionary, or by an older version of this program, throw INDEX_STALE, which the Node entry answers
 * by rebuilding.
 */
export function checkManifest(m: Manifest, want: ManifestExpectation): void {
  if (typeof m?.formatVersion === 'number' && m.formatVersion >= 1 && m.formatVersion < INDEX_FORMAT_VERSION) {
    throw createError('INDEX_STALE', `index format ${m.formatVersion} is older than ${INDEX_FORMAT_VERSION}`);
  }
  if (m?.formatVersion !== INDEX_FORMAT_VERSION) {
    throw createError('INDEX_MISMATCH', `index format ${m?.formatVersion} but this build reads ${INDEX_FORMAT_VERSION}`);
  }
  if (m.embedder !== want.embedder) throw createError('INDEX_MISMATCH', `index embedder ${m.embedder} but configured ${want.embedder}`);
  if (m.tokenizer !== want.tokenizer || m.lexiconHash !== want.lexiconHash) {
    throw createError('INDEX_STALE', `index built with dictionary ${m.tokenizer}/${m.lexiconHash}, now ${want.tokenizer}/${want.lexiconHash}`);
  }
  if (m.corpusHash !== want.corpusHash) throw createError('INDEX_STALE', `index built from corpus ${m.corpusHash}, now ${want.corpusHash}`);
}
