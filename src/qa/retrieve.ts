// Hybrid retrieval: BM25 and vector rankings fused by reciprocal rank, aggregated to clauses.
import { wordFeatures } from '../index/features.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { hasTerm, type Term } from './terms.js';

export interface ClauseHit {
  docId: string;
  clause: number;
  /** Fused score (sum of reciprocal ranks). */
  score: number;
  /** Best cosine similarity of any chunk of the clause. */
  cosine: number;
  /** Best BM25 score of any chunk of the clause. */
  bm25: number;
  /** Chunk ids of the clause that matched, best first. */
  chunks: number[];
}

const RRF_K = 20;

export interface ChunkHit {
  index: number;
  score: number;
  cosine: number;
  bm25: number;
}

/** Chunks ranked by reciprocal-rank fusion of BM25 and vector search. */
export async function searchChunks(kb: KnowledgeBase, query: string, limit = 30): Promise<ChunkHit[]> {
  const words = wordFeatures(query, { tokenizer: kb.tokenizer, concepts: kb.concepts, stopWords: kb.stopWords });
  const bm = kb.bm25.search(words, limit);
  // A remote embedder (EMBEDDINGS_*) embeds the query; when it fails or is late, BM25 ranks alone.
  const qv = kb.queryEmbeddings ? await kb.queryEmbeddings.embedQuery(query).catch(() => undefined) : kb.embedder.embedDense(query);
  const vec = qv ? await kb.vectors.search(qv, limit) : [];
  const fused = new Map<number, ChunkHit>();
  const add = (index: number, rank: number, cosine: number, bm25: number) => {
    const e = fused.get(index) ?? { index, score: 0, cosine: 0, bm25: 0 };
    e.score += 1 / (RRF_K + rank + 1);
    e.cosine = Math.max(e.cosine, cosine);
    e.bm25 = Math.max(e.bm25, bm25);
    fused.set(index, e);
  };
  for (const [r, h] of bm.entries()) add(h.index, r, 0, h.score);
  for (const [r, h] of vec.entries()) add(h.index, r, h.score, 0);
  return [...fused.values()].sort((a, b) => b.score - a.score || a.index - b.index);
}

export async function retrieve(kb: KnowledgeBase, query: string, limit = 30): Promise<ClauseHit[]> {
  const byClause = new Map<string, ClauseHit>();
  for (const e of await searchChunks(kb, query, limit)) {
    const ch = kb.chunks[e.index];
    const key = `${ch.docId}#${ch.clause}`;
    const hit = byClause.get(key);
    if (!hit) byClause.set(key, { docId: ch.docId, clause: ch.clause, score: e.score, cosine: e.cosine, bm25: e.bm25, chunks: [e.index] });
    else {
      // A clause matched by several chunks gains a little, but one strong chunk still dominates.
      hit.score += e.score * 0.25;
      hit.cosine = Math.max(hit.cosine, e.cosine);
      hit.bm25 = Math.max(hit.bm25, e.bm25);
      hit.chunks.push(e.index);
    }
  }
  return [...byClause.values()].sort((a, b) => b.score - a.score);
}

/**
 * Re-ranks clause hits by how much of the question they cover: each question term found in the clause adds its
 * weight (more in the heading). BM25 normalises by chunk length and the vectors blur rare words; coverage keeps
 * "直通车制度" on the clause that has it.
 */
export function rerank(kb: KnowledgeBase, hits: ClauseHit[], terms: Term[]): ClauseHit[] {
  if (!hits.length || !terms.length) return hits;
  const top = hits[0].score;
  const scored = hits.map((h) => {
    const c = kb.clause(h.docId, h.clause)!;
    let cover = 0;
    for (const t of terms) cover += hasTerm(c.title, t) ? 1.5 * t.weight : hasTerm(c.text, t) ? t.weight : 0;
    return { h, s: cover + 4 * (h.score / top) };
  });
  return scored.sort((a, b) => b.s - a.s).map((x) => x.h);
}
