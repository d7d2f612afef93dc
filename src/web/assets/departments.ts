// Browser module /assets/departments.js: who leads and who supports each clause — "who do I transfer this caller
// to?". The filter finds a department by name or alias (发改委), by a clause title (土地 → 自然资源厅) and by a topic
// its clauses' text deals with (孵化器 → the leader of clause 14), found through the search API.
export const DEPARTMENTS_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { rankDepartments } from './dept-filter.js';
import { documentsReady, libraryVersion, statusMark } from './documents.js';
import { announce, fill, h, note } from './dom.js';
import { clauseRef } from './text.js';

let list;
/** The library version list was loaded for: a published or removed document reloads it. */
let listVersion;
const cards = new Map();
let filtering = 0;

function clauseList(label, role, refs) {
  if (!refs.length) return null;
  return h('div', { class: 'role' },
    h('h4', null, label + '（' + refs.length + '）'),
    h('ul', { class: 'clause-list', 'aria-label': label + '的条款' }, refs.map(function (r) {
      return h('li', { 'data-key': r.docId + '#' + r.number, 'data-role': role },
        clauseLink({ docId: r.docId, number: r.number }, clauseRef(r.label, r.title)), statusMark(r.docId));
    })));
}

/** Aliases worth showing: not the name itself minus its 自治区 prefix (科技厅), which says nothing new. */
const aliasesShown = function (d) { return (d.aliases || []).filter(function (a) { return !d.name.endsWith(a); }); };

function card(d) {
  const aliases = aliasesShown(d);
  return h('article', { class: 'dept-card', 'data-dept': d.name, 'aria-label': d.name },
    h('h3', null, d.name),
    aliases.length ? h('p', { class: 'aliases' }, '又称：' + aliases.join('、')) : null,
    h('p', { class: 'meta' }, '牵头 ' + d.lead.length + ' 条 · 配合 ' + d.support.length + ' 条'),
    clauseList('牵头', 'lead', d.lead), clauseList('配合', 'support', d.support));
}

/** "docId#number" of the clauses whose text mentions q (the search API ranks chunks; only verbatim ones count). */
async function topicClauses(q) {
  try {
    const hits = await api.search(q, 50);
    return new Set(hits.filter(function (x) { return x.text.indexOf(q) !== -1; }).map(function (x) { return x.docId + '#' + x.clause; }));
  } catch (e) {
    return new Set(); // names and titles still filter without the search
  }
}

/**
 * Show the departments q finds, those that would take the caller first (see dept-filter.js). Marks the matching
 * clauses. Resolves to the number shown, or undefined when a newer query overtook this one.
 */
async function applyFilter(q) {
  q = q.trim();
  const mine = ++filtering;
  const topics = q ? await topicClauses(q) : new Set();
  if (mine !== filtering) return undefined;
  const box = document.getElementById('dept-list');
  const found = rankDepartments(list, q, topics);
  const matched = new Map(found.map(function (f) { return [f.department.name, f.clauses]; }));
  for (const [name, el] of cards) {
    const clauses = matched.get(name);
    el.hidden = !clauses;
    for (const li of el.querySelectorAll('li[data-key]')) li.classList.toggle('match', !!q && !!clauses && clauses.indexOf(li.dataset.key) !== -1);
  }
  box.append(...found.map(function (f) { return cards.get(f.department.name); }));
  const empty = box.querySelector(':scope > .note');
  if (empty) empty.remove();
  if (!found.length) box.prepend(note('没有找到与“' + q + '”相关的部门。可以试部门简称（如发改委）或事项（如土地、孵化器）。'));
  document.getElementById('dept-count').textContent = q ? '找到 ' + found.length + ' 个部门' : '共 ' + list.length + ' 个部门';
  box.dataset.filtered = q;
  return found.length;
}

export async function showDepartments() {
  if (list && listVersion === libraryVersion()) return;
  listVersion = libraryVersion();
  list = undefined;
  cards.clear();
  const box = document.getElementById('dept-list');
  fill(box, note('正在加载…'));
  try {
    [list] = await Promise.all([api.departments(), documentsReady]);
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
    timer = setTimeout(async function () {
      const n = await applyFilter(input.value);
      if (n !== undefined && input.value.trim()) announce('找到 ' + n + ' 个部门');
    }, 150);
  });
}
`;
