// Browser module /assets/chat.js: the conversation. Keeps the API's sessionId so follow-ups ("那国家级的呢？")
// resolve against the previous turn; "新对话" drops it. ↑/↓ in the box recall earlier questions (history.js).
export const CHAT_JS = String.raw`
import * as api from './api.js';
import { renderAnswer } from './answer.js';
import { announce, clear, fill, h, note } from './dom.js';
import { questionHistory } from './history.js';

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

/**
 * Bring the new answer into view between the sticky header and the question bar: the whole turn when it fits,
 * else the top of the answer — where the department to transfer to is — rather than its end.
 */
function reveal(turn, bot) {
  const top = document.querySelector('.top').getBoundingClientRect().bottom + 8;
  const bar = document.querySelector('.ask-bar');
  const bottom = (bar ? bar.getBoundingClientRect().top : window.innerHeight) - 8;
  const t = turn.getBoundingClientRect();
  const dy = t.height <= bottom - top ? t.bottom - bottom : bot.getBoundingClientRect().top - top;
  if (dy > 0 || t.top < top) window.scrollBy(0, dy);
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
      fill(bot, h('span', { class: 'sr-only' }, '答：'), renderAnswer(a, { names: names, ask: function (q) { if (!busy) send(q); } }));
    } catch (e) {
      fill(bot, note(e.message, 'error'));
    } finally {
      bot.removeAttribute('aria-busy');
      busy = false;
      submit.disabled = false;
      reveal(turn, bot);
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
