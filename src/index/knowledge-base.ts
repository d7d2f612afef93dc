// The knowledge base: parsed documents, facts, chunks, BM25 and vectors. Built once, saved as versioned
// artifacts (one part per document, parts.ts), and hydrated by either entry.
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { SourceDocument } from '../corpus/blocks.js';
import { createDepartmentRegistry, type DepartmentRegistry } from '../corpus/departments.js';
import type { Clause, Fact, PolicyDocument } from '../corpus/types.js';
import { createGazetteer, type Gazetteer } from '../text/places.js';
import type { ConceptMap, Lexicon } from '../text/lexicon.js';
import { cachedTokenizer, type Tokenizer } from '../text/tokenizer.js';
import { Bm25, type Bm25Data } from './bm25.js';
import type { Chunk } from './chunks.js';
import { HashedTfidfEmbeddings, type HashedTfidfState } from './embeddings.js';
import { featureDeps } from './features.js';
import { corpusHash, lexiconHash, type Manifest } from './manifest.js';
import { assembleParts, buildParts } from './parts.js';
import { createExactIndex, toSparse, type SparseVectors, type VectorIndex } from './vector-index.js';

/** What is saved to disk and bundled into the Worker. */
export interface KnowledgeBaseData {
  manifest: Manifest;
  documents: PolicyDocument[];
  facts: Fact[];
  chunks: Chunk[];
  bm25: Bm25Data;
  embedder: HashedTfidfState;
  vectors: SparseVectors;
}

export interface KnowledgeBase {
  manifest: Manifest;
  documents: PolicyDocument[];
  clauses: Clause[];
  facts: Fact[];
  chunks: Chunk[];
  bm25: Bm25;
  embedder: HashedTfidfEmbeddings;
  vectors: VectorIndex;
  /** Embeds queries when a remote model built the vectors (EMBEDDINGS_*); absent means `embedder` does. */
  queryEmbeddings?: EmbeddingsInterface;
  departments: DepartmentRegistry;
  gazetteer: Gazetteer;
  /** Places the corpus's documents govern (their regions and the places inside them): they say where, not what. */
  regionPlaces: ReadonlySet<string>;
  concepts: ConceptMap;
  tokenizer: Tokenizer;
  stopWords: ReadonlySet<string>;
  lexicon: Lexicon;
  /** Clause by docId and number. */
  clause(docId: string, number: number): Clause | undefined;
  /** The facts of one clause, in order (a lookup, not a scan of the library's facts). */
  factsOf(docId: string, number: number): readonly Fact[];
  document(docId: string): PolicyDocument | undefined;
}

export { featureDeps, lexiconHash };

/** Parses, segments and assembles the whole corpus (a full build); see parts.ts for what each step keeps. */
export function buildKnowledgeBaseData(sources: SourceDocument[], lex: Lexicon, tokenizer: Tokenizer, now: () => Date = () => new Date()): KnowledgeBaseData {
  return assembleParts(buildParts(sources, lex, tokenizer), { corpusHash: corpusHash(sources), tokenizer: tokenizer.id, lexiconHash: lexiconHash(lex), now });
}

/** A remote embedder: embeds chunks at build time and queries at answer time; `id` goes into the manifest. */
export type RemoteEmbeddings = EmbeddingsInterface & { id: string };

/** The chunk vectors from a remote model instead of the local embedder, and the manifest says which model. */
export async function withRemoteVectors(data: KnowledgeBaseData, embeddings: RemoteEmbeddings): Promise<KnowledgeBaseData> {
  const dense = await embeddings.embedDocuments(data.chunks.map((c) => c.text));
  return { ...data, vectors: dense.map(toSparse), manifest: { ...data.manifest, embedder: embeddings.id } };
}

/** Builds the runtime knowledge base; the vector index defaults to exact search over the stored vectors. */
export function hydrateKnowledgeBase(
  data: KnowledgeBaseData,
  lex: Lexicon,
  tokenizer: Tokenizer,
  vectors?: VectorIndex,
  queryEmbeddings?: RemoteEmbeddings,
): KnowledgeBase {
  tokenizer = cachedTokenizer(tokenizer);
  const deps = featureDeps(lex, tokenizer);
  const clauses = data.documents.flatMap((d) => d.clauses);
  const gazetteer = createGazetteer(lex.places);
  const byKey = new Map(clauses.map((c) => [`${c.docId}#${c.number}`, c]));
  const byDoc = new Map(data.documents.map((d) => [d.docId, d]));
  const factsByClause = new Map<string, Fact[]>();
  for (const f of data.facts) {
    const key = `${f.docId}#${f.clause}`;
    const list = factsByClause.get(key);
    if (list) list.push(f);
    else factsByClause.set(key, [f]);
  }
  return {
    manifest: data.manifest,
    documents: data.documents,
    clauses,
    facts: data.facts,
    chunks: data.chunks,
    bm25: Bm25.fromJSON(data.bm25),
    embedder: new HashedTfidfEmbeddings(deps, data.embedder),
    vectors: vectors ?? createExactIndex(data.vectors),
    queryEmbeddings,
    departments: createDepartmentRegistry(lex.departments, gazetteer),
    gazetteer,
    regionPlaces: regionPlacesOf(data.documents, gazetteer, lex),
    concepts: deps.concepts,
    tokenizer,
    stopWords: deps.stopWords,
    lexicon: lex,
    clause: (docId, n) => byKey.get(`${docId}#${n}`),
    factsOf: (docId, n) => factsByClause.get(`${docId}#${n}`) ?? [],
    document: (docId) => byDoc.get(docId),
  };
}

/** The places the documents govern, the places inside those regions, and words like 本市/我县. */
function regionPlacesOf(docs: PolicyDocument[], gazetteer: Gazetteer, lex: Lexicon): ReadonlySet<string> {
  const own = new Set(docs.flatMap((d) => d.region));
  const out = new Set<string>(gazetteer.regionWords);
  for (const name of gazetteer.names()) {
    const p = gazetteer.lookup(name);
    if (p && (own.has(p.name) || p.parents.some((x) => own.has(x)))) out.add(p.name);
  }
  for (const r of own) {
    const p = gazetteer.lookup(r);
    if (p) for (const a of [r, ...p.parents]) out.add(a);
    const full = lex.places.provinces.find((x) => x.name === r)?.full;
    if (full) out.add(full);
  }
  return out;
}
