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
  return featuresFromWords(wordFeatures(text, deps), text);
}

/** The features of a text whose BM25 words are already known (an index part keeps them): no second segmentation. */
export function featuresFromWords(wordList: readonly string[], text: string): string[] {
  // Words carry more meaning than bigrams, so they appear twice.
  const words = wordList.map((w) => `w:${w}`);
  return [...words, ...words, ...bigramFeatures(text).map((b) => `b:${b}`)];
}

export function learnIdf(texts: string[], deps: FeatureDeps, dim = DEFAULT_DIM): HashedTfidfState {
  return learnIdfFromFeatures(texts.map((t) => featuresOf(t, deps)), dim);
}

export function learnIdfFromFeatures(lists: readonly string[][], dim = DEFAULT_DIM): HashedTfidfState {
  const df = new Map<string, number>();
  for (const list of lists) for (const f of new Set(list)) df.set(f, (df.get(f) ?? 0) + 1);
  const n = lists.length;
  const idf: Record<string, number> = {};
  for (const [f, d] of [...df].sort(([a], [b]) => (a < b ? -1 : 1))) idf[f] = Math.round(Math.log(1 + n / d) * 1e4) / 1e4;
  return { version: HASHED_TFIDF_VERSION, dim, idf, defaultIdf: Math.round(Math.log(1 + n) * 1e4) / 1e4 };
}

/** Sparse, L2-normalised vector (index → weight) of a feature list, under the corpus's IDF. */
export function embedFeatures(state: HashedTfidfState, features: readonly string[]): Map<number, number> {
  const tf = new Map<string, number>();
  for (const f of features) tf.set(f, (tf.get(f) ?? 0) + 1);
  const v = new Map<number, number>();
  for (const [f, n] of tf) {
    const { index, sign } = bucket(f, state.dim);
    const w = (1 + Math.log(n)) * (state.idf[f] ?? state.defaultIdf);
    v.set(index, (v.get(index) ?? 0) + sign * w);
  }
  const norm = Math.sqrt([...v.values()].reduce((a, x) => a + x * x, 0)) || 1;
  for (const [i, x] of v) v.set(i, x / norm);
  return v;
}

/**
 * `embedFeatures` of many feature lists at once, as sparse [index, weight] pairs (what `toSparse` of each dense vector
 * gives, to the bit): each distinct feature is hashed and weighed once, not once per chunk, which is most of the
 * cost of assembling a library's vectors.
 */
export function embedAll(state: HashedTfidfState, lists: readonly string[][]): [number, number][][] {
  const ids = new Map<string, number>();
  const bucketOf: number[] = [];
  const signOf: number[] = [];
  const idfOf: number[] = [];
  const scratch = new Float64Array(state.dim);
  const seen = new Uint8Array(state.dim);
  const tf = new Map<number, number>();
  return lists.map((features) => {
    tf.clear();
    for (const f of features) {
      let id = ids.get(f);
      if (id === undefined) {
        id = ids.size;
        ids.set(f, id);
        const b = bucket(f, state.dim);
        bucketOf.push(b.index);
        signOf.push(b.sign);
        idfOf.push(state.idf[f] ?? state.defaultIdf);
      }
      tf.set(id, (tf.get(id) ?? 0) + 1);
    }
    // Summed in the order embedFeatures sums (first occurrence), so every float is the same.
    const touched: number[] = [];
    for (const [id, n] of tf) {
      const i = bucketOf[id];
      if (!seen[i]) (seen[i] = 1), touched.push(i);
      scratch[i] += signOf[id] * ((1 + Math.log(n)) * idfOf[id]);
    }
    let sq = 0;
    for (const i of touched) sq += scratch[i] * scratch[i];
    const norm = Math.sqrt(sq) || 1;
    const out: [number, number][] = [];
    for (const i of touched.sort((a, b) => a - b)) {
      const x = scratch[i] / norm;
      scratch[i] = 0;
      seen[i] = 0;
      if (x !== 0) out.push([i, Math.round(x * 1e6) / 1e6]);
    }
    return out;
  });
}

/** A dense vector from sparse entries (a Map's, or stored [index, weight] pairs). */
export function densify(v: Iterable<[number, number]>, dim: number): number[] {
  const out = new Array<number>(dim).fill(0);
  for (const [i, x] of v) out[i] = x;
  return out;
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
    return embedFeatures(this.state, featuresOf(text, this.deps));
  }

  embedDense(text: string): number[] {
    return densify(this.embedSparse(text), this.state.dim);
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
