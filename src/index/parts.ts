// Per-document parts of the index, and the library assembled from them. A part holds everything about one document
// that costs work to make (its parse, facts with their rules, chunks and the segmenter's words), so adding or
// replacing one document parses and segments that document only. What every document shares (BM25 statistics,
// IDF, vectors of the local embedder) is derived from the parts when they are assembled: cheap counting, never a
// second segmentation, and always equal to a build from scratch of the same documents.
import type { SourceDocument } from '../corpus/blocks.js';
import { blocksToText } from '../corpus/blocks.js';
import { createDepartmentRegistry } from '../corpus/departments.js';
import { attachRules, compileRuleWords } from '../corpus/eligibility.js';
import { extractFacts } from '../corpus/facts.js';
import { parseDocument } from '../corpus/parse.js';
import type { Fact, PolicyDocument } from '../corpus/types.js';
import { createError } from '../errors.js';
import { createGazetteer } from '../text/places.js';
import { hashText, type Lexicon } from '../text/lexicon.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { Bm25 } from './bm25.js';
import { buildChunks, type Chunk } from './chunks.js';
import { embedAll, embedderId, featuresFromWords, learnIdfFromFeatures } from './embeddings.js';
import { featureDeps, wordFeatures } from './features.js';
import type { KnowledgeBaseData } from './knowledge-base.js';
import { INDEX_FORMAT_VERSION, type Manifest } from './manifest.js';
import type { SparseVectors } from './vector-index.js';

export interface DocumentPart {
  docId: string;
  /** The corpus file it was read from. */
  file: string;
  /** What the document says (its text and sidecar metadata): a part is reused only for the same source. */
  sourceHash: string;
  document: PolicyDocument;
  facts: Fact[];
  chunks: Chunk[];
  /** The BM25 words of each chunk, as the tokenizer and the concept map made them. */
  words: string[][];
  /** Chunk vectors from a remote embedder; absent for the local one, whose vectors follow from the words. */
  vectors?: SparseVectors;
}

/** The hash of one source, as `corpusHash` sees it (file name, text, metadata). */
export const sourceHash = (s: SourceDocument): string => {
  const part = `${s.fileName}\u0000${blocksToText(s.blocks)}\u0000${JSON.stringify(s.meta)}`;
  return hashText(part) + hashText('salt', part);
};

/** Parses, extracts and segments each source into its part. A source with no clauses is refused by name. */
export function buildParts(sources: SourceDocument[], lex: Lexicon, tokenizer: Tokenizer): DocumentPart[] {
  const gazetteer = createGazetteer(lex.places);
  const registry = createDepartmentRegistry(lex.departments, gazetteer);
  const ruleWords = compileRuleWords(lex.language.match);
  const deps = featureDeps(lex, tokenizer);
  return sources.map((s) => {
    const document = parseDocument(s, { registry, gazetteer });
    if (!document.clauses.length) throw createError('DOC_NO_CLAUSES', `${document.file}: no clauses found (${document.warnings.join('; ') || 'no numbered items'})`);
    const facts = document.clauses.flatMap(extractFacts);
    attachRules([document], facts, ruleWords);
    const chunks = buildChunks([document]);
    return { docId: document.docId, file: s.fileName, sourceHash: sourceHash(s), document, facts, chunks, words: chunks.map((c) => wordFeatures(c.text, deps)) };
  });
}

export interface AssembleOptions {
  /** The remote embedder whose vectors the parts carry; absent means the local embedder. */
  embedder?: string;
  corpusHash: string;
  tokenizer: string;
  lexiconHash: string;
  now?: () => Date;
}

/** The library from its parts, in the order given (the corpus's file order): the same data a full build makes. It
 * needs neither the segmenter nor the lexicon: the parts carry their words. */
export function assembleParts(parts: DocumentPart[], opts: AssembleOptions): KnowledgeBaseData {
  const ids = new Set<string>();
  for (const p of parts) {
    if (ids.has(p.docId)) throw createError('DOC_DUPLICATE', `two corpus files share the docId ${p.docId} (${parts.filter((x) => x.docId === p.docId).map((x) => x.file).join(', ')})`);
    ids.add(p.docId);
  }
  const documents = parts.map((p) => p.document);
  const facts = parts.flatMap((p) => p.facts);
  const chunks = parts.flatMap((p) => p.chunks);
  const words = parts.flatMap((p) => p.words);
  const bm25 = Bm25.build(words);
  const features = chunks.map((c, i) => featuresFromWords(words[i], c.text));
  const embedderState = learnIdfFromFeatures(features);
  const vectors = opts.embedder ? parts.flatMap((p) => p.vectors ?? []) : embedAll(embedderState, features);
  if (vectors.length !== chunks.length) throw createError('INDEX_CORRUPT', `the parts hold ${vectors.length} vectors for ${chunks.length} chunks`);
  const manifest: Manifest = {
    formatVersion: INDEX_FORMAT_VERSION,
    builtAt: (opts.now ?? (() => new Date()))().toISOString(),
    tokenizer: opts.tokenizer,
    lexiconHash: opts.lexiconHash,
    embedder: opts.embedder ?? embedderId(embedderState.version, embedderState.dim),
    corpusHash: opts.corpusHash,
    vectorIndex: 'exact',
    counts: { documents: documents.length, clauses: documents.reduce((n, d) => n + d.clauses.length, 0), chunks: chunks.length, facts: facts.length },
  };
  return { manifest, documents, facts, chunks, bm25: bm25.toJSON(), embedder: embedderState, vectors };
}
