// Browser module /assets/search.js: search across clauses (the API's hybrid BM25 + vector ranking), one entry per
// clause with its matching sentences and the words marked.
export const SEARCH_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { docTag, documentsReady, manyDocuments } from './documents.js';
import { announce, fill, h, highlighted, note } from './dom.js';
import { groupHits } from './search-groups.js';
import { clauseRef } from './text.js';

function result(g) {
  return h('li', { class: 'hit', 'data-doc': g.docId, 'data-clause': g.clause },
    h('div', { class: 'hit-head' },
      manyDocuments() ? [docTag(g.docId), ' '] : null,
      clauseLink({ docId: g.docId, number: g.clause, quote: g.sentences.join('') }, clauseRef(g.label, g.title))),
    g.sentences.map(function (s) { return h('p', { class: 'hit-sentence' }, highlighted(s, [{ kind: 'hit', terms: g.terms }])); }));
}

export function setupSearch() {
  const form = document.getElementById('search-form');
  const input = document.getElementById('search-q');
  const out = document.getElementById('search-results');
  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    const q = input.value.trim();
    if (!q) return;
    fill(out, note('正在搜索…'));
    try {
      const [hits] = await Promise.all([api.search(q), documentsReady]);
      const groups = groupHits(hits, q);
      const matching = groups.filter(function (g) { return g.matched; });
      // Fused rankings always return something; when some clauses contain the words, only those are shown.
      const shown = matching.length ? matching : groups;
      const summary = !groups.length ? '没有找到与“' + q + '”相关的条款'
        : matching.length ? '找到 ' + matching.length + ' 条包含“' + q + '”的条款'
        : '没有找到包含“' + q + '”的原文，以下是最接近的条款';
      fill(out, h('p', { class: 'meta' }, summary), shown.length ? h('ol', { class: 'hits' }, shown.map(result)) : null);
      announce(summary);
    } catch (err) {
      fill(out, note(err.message, 'error'));
    }
  });
}
`;
