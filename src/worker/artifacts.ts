// What the Worker bundles (the index artifacts from `npm run build:index`, the lexicon, cppjieba's dictionary and
// HMM model, all as strings) and how it turns them into a knowledge base. The manifest is checked as on Node:
// artifacts built with another format, embedder, dictionary or lexicon are refused, never answered from.
import { createError } from '../errors.js';
import { embedderId } from '../index/embeddings.js';
import { hydrateKnowledgeBase, lexiconHash, type KnowledgeBase, type KnowledgeBaseData } from '../index/knowledge-base.js';
import { checkManifest, type Manifest } from '../index/manifest.js';
import type { VectorIndex } from '../index/vector-index.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { createCppJiebaTokenizer } from '../text/jieba-ts/tokenizer.js';
import { lexiconFromFiles, type LexiconFiles } from '../text/lexicon.js';

export interface WorkerArtifacts {
  /** data/index/manifest.json */
  manifestJson: string;
  /** data/index/kb.json (vectors may be left out when a Vectorize index serves them) */
  kbJson: string;
  /** The corpus hash the bundle was checked against when it was made (the corpus itself is not bundled). */
  corpusHash: string;
  lexicon: LexiconFiles;
  /** cppjieba's main dictionary ("word freq" lines) and HMM model, as nodejieba loads them. */
  jiebaDict: string;
  hmmModel: string;
}

export function workerTokenizer(a: WorkerArtifacts): Tokenizer {
  return createCppJiebaTokenizer({ dict: a.jiebaDict, hmmModel: a.hmmModel, userDict: a.lexicon.userDict });
}

export interface WorkerKnowledgeBaseOptions {
  /** A vector index other than exact search over the bundled vectors (Vectorize). */
  vectors?: (data: KnowledgeBaseData) => VectorIndex;
  tokenizer?: Tokenizer;
}

export function knowledgeBaseFromArtifacts(a: WorkerArtifacts, opts: WorkerKnowledgeBaseOptions = {}): KnowledgeBase {
  const lex = lexiconFromFiles(a.lexicon);
  const tokenizer = opts.tokenizer ?? workerTokenizer(a);
  let manifest: Manifest;
  let rest: Omit<KnowledgeBaseData, 'manifest'>;
  try {
    manifest = JSON.parse(a.manifestJson);
    rest = JSON.parse(a.kbJson);
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable bundled index: ${(e as Error).message}`);
  }
  checkManifest(manifest, { tokenizer: tokenizer.id, lexiconHash: lexiconHash(lex), embedder: embedderId(), corpusHash: a.corpusHash });
  const n = rest.chunks?.length;
  if (n !== manifest.counts.chunks) throw createError('INDEX_CORRUPT', `bundled index holds ${n} chunks, its manifest says ${manifest.counts.chunks}`);
  const data: KnowledgeBaseData = { manifest, ...rest };
  const vectors = opts.vectors?.(data);
  if (!vectors && rest.vectors?.length !== n) throw createError('INDEX_CORRUPT', `bundled index holds ${rest.vectors?.length ?? 0} vectors for ${n} chunks (bundle it with vectors, or bind Vectorize)`);
  // The health route reports the index this runtime actually searches.
  data.manifest = { ...manifest, vectorIndex: vectors?.id ?? 'exact' };
  return hydrateKnowledgeBase(data, lex, tokenizer, vectors);
}
