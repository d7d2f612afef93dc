// Browser module /assets/documents.js: the library's documents — their short titles and status marks (an expired or
// repealed policy must never pass for a current one), and the picker that scopes questions, the clause browser and
// 资金一览 to one document. With a single document the picker stays hidden and nothing is scoped.
export const DOCUMENTS_JS = String.raw`
import * as api from './api.js';
import { clear, h } from './dom.js';

const KEY = 'policy-qa.doc';
const STATUS_NAMES = { expired: '已失效', repealed: '已废止' };

let list = [];
const byId = new Map();
let scope = '';

/** Resolves once the list is known (empty when it cannot load: the console then works as for one document). */
function take(docs) {
  list = Array.isArray(docs) ? docs : [];
  byId.clear();
  for (const d of list) byId.set(d.docId, d);
  const saved = scope || readSaved();
  scope = list.length > 1 && byId.has(saved) ? saved : '';
  return list;
}

let version = 0;
/** Bumped whenever the library changes, so a view knows its rows are of an older library. */
export function libraryVersion() { return version; }

export let documentsReady = api.documents().then(take, function () { return list; });

/** Every document, in the server's order (empty until the list has loaded). */
export function allDocuments() { return list; }

/**
 * The library changed (a document published or removed): reload the list and every cached view, rebuild the picker,
 * and tell the views (a "docscope" event), so no view keeps showing the old library.
 */
export function refreshDocuments() {
  api.forget();
  version++;
  documentsReady = api.documents().then(take, function () { return list; });
  return documentsReady.then(function () {
    fillPicker();
    document.dispatchEvent(new CustomEvent('docscope', { detail: { docId: scope } }));
    return list;
  });
}

function readSaved() {
  try { return sessionStorage.getItem(KEY) || ''; } catch (e) { return ''; }
}

/** More than one document: worth naming the document next to each clause and offering the picker. */
export function manyDocuments() { return list.length > 1; }

/** The document questions and lists are scoped to, or '' for all. */
export function scopedDocument() { return scope; }

export function documentOf(docId) { return byId.get(docId); }

/** Every docId, in the server's order. */
export function documentIds() { return list.map(function (d) { return d.docId; }); }

/** The document's short title; fallback (e.g. a citation's docTitle) while the list is unknown. */
export function shortTitle(docId, fallback) {
  const d = byId.get(docId);
  return (d && (d.shortTitle || d.title)) || fallback || docId;
}

/** "已失效" / "已废止" with the reason as its tooltip, or null for a document in force. */
export function statusMark(docId) {
  const d = byId.get(docId);
  if (!d || !STATUS_NAMES[d.status]) return null;
  return h('span', { class: 'doc-status ' + d.status, title: d.statusNote || undefined }, STATUS_NAMES[d.status]);
}

/** The document named in a line: short title and, when it no longer applies, its mark. */
export function docTag(docId, fallback) {
  const d = byId.get(docId);
  return h('span', { class: 'doc-tag', title: d && d.title !== shortTitle(docId) ? d.title : undefined }, shortTitle(docId, fallback), statusMark(docId));
}

/** One warning line for an answer drawn from a document that no longer applies; null otherwise. */
export function statusWarning(docId, fallback) {
  const d = byId.get(docId);
  if (!d || !STATUS_NAMES[d.status]) return null;
  return h('p', { class: 'doc-warning', role: 'note' },
    '注意：《' + shortTitle(docId, fallback) + '》' + STATUS_NAMES[d.status] + (d.statusNote ? '（' + d.statusNote + '）' : '') + '，答复前请核实现行政策。');
}

function fillPicker() {
  const box = document.getElementById('doc-scope-box');
  const select = document.getElementById('doc-scope');
  clear(select);
  box.hidden = !manyDocuments();
  if (!manyDocuments()) return;
  select.append(h('option', { value: '' }, '全部文件（' + list.length + '）'));
  for (const d of list) {
    select.append(h('option', { value: d.docId }, shortTitle(d.docId) + (STATUS_NAMES[d.status] ? '（' + STATUS_NAMES[d.status] + '）' : '')));
  }
  select.value = scope;
}

/**
 * Fill the header's picker once the list is known, and tell the views when the scope changes: a "docscope" event
 * on document (app.js reloads the open view; chat.js scopes the next question).
 */
export function setupDocumentPicker() {
  const select = document.getElementById('doc-scope');
  documentsReady.then(fillPicker);
  select.addEventListener('change', function () {
    scope = select.value;
    try { sessionStorage.setItem(KEY, scope); } catch (e) { /* private mode: the scope lasts until reload */ }
    document.dispatchEvent(new CustomEvent('docscope', { detail: { docId: scope } }));
  });
}
`;
