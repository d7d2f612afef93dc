// Which document a question is about, before any clause is ranked: the places it names (柳河, 天河, 广州), the
// issuer (国务院), and words of a document's title (门特, 人才公寓, 个税, 见习). Amount and department questions are
// then answered from that document only; with no such signal, the best clause decides, or the conversation's.
import type { PolicyDocument } from '../corpus/types.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { contentTokens } from '../text/tokenizer.js';
import type { Language } from './language.js';

export interface Route {
  /** Documents the question names, best first (empty: no signal). */
  docs: string[];
  /** Per document, how strongly the question names it. */
  scores: Map<string, number>;
  /** When the question names a place: every document that applies there (issued for it, for a region around it, national). */
  applicable?: string[];
  /** Words of the question that named a document by its title (个税, 人才公寓): they name the document, not a subject in it. */
  titleWords: string[];
}

export interface Router {
  route(text: string): Route;
}

const PLACE_WEIGHT = 3;

export function createRouter(kb: KnowledgeBase, lang: Language): Router {
  const docs = kb.documents;
  // Title words that tell documents apart: content words of the title, short title and issuers, folded to
  // their concept (门特 = 门诊特定病种), weighted by how few documents share them.
  const wordsOf = (d: PolicyDocument) => {
    const text = [d.title, d.shortTitle, d.bodyTitle ?? '', ...d.issuers].join(' ');
    const words = contentTokens(kb.tokenizer, text, kb.stopWords).map((w) => kb.concepts.concept(w.toLowerCase()));
    return new Set(words.filter((w) => w.length >= 2 && !lang.generic.has(w) && !lang.titleStop.test(w) && !kb.gazetteer.lookup(w) && !lang.nationalWords.test(w)));
  };
  const docWords = new Map(docs.map((d) => [d.docId, wordsOf(d)]));
  // A title word names its document only as far as other documents do not use it too, in their titles or their
  // text: 人才公寓 names the Tianhe notice; 建设 (in its issuer's name) names nothing.
  const fullText = new Map(docs.map((d) => [d.docId, `${d.title}${d.clauses.map((c) => c.text).join('')}`]));
  const df = new Map<string, number>();
  for (const ws of docWords.values()) for (const w of ws) if (!df.has(w)) df.set(w, docs.filter((d) => docWords.get(d.docId)!.has(w) || kb.concepts.words(w).some((f) => fullText.get(d.docId)!.includes(f))).length);
  // The places a document is for: its own (most specific) region and the places its title names (天河区, 广州市).
  // A document for a part of a region (柳河县) does not answer for the whole (吉林省).
  const docPlaces = new Map(docs.map((d) => [d.docId, new Set([d.region.at(-1) ?? '', ...kb.gazetteer.find(d.title).map((p) => p.name)].filter((p) => p && p !== '全国'))]));
  const national = new Set(docs.filter((d) => d.level === 'national').map((d) => d.docId));

  const numbers = docs.filter((d) => d.docNumber && docNumberParts(d.docNumber)).map((d) => ({ ...docNumberParts(d.docNumber!)!, docId: d.docId }));
  // The question's characters before the bracket may run into its own words (请问穗人社规字…): the code ends them.
  const byNumber = (written: string) => {
    const q = docNumberParts(written);
    return q && numbers.find((n) => n.year === q.year && n.no === q.no && q.code.endsWith(n.code))?.docId;
  };

  return {
    route(text) {
      const scores = new Map<string, number>();
      const add = (docId: string, w: number) => scores.set(docId, (scores.get(docId) ?? 0) + w);
      if (docs.length < 2) return { docs: [], scores, titleWords: [] };
      // A 文号 (国办发〔2018〕117号, written with any brackets) names exactly one document.
      const numbered = [...text.matchAll(DOC_NUMBER)].map((m) => byNumber(m[0])).filter((id): id is string => !!id);
      // People drop the year (国发39号文): the issuer code and number name a document when only one has them.
      if (!numbered.length) {
        for (const m of text.matchAll(SHORT_DOC_NUMBER)) {
          const hits = numbers.filter((n) => n.no === Number(m[2]) && (n.code.endsWith(m[1]) || m[1].endsWith(n.code)));
          if (hits.length === 1) numbered.push(hits[0].docId);
        }
      }
      if (numbered.length) return { docs: [...new Set(numbered)], scores, titleWords: [] };
      // Documents that apply where the question says: for the place itself, for a region around it (深圳 → 广东's),
      // or national. Another place's document never answers for this one, whatever its title shares.
      let applicable: Set<string> | undefined;
      const own = (x: PolicyDocument) => x.region.at(-1) ?? '';
      for (const p of kb.gazetteer.find(text)) {
        const holders = docs.filter((d) => docPlaces.get(d.docId)!.has(p.name));
        for (const d of holders) add(d.docId, PLACE_WEIGHT + 1);
        const around = docs.filter((x) => !holders.includes(x) && p.parents.includes(own(x)));
        for (const d of around) add(d.docId, PLACE_WEIGHT - 1);
        applicable ??= new Set();
        for (const d of [...holders, ...around, ...docs.filter((x) => national.has(x.docId))]) applicable.add(d.docId);
      }
      if (lang.nationalWords.test(text)) for (const id of national) add(id, PLACE_WEIGHT);
      const words = new Set(contentTokens(kb.tokenizer, text, kb.stopWords).map((w) => kb.concepts.concept(w.toLowerCase())));
      for (const [id, ws] of docWords) {
        for (const w of words) if (ws.has(w)) add(id, 2 / (df.get(w) ?? 1));
      }
      const ranked = [...scores.entries()].filter(([id, s]) => s >= 1.5 && (!applicable || applicable.has(id))).sort((a, b) => b[1] - a[1]);
      const best = ranked[0]?.[1] ?? 0;
      const chosen = ranked.filter(([, s]) => s >= best * 0.75).map(([id]) => id);
      // The words that named the chosen documents by their titles (only those: 人才公寓 names the Tianhe notice,
      // and for a 海珠区 question it stays a subject that the documents of 海珠 lack).
      const titleWords = [...words].filter((w) => chosen.some((id) => docWords.get(id)!.has(w)));
      return { docs: chosen, scores, applicable: applicable && [...applicable], titleWords };
    },
  };
}

/** A 文号 as written in questions and documents: issuer code, year in any brackets, number. */
const DOC_NUMBER = /[\u4e00-\u9fa5]{1,12}\s*[〔［[（(【]\s*\d{4}\s*[〕］\]）)】]\s*\d{1,4}\s*号/g;

/** A 文号 without its year, as people say it: 国发39号文, 穗人社规字5号. */
const SHORT_DOC_NUMBER = /([\u4e00-\u9fa5]{0,6}(?:发|字|函|令))\s*(?:第)?\s*(\d{1,4})\s*号/g;

/** A 文号's issuer code, year and number, whatever brackets and spaces it was written with. */
function docNumberParts(s: string): { code: string; year: string; no: number } | undefined {
  const m = s.replace(/\s+/g, '').match(/([\u4e00-\u9fa5]{1,12})[〔［[（(【](\d{4})[〕］\]）)】](\d{1,4})号/);
  return m ? { code: m[1], year: m[2], no: Number(m[3]) } : undefined;
}
