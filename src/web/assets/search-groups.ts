// Browser module /assets/search-groups.js: search hits grouped by clause. The API ranks chunks — a clause's
// sentences and the whole clause are separate chunks — so one clause can come back three times (独角兽: clause 15
// twice as a sentence, once whole); the console lists each clause once, with the sentences that match.
// Pure (no DOM, no imports), so search-groups.test.ts imports this very string in Node.
export const SEARCH_GROUPS_JS = String.raw`
const SENTENCE = /[^。！？；;!?]+[。！？；;!?]*/g;

/** Sentences as the parser cuts them: at 。！？； keeping the terminator. */
export function sentencesOf(text) {
  return (String(text).match(SENTENCE) || []).map(function (s) { return s.trim(); }).filter(Boolean);
}

/**
 * hits: the API's ranked chunks ({ docId, clause, label, title, kind, text, highlights }), q: the query.
 * Returns one group per clause in the order of its best chunk: { docId, clause, label, title, terms, sentences,
 * matched }. terms are the words to mark (the query's words found, and the query itself where it occurs
 * verbatim); sentences are the clause's sentences that contain a term, or its first sentence when none does
 * (matched false: a semantic neighbour, not a hit).
 */
export function groupHits(hits, q) {
  const groups = [];
  const byKey = new Map();
  for (const hit of hits) {
    const key = hit.docId + '#' + hit.clause;
    let g = byKey.get(key);
    if (!g) {
      g = { docId: hit.docId, clause: hit.clause, label: hit.label, title: hit.title, terms: [], pieces: [], order: [] };
      byKey.set(key, g);
      groups.push(g);
    }
    const found = (hit.highlights || []).concat(q.length > 1 && hit.text.indexOf(q) !== -1 ? [q] : []);
    for (const t of found) if (g.terms.indexOf(t) === -1) g.terms.push(t);
    for (const s of sentencesOf(hit.text)) if (g.pieces.indexOf(s) === -1) g.pieces.push(s);
    if (hit.kind === 'clause') g.order = sentencesOf(hit.text);
  }
  return groups.map(function (g) {
    const matching = g.pieces.filter(function (s) { return g.terms.some(function (t) { return s.indexOf(t) !== -1; }); });
    // In clause order when the whole clause came back, however its sentences were ranked: the operator reads
    // them as the clause says them.
    const order = function (s) { const i = g.order.indexOf(s); return i === -1 ? g.order.length + g.pieces.indexOf(s) : i; };
    return {
      docId: g.docId, clause: g.clause, label: g.label, title: g.title, terms: g.terms,
      sentences: matching.length ? matching.sort(function (a, b) { return order(a) - order(b); }) : g.pieces.slice(0, 1),
      matched: matching.length > 0,
    };
  });
}
`;
