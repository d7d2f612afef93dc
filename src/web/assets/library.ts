// Browser module /assets/library.js: the 文件 view — every document of the library with its 文号, issuer, dates,
// validity and clause count; and, for staff with an admin key, adding a file (checked first by a dry run whose
// report they read, then published) and removing one. The key stays in this page's memory only: it is never
// stored, so a shared hotline PC forgets it on reload.
export const LIBRARY_JS = String.raw`
import * as api from './api.js';
import { allDocuments, documentsReady, refreshDocuments, statusMark } from './documents.js';
import { announce, clear, fill, h, note } from './dom.js';

/** What an upload refusal means, in the operator's words; the server's own reason follows it. */
const REFUSALS = {
  DOC_UNSUPPORTED_FORMAT: '不支持这种文件格式，请上传 .txt、.md、.html、.docx 或 .pdf。',
  DOC_TOO_LARGE: '文件太大（或页数太多）。',
  PAYLOAD_TOO_LARGE: '文件太大。',
  DOC_ZIP_BOMB: '这个 DOCX 解压后过大，未读取。',
  DOC_SCANNED_PDF: '扫描版 PDF，没有文字层，请先 OCR 再上传。',
  DOC_ENCRYPTED: '文件有密码保护，请去掉密码后再上传。',
  DOC_UNREADABLE: '文件已损坏，或与扩展名不符。',
  DOC_PARSE_TIMEOUT: '文件读取超时。',
  DOC_EMPTY: '文件里没有文字。',
  DOC_NO_CLAUSES: '没有从文件中识别出任何条款，未发布。',
  DOC_DUPLICATE: '本库已有这份文件。',
  DOC_LAST: '这是库里最后一份文件，不能删除；请先添加其他文件。',
  DOC_NOT_FOUND: '库里没有这份文件（可能已被删除）。',
  ADMIN_KEY_REQUIRED: '管理密钥不正确。',
  ADMIN_DISABLED: '本服务未开启文件管理（未配置 ADMIN_KEYS）。',
  UPLOAD_NOT_SUPPORTED: '此部署不支持在线添加文件，请把文件放入 corpus/ 后重新构建部署。',
};

const STATUS_TEXT = { active: '现行有效' };

let key = '';
/** The file checked by the last dry run, and its report: publishing sends exactly that file. */
let checked = null;

function refusal(e) {
  const said = REFUSALS[e.code];
  return h('div', { class: 'note error', role: 'alert' },
    h('p', null, said || e.message),
    said && e.message ? h('p', { class: 'meta' }, '说明：' + e.message) : null);
}

const dash = function (v) { return v || '—'; };

function validity(d) {
  return statusMark(d.docId) || h('span', { class: 'doc-status active', title: d.statusNote || undefined }, STATUS_TEXT.active);
}

function removeButton(d) {
  const btn = h('button', { type: 'button', class: 'secondary danger', 'aria-label': '删除《' + d.title + '》' }, '删除');
  btn.addEventListener('click', async function () {
    // Two steps, on the button itself: a native confirm() would block the page the operator is answering from.
    if (btn.dataset.confirm !== 'true') {
      btn.dataset.confirm = 'true';
      btn.textContent = '确认删除';
      return;
    }
    btn.disabled = true;
    try {
      await api.removeDocument(d.docId, key);
      await changed('已删除《' + d.title + '》，不再据此答复。', '已删除《' + d.title + '》');
    } catch (e) {
      btn.disabled = false;
      fill(document.getElementById('upload-result'), refusal(e));
    }
  });
  return btn;
}

function render() {
  const docs = allDocuments();
  const box = document.getElementById('files-table');
  document.getElementById('files-count').textContent = '共 ' + docs.length + ' 份文件';
  if (!docs.length) return fill(box, note('文件列表无法加载，或库中还没有文件。'));
  fill(box, h('table', { class: 'files cards' },
    h('caption', { class: 'sr-only' }, '文件列表，共 ' + docs.length + ' 份'),
    h('thead', null, h('tr', null, ['文件', '文号', '发文机关', '发布日期', '施行日期', '有效期至', '状态', '条款'].map(function (t) {
      return h('th', { scope: 'col' }, t);
    }), key ? h('th', { scope: 'col' }, h('span', { class: 'sr-only' }, '操作')) : null)),
    h('tbody', null, docs.map(function (d) {
      return h('tr', { 'data-doc': d.docId },
        h('td', { 'data-label': '文件' }, h('span', { class: 'file-title' }, d.title), d.shortTitle && d.shortTitle !== d.title ? h('span', { class: 'meta' }, d.shortTitle) : null),
        h('td', { 'data-label': '文号' }, dash(d.docNumber)),
        h('td', { 'data-label': '发文机关' }, dash(d.issuer)),
        h('td', { 'data-label': '发布日期' }, dash(d.published)),
        h('td', { 'data-label': '施行日期' }, dash(d.effective)),
        h('td', { 'data-label': '有效期至' }, dash(d.validUntil)),
        h('td', { 'data-label': '状态' }, validity(d), d.statusNote ? h('span', { class: 'meta' }, d.statusNote) : null),
        h('td', { 'data-label': '条款', class: 'num' }, String(d.clauses)),
        key ? h('td', { 'data-label': '操作' }, removeButton(d)) : null);
    }))));
}

/** The dry run's report: what the parser found, what it could not place, and the choice to publish or not. */
function reportView(r, replaces) {
  const row = function (name, value) { return value ? [h('dt', null, name), h('dd', null, value)] : null; };
  const dates = [r.published && '发布 ' + r.published, r.effective && '施行 ' + r.effective, r.validUntil && '有效期至 ' + r.validUntil].filter(Boolean).join('；');
  const publish = h('button', { type: 'button', id: 'publish' }, replaces ? '发布（替换同名文件）' : '发布');
  const cancel = h('button', { type: 'button', class: 'secondary' }, '取消');
  publish.addEventListener('click', publishChecked);
  cancel.addEventListener('click', function () {
    checked = null;
    clear(document.getElementById('upload-report'));
    document.getElementById('upload-file').focus();
  });
  return h('section', { class: 'report', 'aria-labelledby': 'report-title' },
    h('h3', { id: 'report-title' }, '检查结果：《' + r.title + '》'),
    h('p', { class: 'meta' }, '尚未发布。请核对后再发布；发布后即可据此答复。'),
    h('dl', { class: 'report-facts' },
      row('文件', r.file + '（' + r.format + '）'),
      row('文号', r.docNumber),
      row('发文机关', (r.issuers || []).join('、')),
      row('地区', (r.region || []).join('')),
      row('日期', dates),
      row('结构', r.structure),
      row('条款', r.clauses + ' 条（其中 ' + r.clausesWithLead + ' 条列明牵头部门）'),
      row('部门', r.departments + ' 个'),
      row('金额', r.amounts + ' 项' + (r.thresholds ? '；门槛条件 ' + r.thresholds + ' 项' : '')),
      row('目标与罚则', (r.targets || r.sanctions) ? '目标 ' + r.targets + ' 项；罚则 ' + r.sanctions + ' 项' : ''),
      row('将替换', replaces)),
    r.warnings && r.warnings.length
      ? h('div', { class: 'warnings' }, h('h4', null, '需要核对（' + r.warnings.length + '）'), h('ul', null, r.warnings.map(function (w) { return h('li', null, w); })))
      : h('p', { class: 'note ok' }, '没有需要核对的问题。'),
    h('div', { class: 'actions' }, publish, cancel));
}

async function check(e) {
  e.preventDefault();
  const input = document.getElementById('upload-file');
  const out = document.getElementById('upload-report');
  clear(document.getElementById('upload-result'));
  key = document.getElementById('admin-key').value.trim();
  const file = input.files && input.files[0];
  if (!file) return;
  fill(out, note('正在检查《' + file.name + '》…'));
  try {
    const res = await api.uploadDocument(file, key, true);
    checked = { file: file, report: res.report };
    fill(out, reportView(res.report, res.replaced));
    document.getElementById('publish').focus();
    announce('检查完成：' + res.report.clauses + ' 条条款');
  } catch (err) {
    checked = null;
    fill(out, refusal(err));
  }
}

async function publishChecked() {
  if (!checked) return;
  const btn = document.getElementById('publish');
  btn.disabled = true;
  const out = document.getElementById('upload-result');
  fill(out, note('正在发布…'));
  try {
    const res = await api.uploadDocument(checked.file, key, false);
    const r = res.report;
    checked = null;
    clear(document.getElementById('upload-report'));
    document.getElementById('upload-file').value = '';
    await changed((res.replaced ? '已替换' : '已发布') + '《' + r.title + '》：' + r.clauses + ' 条条款，现在即可提问。', '已发布《' + r.title + '》');
  } catch (err) {
    btn.disabled = false;
    fill(out, refusal(err));
  }
}

/** The library changed: say so, then reload the list and every view that shows the library. */
async function changed(message, spoken) {
  fill(document.getElementById('upload-result'), h('p', { class: 'note ok', role: 'status' }, message));
  announce(spoken);
  await refreshDocuments();
  render();
}

/** Fill the list when the view opens (the library may have changed since). */
export async function showLibrary() {
  fill(document.getElementById('files-table'), note('正在加载…'));
  await documentsReady;
  render();
}

export function setupLibrary() {
  document.getElementById('upload-form').addEventListener('submit', check);
  // With a key entered, every row offers 删除; the server checks the key, and refuses a wrong one with 401.
  const keyInput = document.getElementById('admin-key');
  keyInput.addEventListener('input', function () {
    const had = !!key;
    key = keyInput.value.trim();
    if (had !== !!key) render();
  });
  document.getElementById('upload-file').addEventListener('change', function () {
    checked = null;
    clear(document.getElementById('upload-report'));
  });
}
`;
