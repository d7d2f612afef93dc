// Browser module /assets/clauses.js: the clause browser — chapters and their clauses on one side, the chosen
// clause in full on the other. With several documents each starts with its short title (and mark, if it no longer
// applies), and the header's picker narrows the list to one.
export const CLAUSES_JS = String.raw`
import * as api from './api.js';
import { renderClause } from './clause-view.js';
import { docTag, documentsReady, libraryVersion, manyDocuments, scopedDocument } from './documents.js';
import { clear, fill, h, note } from './dom.js';
import { clauseRef } from './text.js';

/** The scope the list on screen was drawn for; undefined before the first draw. */
let drawnFor;

function groupByChapter(list) {
  const groups = [];
  for (const c of list) {
    const last = groups[groups.length - 1];
    if (last && last.docId === c.docId && last.chapter === c.chapter) last.clauses.push(c);
    else groups.push({ docId: c.docId, chapter: c.chapter, clauses: [c] });
  }
  return groups;
}

async function show(c, detail, nav) {
  for (const b of nav.querySelectorAll('button[aria-current]')) b.removeAttribute('aria-current');
  const btn = nav.querySelector('button[data-key="' + CSS.escape(c.docId + '#' + c.number) + '"]');
  if (btn) btn.setAttribute('aria-current', 'true');
  fill(detail, note('正在加载条款…'));
  try {
    const [d, names] = await Promise.all([api.clause(c.docId, c.number), api.departmentNames()]);
    fill(detail, h('h2', { id: 'clause-heading', tabindex: '-1' }, clauseRef(d.label, d.title)), renderClause(d, { names: names }));
  } catch (e) {
    fill(detail, note(e.message, 'error'));
  }
}

/** Fill the browser when its tab opens, and again when the document scope has changed since. */
export async function showClauses() {
  await documentsReady;
  const scope = scopedDocument();
  const key = scope + '@' + libraryVersion();
  if (drawnFor === key) return;
  drawnFor = key;
  const nav = document.getElementById('clause-nav');
  const detail = document.getElementById('clause-detail');
  fill(nav, note('正在加载…'));
  let list;
  try {
    // The filter on our side too: a server that ignores ?docId= must not show another document's clauses.
    list = (await api.clauses(scope)).filter(function (c) { return !scope || c.docId === scope; });
  } catch (e) {
    drawnFor = undefined;
    fill(nav, note(e.message, 'error'));
    return;
  }
  if (drawnFor !== key) return; // the scope changed again while this list loaded
  clear(nav);
  const many = manyDocuments();
  let doc;
  for (const g of groupByChapter(list)) {
    if (many && g.docId !== doc) {
      doc = g.docId;
      nav.append(h('h3', { class: 'doc-head' }, docTag(g.docId)));
    }
    nav.append(h(many ? 'h4' : 'h3', null, g.chapter), h('ul', null, g.clauses.map(function (c) {
      return h('li', null, h('button', {
        type: 'button', class: 'nav-item', 'data-key': c.docId + '#' + c.number,
        onclick: function () { show(c, detail, nav).then(function () { const t = document.getElementById('clause-heading'); if (t) t.focus(); }); },
      }, clauseRef(c.label, c.title)));
    })));
  }
  if (list.length) show(list[0], detail, nav);
  else fill(detail, note('该文件没有可浏览的条款。'));
}
`;
