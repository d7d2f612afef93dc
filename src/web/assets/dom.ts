// Browser module /assets/dom.js: build elements from data without innerHTML, so corpus and user text is always text.
export const DOM_JS = String.raw`
import { segments } from './text.js';

/**
 * h('button', { class: 'x', type: 'button', 'aria-label': '…', onclick: fn }, child, …).
 * Strings become text nodes; props starting with "on" become listeners; everything else is an attribute.
 */
export function h(tag, props, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props || {})) {
    if (v === undefined || v === null || v === false) continue;
    if (k.indexOf('on') === 0 && typeof v === 'function') el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const c of children) {
    if (c === undefined || c === null || c === false) continue;
    if (Array.isArray(c)) append(el, c);
    else el.append(c instanceof Node ? c : document.createTextNode(String(c)));
  }
}

export function clear(el) {
  while (el.firstChild) el.removeChild(el.firstChild);
  return el;
}

/** Append children (strings, nodes, nested arrays) to el. */
export function add(el, ...children) {
  append(el, children);
  return el;
}

/** Replace el's content with children. */
export function fill(el, ...children) {
  return add(clear(el), children);
}

/**
 * Text with highlighted runs: kind "amt" (figures), "dept" (departments), "hit" (search matches, <mark>) and
 * "cite" (a clause reference, drawn by cite(text, data) — a link that opens the clause).
 */
export function highlighted(text, rules, cite) {
  const frag = document.createDocumentFragment();
  for (const s of segments(text, rules)) {
    if (!s.kind) frag.append(document.createTextNode(s.text));
    else if (s.kind === 'hit') frag.append(h('mark', null, s.text));
    else if (s.kind === 'cite' && cite) frag.append(cite(s.text, s.data));
    else frag.append(h('span', { class: s.kind }, s.text));
  }
  return frag;
}

/** Announce a short message to screen readers (what sighted users see change on screen anyway). */
export function announce(message) {
  const el = document.getElementById('status');
  if (!el) return;
  el.textContent = '';
  clearTimeout(announceTimer);
  // A fresh text node after clearing makes screen readers repeat identical messages; clearing it afterwards keeps
  // an old message from being read again when the reader reaches the end of the page.
  announceTimer = setTimeout(function () {
    el.textContent = message;
    announceTimer = setTimeout(function () { el.textContent = ''; }, 4000);
  }, 30);
}
let announceTimer;

/** A small "loading / error / empty" line inside a panel. */
export function note(text, kind) {
  return h('p', { class: 'note' + (kind ? ' ' + kind : ''), role: kind === 'error' ? 'alert' : undefined }, text);
}
`;
