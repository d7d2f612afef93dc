// Browser module /assets/chat.js: the conversation. Keeps the API's sessionId (in sessionStorage, with the turns on
// screen) so follow-ups ("那国家级的呢？") resolve against the previous turn, even after a reload; "新对话" drops it.
// When the server no longer knows the session it answers in a new one and says so: the console shows that in one
// line, greys out the old turns and carries on in the new session.
export const CHAT_JS = String.raw`
import * as api from './api.js';
import { renderAnswer } from './answer.js';
import { documentsReady, scopedDocument, shortTitle } from './documents.js';
import { announce, clear, fill, h, note } from './dom.js';
import { questionHistory } from './history.js';
import { forgetConversation, loadConversation, saveConversation } from './session.js';
import { withUnitStyle } from './text.js';

const SUGGESTIONS = ['新认定的自治区级孵化器给多少钱？', '土地这块归谁管？', '第十五条讲了什么？', '独角兽企业有什么奖励？'];
/** The first line of the server's answer when the session it was sent is gone (the API contract). */
const EXPIRED_LINE = '之前的对话已过期，请重新说明问题。';

let conversation = { sessionId: undefined, turns: [] };
let names = [];
let busy = false;
let input;
let log;

/** What renderAnswer shows: the answer in the one unit style, without the expiry line the notice replaces. */
function shown(a) {
  const styled = withUnitStyle(a);
  if (a.notice !== 'session_expired') return styled;
  const lines = styled.answer.split('\n');
  if (lines[0].trim() === EXPIRED_LINE && lines.slice(1).join('').trim()) styled.answer = lines.slice(1).join('\n');
  return styled;
}

function turnView(question) {
  const bot = h('div', { class: 'msg bot', 'aria-busy': 'true' }, note('正在查询…'));
  const turn = h('div', { class: 'turn' }, h('div', { class: 'msg user' }, h('span', { class: 'sr-only' }, '问：'), question), bot);
  return { turn: turn, bot: bot };
}

function showAnswer(bot, a) {
  bot.dataset.intent = a.intent;
  fill(bot, h('span', { class: 'sr-only' }, '答：'), renderAnswer(shown(a), { names: names, ask: ask }));
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

let remember = function () {};

async function ask(question) {
  if (busy) return;
  busy = true;
  const submit = document.querySelector('#ask-form button[type=submit]');
  submit.disabled = true;
  document.getElementById('suggestions').hidden = true;
  const view = turnView(question);
  log.append(view.turn);
  input.value = '';
  remember(question);
  try {
    const a = await api.ask(question, conversation.sessionId, scopedDocument());
    if (a.notice === 'session_expired') {
      for (const t of log.querySelectorAll('.turn')) if (t !== view.turn) t.classList.add('expired');
      view.turn.before(h('p', { class: 'notice', role: 'status' }, '之前的对话已过期，已开始新对话。'));
      conversation.turns = [];
    }
    conversation.sessionId = a.sessionId;
    conversation.turns.push({ question: question, answer: a });
    saveConversation(conversation);
    showAnswer(view.bot, a);
  } catch (e) {
    fill(view.bot, note(e.message, 'error'));
  } finally {
    view.bot.removeAttribute('aria-busy');
    busy = false;
    submit.disabled = false;
    reveal(view.turn, view.bot);
    input.focus();
  }
}

/** Ctrl+Enter: what the latest answer's 复制答案 does. False when no answer has anything to copy. */
export function copyLatestAnswer() {
  const buttons = log.querySelectorAll('.answer-tools .copy');
  if (!buttons.length) return false;
  buttons[buttons.length - 1].click();
  return true;
}

function placeholder() {
  const docId = scopedDocument();
  input.placeholder = docId ? '在《' + shortTitle(docId) + '》中提问…' : '输入问题，如：新认定的自治区级孵化器给多少钱？';
}

export function setupChat() {
  const form = document.getElementById('ask-form');
  const hints = document.getElementById('suggestions');
  input = document.getElementById('question');
  log = document.getElementById('chat-log');
  api.departmentNames().then(function (n) { names = n; });

  conversation = loadConversation();
  remember = questionHistory(input, conversation.turns.map(function (t) { return t.question; }));
  for (const t of conversation.turns) {
    const view = turnView(t.question);
    view.bot.removeAttribute('aria-busy');
    log.append(view.turn);
    showAnswer(view.bot, t.answer);
  }
  if (conversation.turns.length) {
    hints.hidden = true;
    log.lastElementChild.scrollIntoView({ block: 'end' });
  }

  fill(hints, h('span', { class: 'tools-label' }, '常见问题：'), SUGGESTIONS.map(function (q) {
    return h('button', { type: 'button', class: 'chip', onclick: function () { ask(q); } }, q);
  }));
  form.addEventListener('submit', function (e) {
    e.preventDefault();
    const q = input.value.trim();
    if (q) ask(q);
  });
  document.getElementById('new-chat').addEventListener('click', function () {
    conversation = { sessionId: undefined, turns: [] };
    forgetConversation();
    clear(log);
    hints.hidden = false;
    input.value = '';
    input.focus();
    announce('已开始新对话');
  });
  document.addEventListener('docscope', placeholder);
  documentsReady.then(placeholder);
}
`;
