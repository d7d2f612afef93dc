// Browser module /assets/funding.js: 资金一览 — every amount in one sortable, printable table. Money is written in one
// unit style (300万元), as the document mostly does.
export const FUNDING_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { announce, fill, h, note } from './dom.js';
import { byAmount, byClause, clauseRef, unitStyle } from './text.js';

let rows;
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
        h('td', { 'data-label': '条款' }, clauseLink({ docId: f.docId, number: f.clause, quote: f.sentence }, clauseRef(f.label, f.title))),
        h('td', { 'data-label': '牵头部门' }, f.lead.join('、') || '未列明'));
    }))));
}

export async function showFunding() {
  if (rows) return;
  const box = document.getElementById('funding-table');
  fill(box, note('正在加载…'));
  try {
    const [facts, list] = await Promise.all([api.amounts(), api.clauses()]);
    // Facts carry the clause number only; the title makes the reference readable.
    const titles = new Map(list.map(function (c) { return [c.docId + '#' + c.number, c.title]; }));
    rows = facts.map(function (f) { return Object.assign({}, f, { title: titles.get(f.docId + '#' + f.clause) || '' }); });
  } catch (e) {
    fill(box, note(e.message, 'error'));
    return;
  }
  document.getElementById('funding-count').textContent = '共 ' + rows.length + ' 项金额、比例';
  render();
  if (rows.length) {
    api.clause(rows[0].docId, rows[0].clause).then(function (d) { document.getElementById('print-doc').textContent = '《' + d.docTitle + '》'; }, function () {});
  }
}

export function setupFunding() {
  document.getElementById('print-funding').addEventListener('click', function () { window.print(); });
  document.getElementById('print-date').textContent = new Date().toLocaleDateString('zh-CN');
}
`;
