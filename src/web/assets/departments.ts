// Browser module /assets/departments.js: who leads and who supports each clause — "who do I transfer this caller
// to?". The filter matches department names and the titles of the clauses they handle (土地 → 自然资源厅).
export const DEPARTMENTS_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { announce, fill, h, note } from './dom.js';
import { clauseRef } from './text.js';

let list;
const cards = new Map();

function clauseList(label, role, refs) {
  if (!refs.length) return null;
  return h('div', { class: 'role' },
    h('h4', null, label + '（' + refs.length + '）'),
    h('ul', { class: 'clause-list', 'aria-label': label + '的条款' }, refs.map(function (r) {
      return h('li', { 'data-title': r.title, 'data-role': role }, clauseLink({ docId: r.docId, number: r.number }, clauseRef(r.label, r.title)));
    })));
}

function card(d) {
  return h('article', { class: 'dept-card', 'data-dept': d.name, 'aria-label': d.name },
    h('h3', null, d.name),
    h('p', { class: 'meta' }, '牵头 ' + d.lead.length + ' 条 · 配合 ' + d.support.length + ' 条'),
    clauseList('牵头', 'lead', d.lead), clauseList('配合', 'support', d.support));
}

/**
 * Show the departments whose name or clause titles contain q. Those that lead a matching clause (or are named)
 * move to the front: they are where the caller goes; supporting departments follow.
 */
function applyFilter(q) {
  q = q.trim();
  const box = document.getElementById('dept-list');
  const ranked = [];
  for (const d of list) {
    const el = cards.get(d.name);
    let rank = !q || d.name.indexOf(q) !== -1 ? 0 : 2;
    for (const li of el.querySelectorAll('li[data-title]')) {
      const match = !!q && li.dataset.title.indexOf(q) !== -1;
      li.classList.toggle('match', match);
      if (match) rank = Math.min(rank, li.dataset.role === 'lead' ? 0 : 1);
    }
    el.hidden = rank === 2;
    ranked.push({ el: el, rank: rank });
  }
  // Array sort is stable: within a rank the API's order (most clauses led first) stays.
  ranked.sort(function (a, b) { return a.rank - b.rank; });
  box.append(...ranked.map(function (r) { return r.el; }));
  const shown = ranked.filter(function (r) { return r.rank < 2; }).length;
  document.getElementById('dept-count').textContent = q ? '找到 ' + shown + ' 个部门' : '共 ' + list.length + ' 个部门';
  return shown;
}

export async function showDepartments() {
  if (list) return;
  const box = document.getElementById('dept-list');
  fill(box, note('正在加载…'));
  try {
    list = await api.departments();
  } catch (e) {
    fill(box, note(e.message, 'error'));
    return;
  }
  for (const d of list) cards.set(d.name, card(d));
  fill(box, list.map(function (d) { return cards.get(d.name); }));
  applyFilter(document.getElementById('dept-filter').value);
}

export function setupDepartments() {
  const input = document.getElementById('dept-filter');
  let timer;
  input.addEventListener('input', function () {
    if (!list) return;
    clearTimeout(timer);
    timer = setTimeout(function () { const n = applyFilter(input.value); if (input.value.trim()) announce('找到 ' + n + ' 个部门'); }, 150);
  });
}
`;
