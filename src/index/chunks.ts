// Chunks: the units retrieval ranks. Clause-level for "what does this clause say", sentence-level for precise quotes.
import type { Clause, PolicyDocument } from '../corpus/types.js';

export interface Chunk {
  id: string; // docId#clause#c (whole clause) or docId#clause#s3 (sentence 3)
  docId: string;
  clause: number;
  kind: 'clause' | 'sentence';
  /** Text that is embedded and indexed: the clause heading is prepended so short sentences keep their topic. */
  text: string;
  /** Verbatim sentence (or clause body) for quoting. */
  quote: string;
}

export function buildChunks(docs: PolicyDocument[]): Chunk[] {
  const out: Chunk[] = [];
  for (const doc of docs) {
    for (const c of doc.clauses) {
      out.push({ id: `${doc.docId}#${c.number}#c`, docId: doc.docId, clause: c.number, kind: 'clause', text: clauseText(c), quote: c.text });
      c.sentences.forEach((s, i) => {
        out.push({ id: `${doc.docId}#${c.number}#s${i}`, docId: doc.docId, clause: c.number, kind: 'sentence', text: `${c.title}。${s}`, quote: s });
      });
    }
  }
  return out;
}

const clauseText = (c: Clause) => `${c.title}。${c.text}${c.deptNote}`;
