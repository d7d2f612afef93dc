// The naive baseline for comparison: LangChain RecursiveCharacterTextSplitter + vector-only retrieval,
// answering with the top-1 chunk. Same local embedder, no facts, no scope check.
import { HNSWLib } from '@langchain/community/vectorstores/hnswlib';
import { RecursiveCharacterTextSplitter } from '@langchain/textsplitters';
import type { KnowledgeBase } from '../src/index/knowledge-base.js';
import type { Answer } from '../src/qa/types.js';

export async function createBaseline(kb: KnowledgeBase, sourceText: string): Promise<(q: string) => Promise<Answer>> {
  const splitter = new RecursiveCharacterTextSplitter({ chunkSize: 200, chunkOverlap: 40, separators: ['\n\n', '\n', '。', '；', '，', ''] });
  const docs = await splitter.createDocuments([sourceText]);
  const store = await HNSWLib.fromDocuments(docs, kb.embedder);
  // A chunk belongs to the clause whose text shares its longest run; the splitter knows nothing of clauses.
  const clauseOf = (chunk: string) => {
    const probe = chunk.replace(/\s+/g, '').slice(0, 30);
    return kb.clauses.find((c) => (c.title + c.text + c.deptNote).replace(/\s+/g, '').includes(probe.slice(5, 25)));
  };
  return async (q) => {
    const [[doc]] = [await store.similaritySearch(q, 1)];
    const c = doc ? clauseOf(doc.pageContent) : undefined;
    const text = doc?.pageContent ?? '';
    return {
      answer: text,
      intent: 'search',
      citations: c ? [{ docId: c.docId, docTitle: '', clause: c.label, number: c.number, title: c.title, quote: text }] : [],
      facts: [],
    };
  };
}
