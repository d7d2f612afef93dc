// Browser module /assets/clause-view.js: one clause in full (text, facts table, departments), and the dialog that
// shows it when an answer's citation or any clause link is opened.
export const CLAUSE_VIEW_JS = String.raw`
import * as api from './api.js';
import { documentsReady, statusMark } from './documents.js';
import { fill, h, highlighted, note } from './dom.js';
import { AMOUNT_RE, clauseRef, unitStyle } from './text.js';
import { transferLine } from './transfer.js';

const TYPE_NAMES = { amount: '金额', target: '目标', sanction: '约束' };

function limits(f) {
  if (f.type === 'target') return f.year ? '到' + f.year + '年' : '';
  if (f.type === 'sanction') return f.measure || '';
  return (f.qualifiers || []).join('、');
}

/** The facts a clause states, one row each. */
export function factsTable(facts) {
  if (!facts.length) return note('本条没有列明金额、比例或目标。');
  return h('table', { class: 'facts cards' },
    h('caption', null, '本条数据'),
    h('thead', null, h('tr', null,
      h('th', { scope: 'col' }, '数额'), h('th', { scope: 'col' }, '对象'), h('th', { scope: 'col' }, '限定'), h('th', { scope: 'col' }, '方式'))),
    h('tbody', null, facts.map(function (f) {
      return h('tr', null,
        h('td', { 'data-label': '数额' }, h('span', { class: 'amt' }, f.type === 'amount' && f.kind === 'money' ? unitStyle(f.display) : f.display), f.type !== 'amount' ? h('span', { class: 'badge' }, TYPE_NAMES[f.type]) : null),
        h('td', { 'data-label': '对象' }, f.subject),
        h('td', { 'data-label': '限定' }, limits(f) || '—'),
        h('td', { 'data-label': '方式' }, f.form || '—'));
    })));
}

function deptList(label, refs, cls) {
  return [
    h('dt', null, label),
    h('dd', null, refs.length
      ? h('ul', { class: 'chips', 'aria-label': label + '部门' }, refs.map(function (d) { return h('li', { class: cls }, d.name); }))
      : '未列明'),
  ];
}

/**
 * The body of a clause: where it sits, its sentences (those in opts.quote marked as cited), facts and departments.
 * opts.names: department names to highlight in the text.
 */
export function renderClause(d, opts) {
  opts = opts || {};
  const written = d.departments.lead.concat(d.departments.support).map(function (x) { return x.written; });
  const rules = [
    { kind: 'amt', re: AMOUNT_RE, terms: d.facts.map(function (f) { return f.display; }) },
    { kind: 'dept', terms: (opts.names || []).concat(written) },
  ];
  const sentences = d.sentences.length ? d.sentences : [d.text];
  const quote = opts.quote || '';
  const cited = sentences.filter(function (s) { return quote.indexOf(s) !== -1; });
  // Marking every sentence says nothing; only a citation of part of the clause is worth pointing at.
  const mark = cited.length && cited.length < sentences.length;
  return h('div', { class: 'clause' },
    // Who to transfer to, before the text: the drawer is often opened to answer exactly that.
    transferLine(d.departments.lead.map(function (x) { return x.name; })),
    h('p', { class: 'meta' }, '《' + d.docTitle + '》', statusMark(d.docId), ' · ' + d.chapter),
    h('div', { class: 'clause-text' }, sentences.map(function (s) {
      const isCited = mark && cited.indexOf(s) !== -1;
      return h('span', { class: isCited ? 'sentence cited' : 'sentence', title: isCited ? '答案引用的句子' : undefined }, highlighted(s, rules));
    })),
    // The note as written (abbreviated names, old agency names): the chips below give the canonical names.
    d.deptNote ? h('p', { class: 'dept-note' }, '分工原文：' + d.deptNote) : null,
    factsTable(d.facts),
    h('dl', { class: 'depts' }, deptList('牵头', d.departments.lead, 'lead'), deptList('配合', d.departments.support, 'support')));
}

let names = [];
api.departmentNames().then(function (n) { names = n; });
let opening = 0;

/** Open a clause in the side dialog. ref: { docId, number, quote? }. */
export async function openClause(ref) {
  const dialog = document.getElementById('clause-dialog');
  const title = document.getElementById('clause-dialog-title');
  const body = document.getElementById('clause-dialog-body');
  title.textContent = '第（…）条';
  fill(body, note('正在加载条款…'));
  if (!dialog.open) dialog.showModal();
  // Two quick clicks: only the clause asked for last may fill the dialog.
  const mine = ++opening;
  try {
    const d = await api.clause(ref.docId, ref.number);
    await documentsReady;
    if (mine !== opening) return;
    title.textContent = clauseRef(d.label, d.title);
    fill(body, renderClause(d, { quote: ref.quote, names: names }));
  } catch (e) {
    if (mine === opening) fill(body, note(e.message, 'error'));
  }
}

/** The console URL of a clause: /#clause/<docId>/<number> opens it (app.js), so a reference can be shared. */
export function clauseHref(ref) {
  return '#clause/' + encodeURIComponent(ref.docId) + '/' + ref.number;
}

/**
 * A link to a clause showing text (usually 第（…）条「…」). A link rather than a button so long lists of
 * references wrap like text; a plain click opens the side panel in place, a modified click opens a new tab.
 */
export function clauseLink(ref, text, cls) {
  return h('a', {
    href: clauseHref(ref), class: cls || 'link', 'aria-haspopup': 'dialog', title: '查看条款全文',
    onclick: function (e) {
      if (e.button !== 0 || e.ctrlKey || e.metaKey || e.shiftKey || e.altKey) return;
      e.preventDefault();
      openClause(ref);
    },
  }, text);
}

/**
 * Closed over the chat, the operator's next move is the next question, not the link that opened the drawer; over
 * another view the dialog's own focus return (to that link) is the right one. Done right after close() — the
 * "close" event comes a task later, after keys typed meanwhile would have gone to the link.
 */
function closeDrawer(dialog) {
  dialog.close();
  if (!document.getElementById('panel-chat').hidden) document.getElementById('question').focus();
}

export function setupClauseDialog() {
  const dialog = document.getElementById('clause-dialog');
  dialog.querySelector('[data-close]').addEventListener('click', function () { closeDrawer(dialog); });
  dialog.addEventListener('keydown', function (e) {
    if (e.key !== 'Escape' || e.isComposing) return;
    e.preventDefault(); // instead of the dialog's own Esc handling, which would return focus to the link
    closeDrawer(dialog);
  });
  // Any other way it closes (Esc while nothing inside has focus is the dialog's own): the same, a task later.
  dialog.addEventListener('close', function () {
    if (!document.getElementById('panel-chat').hidden) document.getElementById('question').focus();
  });
  // A click on the backdrop (outside the drawer's box) closes it, like Esc does.
  dialog.addEventListener('click', function (e) {
    if (e.target !== dialog) return;
    const r = dialog.getBoundingClientRect();
    if (e.clientX < r.left || e.clientX > r.right || e.clientY < r.top || e.clientY > r.bottom) closeDrawer(dialog);
  });
}
`;
