// Browser module /assets/funding.js: 资金一览 — every amount in one sortable, printable table: of every document, or
// of the one the header's picker chose. Money is written in one unit style (300万元), as the document mostly does.
export const FUNDING_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { docTag, documentIds, documentOf, documentsReady, libraryVersion, manyDocuments, scopedDocument } from './documents.js';
import { announce, fill, h, note } from './dom.js';
import { byAmount, byClause, clauseRef, unitStyle } from './text.js';

let rows;
/** The scope the rows were loaded for; undefined before the first load. */
let loadedFor;
// Clause order first: that is how the policy reads. Amount sorting starts with the largest figure.
let sort = { key: 'clause', dir: 1 };

function header(key, text, firstDir) {
  const active = sort.key === key;
  const state = active ? (sort.dir === 1 ? 'ascending' : 'descending') : 'none';
  const btn = h('button', { type: 'button', class: 'sort', 'aria-label': '按' + text + '排序' }, text, h('span', { class: 'arrow', 'aria-hidden': 'true' }, active ? (sort.dir === 1 ? '▲' : '▼') : '↕'));
  btn.addEventListener('click', function () {
    sort = { key: key, dir: active ? -sort.dir : firstDir };
    render();
    document.querySelector('#funding-table th[data-key="' + key + '"] button').focus();
    announce('已按' + text + (sort.dir === 1 ? '升序' : '降序') + '排列');
  });
  return h('th', { scope: 'col', 'aria-sort': state, 'data-key': key }, btn);
}

function render() {
  const box = document.getElementById('funding-table');
  const sorted = rows.slice().sort(sort.key === 'amount' ? byAmount(sort.dir) : byClause(sort.dir));
  fill(box, h('table', { class: 'funding cards' },
    h('caption', { class: 'sr-only' }, '资金一览，共 ' + rows.length + ' 项'),
    h('thead', null, h('tr', null,
      header('amount', '金额', -1), h('th', { scope: 'col' }, '对象'), h('th', { scope: 'col' }, '限定'),
      header('clause', '条款', 1), h('th', { scope: 'col' }, '牵头部门'))),
    h('tbody', null, sorted.map(function (f) {
      return h('tr', { 'data-clause': f.clause },
        h('td', { 'data-label': '金额', class: 'num' }, h('span', { class: 'amt' }, f.kind === 'money' ? unitStyle(f.display) : f.display), f.form ? h('span', { class: 'form' }, f.form) : null),
        h('td', { 'data-label': '对象' }, f.subject),
        h('td', { 'data-label': '限定' }, (f.qualifiers || []).join('、') || '—'),
        h('td', { 'data-label': '条款' }, manyDocuments() ? [docTag(f.docId), ' '] : null,
          clauseLink({ docId: f.docId, number: f.clause, quote: f.sentence }, clauseRef(f.label, f.title))),
        h('td', { 'data-label': '牵头部门', class: 'lead' }, f.lead.join('、') || '未列明'));
    }))));
}

/** Fill the table when its tab opens, and again when the document scope has changed since. */
export async function showFunding() {
  await documentsReady;
  const scope = scopedDocument();
  const key = scope + '@' + libraryVersion();
  if (loadedFor === key) return;
  loadedFor = key;
  const box = document.getElementById('funding-table');
  fill(box, note('正在加载…'));
  let loaded;
  try {
    const [facts, list] = await Promise.all([api.amounts(scope), api.clauses(scope)]);
    // Facts carry the clause number only; the title makes the reference readable.
    const titles = new Map(list.map(function (c) { return [c.docId + '#' + c.number, c.title]; }));
    // Across documents, clause order follows the order the server lists the documents in, not their ids.
    const docOrder = new Map(documentIds().map(function (id, i) { return [id, i]; }));
    // The filter on our side too: a server that ignores ?docId= must not list another document's amounts.
    loaded = facts.filter(function (f) { return !scope || f.docId === scope; })
      .map(function (f) { return Object.assign({}, f, { title: titles.get(f.docId + '#' + f.clause) || '', docOrder: docOrder.get(f.docId) ?? 0 }); });
  } catch (e) {
    loadedFor = undefined;
    fill(box, note(e.message, 'error'));
    return;
  }
  if (loadedFor !== key) return; // the scope changed again while these loaded
  rows = loaded;
  document.getElementById('funding-count').textContent = '共 ' + rows.length + ' 项金额、比例';
  render();
  // The printout names its document: the one chosen, or the only one; all of them print without a title.
  const doc = documentOf(scope || (rows.length && !manyDocuments() ? rows[0].docId : ''));
  document.getElementById('print-doc').textContent = doc ? '《' + doc.title + '》' : '';
}

export function setupFunding() {
  document.getElementById('print-funding').addEventListener('click', function () { window.print(); });
  document.getElementById('print-date').textContent = new Date().toLocaleDateString('zh-CN');
}
`;
