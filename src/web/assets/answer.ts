// Browser module /assets/answer.js: one answer as the operator sees it — the department to transfer to first, then
// the answer's lines with figures, departments and clause references highlighted (references open the clause), the
// document it comes from, and 复制答案. A fixed reply (clarify, greeting, out of scope) offers its examples as
// buttons that ask them; a clarify or greeting has nothing to copy into a ticket.
export const ANSWER_JS = String.raw`
import { clauseLink } from './clause-view.js';
import { copyText } from './copy.js';
import { docTag, statusWarning } from './documents.js';
import { add, announce, h, highlighted } from './dom.js';
import { AMOUNT_RE, clauseRef, phoneScript, replyOptions } from './text.js';
import { supportLine, transferLine } from './transfer.js';

const FIXED_REPLIES = { clarify: true, greeting: true, out_of_scope: true };
const NOTHING_TO_COPY = { clarify: true, greeting: true };
/** The engine's "牵头：…；配合：…" line: the transfer line above says it better. */
const DEPARTMENTS_LINE = /^牵头[：:]/;

function copyButton(a, tools) {
  const copy = h('button', { type: 'button', class: 'copy', 'aria-label': '复制答案（含来源）' }, '复制答案');
  copy.addEventListener('click', async function () {
    const script = phoneScript(a);
    if (await copyText(script)) {
      copy.textContent = '已复制';
      announce('答案已复制到剪贴板');
      setTimeout(function () { copy.textContent = '复制答案'; }, 2000);
      return;
    }
    // Last resort: put the script where the agent can select it by hand.
    const manual = h('textarea', { class: 'manual-copy', readonly: true, rows: 4, 'aria-label': '答案文本（请手动复制）' });
    manual.value = script;
    tools.after(manual);
    manual.focus();
    manual.select();
    announce('无法自动复制，请手动复制选中的文字');
  });
  return copy;
}

/** The documents an answer cites, once each, in citation order: [{ docId, docTitle }]. */
function citedDocuments(a) {
  const seen = [];
  for (const c of a.citations) if (!seen.some(function (d) { return d.docId === c.docId; })) seen.push({ docId: c.docId, docTitle: c.docTitle });
  return seen;
}

/**
 * The children of an answer bubble. opts.names: department names to highlight; opts.ask(question): what a
 * suggestion button does.
 */
export function renderAnswer(a, opts) {
  const refs = a.citations.map(function (c) { return { ref: clauseRef(c.clause, c.title), c: c }; });
  const citation = function (term) { return refs.find(function (r) { return r.ref === term; }).c; };
  const lead = a.departments ? a.departments.lead : [];
  const support = a.departments ? a.departments.support : [];
  const rules = [
    { kind: 'cite', terms: refs.map(function (r) { return r.ref; }), data: citation },
    { kind: 'amt', re: AMOUNT_RE, terms: a.facts.map(function (f) { return f.display; }) },
    { kind: 'dept', terms: (opts.names || []).concat(lead, support) },
  ];
  const link = function (text, c) { return clauseLink({ docId: c.docId, number: c.number, quote: c.quote }, text, 'cite'); };
  const transfer = transferLine(lead);
  const fixed = FIXED_REPLIES[a.intent] ? replyOptions(a.answer) : { lines: a.answer.split('\n'), options: [] };
  const lines = fixed.lines.filter(function (line) { return line.trim() && !(transfer && DEPARTMENTS_LINE.test(line)); }).map(function (line) {
    return h('p', { class: line.indexOf('来源：') === 0 ? 'source' : undefined }, highlighted(line, rules, link));
  });
  const options = fixed.options.length
    ? h('div', { class: 'options', role: 'group', 'aria-label': '可以这样问' }, h('span', { class: 'tools-label', 'aria-hidden': 'true' }, '可以这样问：'),
      fixed.options.map(function (q) { return h('button', { type: 'button', class: 'chip', onclick: function () { opts.ask(q); } }, q); }))
    : null;

  const docs = citedDocuments(a);
  const tools = h('div', { class: 'answer-tools' });
  if (docs.length) add(tools, h('span', { class: 'tools-label' }, '文件：'), docs.map(function (d) { return docTag(d.docId, d.docTitle); }));
  // Citations the text does not name still get a way to open them.
  const extra = [];
  for (const r of refs) {
    if (a.answer.indexOf(r.ref) !== -1 || extra.some(function (e) { return e.textContent === r.ref; })) continue;
    extra.push(link(r.ref, r.c));
  }
  if (extra.length) add(tools, h('span', { class: 'tools-label' }, '出处：'), extra);
  if (!NOTHING_TO_COPY[a.intent]) add(tools, copyButton(a, tools));

  return [
    transfer,
    supportLine(support, lead),
    docs.map(function (d) { return statusWarning(d.docId, d.docTitle); }),
    h('div', { class: 'answer' }, lines, options),
    tools.childNodes.length ? tools : null,
  ];
}
`;
