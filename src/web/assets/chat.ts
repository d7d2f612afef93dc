// Browser module /assets/chat.js: the conversation. Keeps the API's sessionId so follow-ups ("那国家级的呢？")
// resolve against the previous turn; "新对话" drops it. ↑/↓ in the box recall earlier questions (history.js).
export const CHAT_JS = String.raw`
import * as api from './api.js';
import { clauseLink } from './clause-view.js';
import { copyText } from './copy.js';
import { add, announce, clear, fill, h, highlighted, note } from './dom.js';
import { questionHistory } from './history.js';
import { AMOUNT_RE, clauseRef, phoneScript } from './text.js';

const SUGGESTIONS = ['新认定的自治区级孵化器给多少钱？', '土地这块归谁管？', '第十五条讲了什么？', '独角兽企业有什么奖励？'];

let sessionId;
let names = [];
let busy = false;
let log;

/** Ctrl+Enter: what the latest answer's 复制答案 does. False when no answer has anything to copy. */
export function copyLatestAnswer() {
  const buttons = log.querySelectorAll('.answer-tools .copy');
  if (!buttons.length) return false;
  buttons[buttons.length - 1].click();
  return true;
}

/** The answer's lines with figures, departments and clause references highlighted; references open the clause. */
function renderAnswer(a) {
  const refs = a.citations.map(function (c) { return { ref: clauseRef(c.clause, c.title), c: c }; });
  const citation = function (term) { return refs.find(function (r) { return r.ref === term; }).c; };
  const depts = a.departments ? a.departments.lead.concat(a.departments.support) : [];
  const rules = [
    { kind: 'cite', terms: refs.map(function (r) { return r.ref; }), data: citation },
    { kind: 'amt', re: AMOUNT_RE, terms: a.facts.map(function (f) { return f.display; }) },
    { kind: 'dept', terms: names.concat(depts) },
  ];
  const link = function (text, c) { return clauseLink({ docId: c.docId, number: c.number, quote: c.quote }, text, 'cite'); };
  const lines = a.answer.split('\n').filter(Boolean).map(function (line) {
    return h('p', { class: line.indexOf('来源：') === 0 ? 'source' : undefined }, highlighted(line, rules, link));
  });
  // Citations the text does not name still get a way to open them.
  const shown = new Set();
  const extra = [];
  for (const r of refs) {
    if (a.answer.indexOf(r.ref) !== -1 || shown.has(r.ref)) continue;
    shown.add(r.ref);
    extra.push(link(r.ref, r.c));
  }
  const tools = h('div', { class: 'answer-tools' });
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
  if (extra.length) add(tools, h('span', { class: 'tools-label' }, '出处：'), extra);
  add(tools, copy);
  return [h('div', { class: 'answer' }, lines), tools];
}

export function setupChat() {
  const form = document.getElementById('ask-form');
  const input = document.getElementById('question');
  const submit = form.querySelector('button[type=submit]');
  log = document.getElementById('chat-log');
  const hints = document.getElementById('suggestions');
  const remember = questionHistory(input);
  api.departmentNames().then(function (n) { names = n; });

  async function send(question) {
    busy = true;
    submit.disabled = true;
    hints.hidden = true;
    const bot = h('div', { class: 'msg bot', 'aria-busy': 'true' }, note('正在查询…'));
    const turn = h('div', { class: 'turn' }, h('div', { class: 'msg user' }, h('span', { class: 'sr-only' }, '问：'), question), bot);
    log.append(turn);
    input.value = '';
    remember(question);
    try {
      const a = await api.ask(question, sessionId);
      sessionId = a.sessionId;
      bot.dataset.intent = a.intent;
      fill(bot, h('span', { class: 'sr-only' }, '答：'), ...renderAnswer(a));
    } catch (e) {
      fill(bot, note(e.message, 'error'));
    } finally {
      bot.removeAttribute('aria-busy');
      busy = false;
      submit.disabled = false;
      turn.scrollIntoView({ block: 'end' });
      input.focus();
    }
  }

  fill(hints, h('span', { class: 'tools-label' }, '常见问题：'), SUGGESTIONS.map(function (q) {
    return h('button', { type: 'button', class: 'chip', onclick: function () { if (!busy) send(q); } }, q);
  }));
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const q = input.value.trim();
    if (q && !busy) send(q);
  });
  document.getElementById('new-chat').addEventListener('click', function () {
    sessionId = undefined;
    clear(log);
    hints.hidden = false;
    input.value = '';
    input.focus();
    announce('已开始新对话');
  });
}
`;
