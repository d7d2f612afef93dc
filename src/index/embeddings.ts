// The default embedder: local, deterministic TF-IDF over concepts and han bigrams, hashed to a fixed dimension.
// It needs no network and no model; an OpenAI-compatible embeddings endpoint can replace it behind the same interface.
import { Embeddings } from '@langchain/core/embeddings';
import { hashText } from '../text/lexicon.js';
import { bigramFeatures, wordFeatures, type FeatureDeps } from './features.js';

export const HASHED_TFIDF_VERSION = 1;
export const DEFAULT_DIM = 1024;
export const embedderId = (version = HASHED_TFIDF_VERSION, dim = DEFAULT_DIM) => `hashed-tfidf/v${version}/d${dim}`;

export interface HashedTfidfState {
  version: number;
  dim: number;
  /** feature → idf, learned from the corpus chunks at build time */
  idf: Record<string, number>;
  defaultIdf: number;
}

function bucket(feature: string, dim: number): { index: number; sign: number } {
  const h = parseInt(hashText(feature), 16);
  return { index: h % dim, sign: (h >>> 31) & 1 ? -1 : 1 };
}

export function featuresOf(text: string, deps: FeatureDeps): string[] {
  // Words carry more meaning than bigrams, so they appear twice.
  const words = wordFeatures(text, deps).map((w) => `w:${w}`);
  return [...words, ...words, ...bigramFeatures(text).map((b) => `b:${b}`)];
}

export function learnIdf(texts: string[], deps: FeatureDeps, dim = DEFAULT_DIM): HashedTfidfState {
  const df = new Map<string, number>();
  for (const t of texts) for (const f of new Set(featuresOf(t, deps))) df.set(f, (df.get(f) ?? 0) + 1);
  const n = texts.length;
  const idf: Record<string, number> = {};
  for (const [f, d] of [...df].sort(([a], [b]) => (a < b ? -1 : 1))) idf[f] = Math.round(Math.log(1 + n / d) * 1e4) / 1e4;
  return { version: HASHED_TFIDF_VERSION, dim, idf, defaultIdf: Math.round(Math.log(1 + n) * 1e4) / 1e4 };
}

export class HashedTfidfEmbeddings extends Embeddings {
  readonly id: string;

  constructor(
    private readonly deps: FeatureDeps,
    private readonly state: HashedTfidfState,
  ) {
    super({});
    this.id = embedderId(state.version, state.dim);
  }

  /** Sparse, L2-normalised vector: index → weight. */
  embedSparse(text: string): Map<number, number> {
    const tf = new Map<string, number>();
    for (const f of featuresOf(text, this.deps)) tf.set(f, (tf.get(f) ?? 0) + 1);
    const v = new Map<number, number>();
    for (const [f, n] of tf) {
      const { index, sign } = bucket(f, this.state.dim);
      const w = (1 + Math.log(n)) * (this.state.idf[f] ?? this.state.defaultIdf);
      v.set(index, (v.get(index) ?? 0) + sign * w);
    }
    const norm = Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0)) || 1;
    for (const [i, x] of v) v.set(i, x / norm);
    return v;
  }

  embedDense(text: string): number[] {
    const out = new Array<number>(this.state.dim).fill(0);
    for (const [i, x] of this.embedSparse(text)) out[i] = x;
    return out;
  }

  async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.embedDense(t));
  }

  async embedQuery(text: string): Promise<number[]> {
    return this.embedDense(text);
  }

  toJSON(): HashedTfidfState {
    return this.state;
  }
}
