// Browser module /assets/transfer.js: "who do I transfer this caller to?" — the lead department(s) on one line of
// their own, with a copy button for the ticket or the transfer dialog, and the supporting departments collapsed
// below it: they are rarely who the caller needs, and ten of them used to push the lead onto four lines.
export const TRANSFER_JS = String.raw`
import { copyText } from './copy.js';
import { announce, h } from './dom.js';

/** The first line of an answer or a clause: 转接：<lead> [复制]. null without a lead department. */
export function transferLine(lead) {
  if (!lead || !lead.length) return null;
  const text = lead.join('、');
  const copy = h('button', { type: 'button', class: 'copy-dept', 'aria-label': '复制转接部门' }, '复制');
  copy.addEventListener('click', async function () {
    if (await copyText(text)) {
      copy.textContent = '已复制';
      announce('已复制转接部门：' + text);
      setTimeout(function () { copy.textContent = '复制'; }, 2000);
    } else {
      announce('无法自动复制，请手动选择部门名称');
    }
  });
  return h('div', { class: 'transfer' },
    h('span', { class: 'transfer-label' }, '转接：'), h('strong', { class: 'transfer-to' }, text), copy);
}

/** The supporting departments, collapsed; those that also lead are left out. null when none remain. */
export function supportLine(support, lead) {
  const rest = (support || []).filter(function (d, i, all) { return (lead || []).indexOf(d) === -1 && all.indexOf(d) === i; });
  if (!rest.length) return null;
  return h('details', { class: 'support' },
    h('summary', null, '配合部门（' + rest.length + '）'),
    h('p', null, rest.join('、')));
}
`;
