// VectorIndex over hnswlib-node through LangChain's HNSWLib store (Node only: a native addon).
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { Document } from '@langchain/core/documents';
import type { EmbeddingsInterface } from '@langchain/core/embeddings';
import type { VectorIndex } from '../index/vector-index.js';

export async function buildHnsw(vectors: number[][], embeddings: EmbeddingsInterface): Promise<HNSWLib> {
  const store = new HNSWLib(embeddings, { space: 'cosine', numDimensions: vectors[0]?.length ?? 1 });
  await store.addVectors(vectors, vectors.map((_, i) => new Document({ pageContent: '', metadata: { i } })));
  return store;
}

export function hnswVectorIndex(store: HNSWLib): VectorIndex {
  const count = store.index.getCurrentCount();
  // With ef at least the element count the graph search visits every point: results equal exact search.
  store.index.setEf(Math.min(Math.max(count, 64), 1000));
  return {
    id: 'hnswlib',
    async search(query, k) {
      const hits = await store.similaritySearchVectorWithScore(query, Math.min(k, count));
      // LangChain returns cosine distance (lower is closer); the interface speaks similarity.
      // Ties are ordered by chunk position, as in exact search, so both entries answer identically.
      return hits
        .map(([doc, distance]) => ({ index: doc.metadata.i as number, score: 1 - distance }))
        .filter((h) => h.score > 1e-6)
        .sort((a, b) => (Math.abs(b.score - a.score) > 1e-6 ? b.score - a.score : a.index - b.index));
    },
  };
}
