// A deterministic in-memory stand-in for a Vectorize index (cosine metric): values are stored as float32, as
// Vectorize stores them, queries see one namespace, and topK is capped as the service caps it.
import { VECTORIZE_MAX_TOP_K, type VectorizeBinding, type VectorizeRecord } from '../worker/vectorize.js';

export class FakeVectorize implements VectorizeBinding {
  private readonly records = new Map<string, { values: Float32Array; namespace?: string }>();
  queries = 0;

  constructor(private readonly dimensions: number) {}

  insert(records: Pick<VectorizeRecord, 'id' | 'values' | 'namespace'>[]): void {
    for (const r of records) {
      if (r.values.length !== this.dimensions) throw new Error(`vector ${r.id} has ${r.values.length} dimensions, the index ${this.dimensions}`);
      this.records.set(r.id, { values: Float32Array.from(r.values), namespace: r.namespace });
    }
  }

  async query(vector: number[], options: { topK: number; namespace?: string; returnValues?: boolean; returnMetadata?: 'none' | 'indexed' | 'all' }) {
    this.queries++;
    if (vector.length !== this.dimensions) throw new Error('query dimensions do not match the index');
    if (options.topK > VECTORIZE_MAX_TOP_K) throw new Error(`topK ${options.topK} exceeds ${VECTORIZE_MAX_TOP_K}`);
    const q = Float32Array.from(vector);
    const norm = (v: Float32Array) => Math.sqrt(v.reduce((a, x) => a + x * x, 0)) || 1;
    const qn = norm(q);
    const matches = [...this.records]
      .filter(([, r]) => r.namespace === options.namespace)
      .map(([id, r]) => ({ id, score: r.values.reduce((a, x, i) => a + x * q[i], 0) / (norm(r.values) * qn) }))
      .sort((a, b) => b.score - a.score)
      .slice(0, options.topK);
    return { matches, count: matches.length };
  }
}
