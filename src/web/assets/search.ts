// Browser module /assets/search.js: search across clauses (the API's hybrid BM25 + vector ranking), matches marked.
export const SEARCH_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { announce, fill, h, highlighted, note } from './dom.js';
import { clauseRef } from './text.js';

const KIND_NAMES = { clause: '整条', sentence: '句子' };

function result(hit, q) {
  // The API lists the query's words found in the chunk; the whole query is marked too when it occurs verbatim.
  const terms = hit.highlights.concat(q.length > 1 ? [q] : []);
  return h('li', { class: 'hit', 'data-clause': hit.clause },
    h('div', { class: 'hit-head' }, clauseLink({ docId: hit.docId, number: hit.clause, quote: hit.text }, clauseRef(hit.label, hit.title)),
      h('span', { class: 'badge' }, KIND_NAMES[hit.kind] || hit.kind)),
    h('p', null, highlighted(hit.text, [{ kind: 'hit', terms: terms }])));
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
      const hits = await api.search(q);
      const matching = hits.filter(function (x) { return x.highlights.length || x.text.indexOf(q) !== -1; });
      // Fused rankings always return something; when some chunks contain the words, only those are shown.
      const shown = matching.length ? matching : hits;
      const summary = !hits.length ? '没有找到与“' + q + '”相关的条款'
        : matching.length ? '找到 ' + matching.length + ' 处包含“' + q + '”的内容'
        : '没有找到包含“' + q + '”的原文，以下是最接近的内容';
      fill(out, h('p', { class: 'meta' }, summary), shown.length ? h('ol', { class: 'hits' }, shown.map(function (x) { return result(x, q); })) : null);
      announce(summary);
    } catch (err) {
      fill(out, note(err.message, 'error'));
    }
  });
}
`;
