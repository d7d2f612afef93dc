// What the Worker bundles (the index artifacts from `npm run build:index`, the lexicon, cppjieba's dictionary and
// HMM model, all as strings) and how it turns them into a knowledge base. The manifest is checked as on Node:
// artifacts built with another format, embedder, dictionary or lexicon are refused, never answered from; and, as
// on Node, the bundled kb.json must match the content hash the bundled manifest carries for it.
import { createError } from '../errors.js';
import { sha256Hex } from '../http/digest.js';
import { hydrateOrCorrupt, requireHashes, requireShape } from '../index/integrity.js';
import { embedderId } from '../index/embeddings.js';
import { hydrateKnowledgeBase, lexiconHash, type KnowledgeBase, type KnowledgeBaseData } from '../index/knowledge-base.js';
import { checkManifest, type Manifest } from '../index/manifest.js';
import type { VectorIndex } from '../index/vector-index.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { createCppJiebaTokenizer } from '../text/jieba-ts/tokenizer.js';
import { lexiconFromFiles, type LexiconFiles } from '../text/lexicon.js';

export interface WorkerArtifacts {
  /** data/index/manifest.json; its `files['kb.json']` is the sha256 of `kbJson` as bundled. */
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

export async function knowledgeBaseFromArtifacts(a: WorkerArtifacts, opts: WorkerKnowledgeBaseOptions = {}): Promise<KnowledgeBase> {
  const lex = lexiconFromFiles(a.lexicon);
  const tokenizer = opts.tokenizer ?? workerTokenizer(a);
  const where = 'bundled index';
  let manifest: Manifest;
  try {
    manifest = JSON.parse(a.manifestJson);
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable bundled manifest: ${(e as Error).message}`);
  }
  checkManifest(manifest, { tokenizer: tokenizer.id, lexiconHash: lexiconHash(lex), embedder: embedderId(), corpusHash: a.corpusHash });
  requireHashes(manifest, { 'kb.json': await sha256Hex(a.kbJson) }, where);
  let parsed: unknown;
  try {
    parsed = JSON.parse(a.kbJson);
  } catch (e) {
    throw createError('INDEX_CORRUPT', `unreadable bundled index: ${(e as Error).message}`);
  }
  const bundledVectors = Array.isArray((parsed as { vectors?: unknown })?.vectors);
  if (!opts.vectors && !bundledVectors) throw createError('INDEX_CORRUPT', `${where} holds no vectors (bundle it with vectors, or bind Vectorize)`);
  const rest = requireShape(parsed, manifest, where, { vectors: bundledVectors });
  const data: KnowledgeBaseData = { manifest, ...rest };
  const vectors = opts.vectors?.(data);
  // The health route reports the index this runtime actually searches.
  data.manifest = { ...manifest, vectorIndex: vectors?.id ?? 'exact' };
  return hydrateOrCorrupt(() => hydrateKnowledgeBase(data, lex, tokenizer, vectors), where);
}
