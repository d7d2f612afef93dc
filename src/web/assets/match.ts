// Browser module /assets/match.js: 政策匹配 — the caller describes the enterprise (in words, or type, level, what
// happened, figures and place), and the console lists every item of the library that applies, each with its amount,
// the conditions met or still to confirm, the clause (one click to its text) and the department; printable for the
// caller. Everything shown is the server's (POST /api/match); the page computes nothing.
export const MATCH_JS = String.raw`
import { clauseLink } from './clause-view.js';
import { docTag, manyDocuments, scopedDocument, statusWarning } from './documents.js';
import { announce, fill, h, note } from './dom.js';
import { unitStyle } from './text.js';

const STATUS = { eligible: '符合', 'needs-info': '需确认', 'not-eligible': '不符合' };

function value(id) { return document.getElementById(id).value.trim(); }

/** The profile the form describes: the free text when given, else the fields as a structured profile. */
function profileOf() {
  const text = value('match-text');
  const events = value('match-events').split(/[，,；;、\n]+/).map(function (s) { return s.trim(); }).filter(Boolean);
  const figures = value('match-figures').split(/[，,；;、\n]+/).map(function (s) { return s.trim(); }).filter(Boolean);
  const fields = { type: value('match-type'), level: value('match-level'), place: value('match-place') };
  const structured = {};
  for (const k of Object.keys(fields)) if (fields[k]) structured[k] = fields[k];
  // Figures are written as the caller says them (国家支持资金600万元, 排名从第50升到第38): read with the events.
  if (events.length || figures.length) structured.events = events.concat(figures);
  if (text) {
    const extra = Object.keys(structured).length ? '。' + [fields.place, fields.level, fields.type].filter(Boolean).join('') + (structured.events ? '，' + structured.events.join('，') : '') : '';
    return text + extra;
  }
  return Object.keys(structured).length ? structured : '';
}

async function request(body) {
  const res = await fetch('/api/match', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const data = await res.json().catch(function () { return null; });
  if (!res.ok) throw new Error((data && data.error && data.error.message) || '匹配失败（' + res.status + '）');
  return data;
}

function amountOf(i) {
  const shown = /[万亿]元|元$/.test(i.amount) ? unitStyle(i.amount) : i.amount;
  return (i.upTo && !/最高|不超过/.test(shown) ? '最高 ' : '') + shown;
}

function row(i) {
  const conditions = i.status === 'eligible' ? (i.met.join('；') || '—') : i.status === 'needs-info' ? i.missing : i.reason;
  return h('tr', { 'data-status': i.status },
    h('td', { 'data-label': '结论' }, h('span', { class: 'status ' + i.status }, STATUS[i.status])),
    h('td', { 'data-label': '金额', class: 'num' }, h('span', { class: 'amt' }, amountOf(i)), i.computation ? h('p', { class: 'computation' }, i.computation) : null),
    h('td', { 'data-label': '对象' }, i.subject),
    h('td', { 'data-label': '条件' }, conditions || '—'),
    h('td', { 'data-label': '条款' }, manyDocuments() ? [docTag(i.docId, i.docTitle), ' '] : null,
      clauseLink({ docId: i.docId, number: i.number, quote: i.quote }, i.clause), statusWarning(i.docId, '') ? h('p', { class: 'warn' }, statusWarning(i.docId, '')) : null),
    h('td', { 'data-label': '牵头部门', class: 'lead' }, i.lead.join('、') || '未列明'));
}

function render(result) {
  const box = document.getElementById('match-result');
  const eligible = result.items.filter(function (i) { return i.status === 'eligible'; });
  const needs = result.items.filter(function (i) { return i.status === 'needs-info'; });
  const not = result.items.filter(function (i) { return i.status === 'not-eligible'; });
  const summary = '符合 ' + eligible.length + ' 项，需确认 ' + needs.length + ' 项' + (not.length ? '，不符合 ' + not.length + ' 项' : '');
  document.getElementById('match-count').textContent = summary;
  document.getElementById('print-match-profile').textContent = result.profile.text;
  if (!result.items.length) {
    fill(box, note('按所述情况，未找到适用的奖补项目。可补充单位类型、级别和认定、备案等情况后再试。'));
    announce('未找到适用的项目');
    return;
  }
  fill(box,
    h('table', { class: 'funding cards match' },
      h('caption', { class: 'sr-only' }, '政策匹配结果：' + summary),
      h('thead', null, h('tr', null, ['结论', '金额', '对象', '条件', '条款', '牵头部门'].map(function (t) { return h('th', { scope: 'col' }, t); }))),
      h('tbody', null, result.items.map(row))),
    result.total ? h('p', { class: 'total' }, '符合项合计' + (result.total.upTo ? '最高' : '') + '：' + unitStyle(result.total.amount) + '（' + result.total.items + ' 项相加）') : null,
    result.stacking.map(function (s) { return h('p', { class: 'hint stacking' }, s.stated ? '能否同时享受：' + s.note : s.note + '，请向牵头部门确认。'); }),
    result.ask ? h('p', { class: 'ask-next' }, '还需了解：' + result.ask) : null);
  announce('匹配完成：' + summary);
}

export function setupMatch() {
  const form = document.getElementById('match-form');
  form.addEventListener('submit', async function (e) {
    e.preventDefault();
    const profile = profileOf();
    const box = document.getElementById('match-result');
    if (!profile) {
      fill(box, note('请先描述单位情况，或填写单位类型、级别、发生的事项。', 'error'));
      return;
    }
    const body = { profile: profile };
    const scope = scopedDocument();
    if (scope) body.docId = scope;
    if (document.getElementById('match-all').checked) body.includeNotEligible = true;
    fill(box, note('正在匹配…'));
    try {
      render(await request(body));
    } catch (err) {
      fill(box, note(err.message, 'error'));
    }
  });
  document.getElementById('print-match').addEventListener('click', function () { window.print(); });
}
`;
