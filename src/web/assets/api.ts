// Browser module /assets/api.js: the JSON API the console reads. Reference data is fetched once per page.
export const API_JS = String.raw`
async function request(path, init) {
  let res;
  try {
    res = await fetch(path, init);
  } catch (e) {
    throw new Error('无法连接服务，请检查网络后重试');
  }
  const body = await res.json().catch(function () { return null; });
  if (res.status === 429) throw failure('请求太频繁，请 ' + (res.headers.get('retry-after') || '几') + ' 秒后再试', res, body);
  if (res.status === 503) throw failure('服务繁忙，请稍后再试', res, body);
  if (!res.ok) throw failure((body && body.error && body.error.message) || '请求失败（' + res.status + '）', res, body);
  return body;
}

/** An Error that keeps the catalog's code and detail, so a view can say in its own words what went wrong. */
function failure(message, res, body) {
  const e = new Error(message);
  const error = (body && body.error) || {};
  e.status = res.status;
  e.code = error.code;
  e.detail = error.detail;
  return e;
}

const cache = new Map();
function once(key, load) {
  if (!cache.has(key)) {
    // A failed load is forgotten, so switching tabs again retries instead of showing the old error forever.
    cache.set(key, load().catch(function (e) { cache.delete(key); throw e; }));
  }
  return cache.get(key);
}

/** docId scopes the question to one document; without it the server answers from all of them. */
export function ask(question, sessionId, docId) {
  const body = { question: question };
  if (sessionId) body.sessionId = sessionId;
  if (docId) body.docId = docId;
  return request('/api/ask', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
}

const query = function (params) {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v) q.set(k, v);
  const s = q.toString();
  return s ? '?' + s : '';
};

/** Drop every cached list: the library changed (a document was published or removed). */
export function forget() { cache.clear(); }

const bearer = function (key) { return { authorization: 'Bearer ' + key }; };

/** Upload a file for the admin key: dryRun returns the build report and changes nothing. */
export function uploadDocument(file, key, dryRun) {
  const form = new FormData();
  form.append('file', file, file.name);
  return request('/api/documents' + (dryRun ? '?dryRun=1' : ''), { method: 'POST', headers: bearer(key), body: form });
}

export function removeDocument(docId, key) {
  return request('/api/documents/' + encodeURIComponent(docId), { method: 'DELETE', headers: bearer(key) });
}

export const documents = function () { return once('documents', function () { return request('/api/documents'); }); };
/** Every clause, or one document's (docId). */
export const clauses = function (docId) { return once('clauses:' + (docId || ''), function () { return request('/api/clauses' + query({ docId: docId })); }); };
export const departments = function () { return once('departments', function () { return request('/api/departments'); }); };
/** Every amount, or one document's (docId). */
export const amounts = function (docId) { return once('amounts:' + (docId || ''), function () { return request('/api/facts' + query({ type: 'amount', docId: docId })); }); };

export function clause(docId, number) {
  return once('clause:' + docId + '#' + number, function () {
    return request('/api/clauses/' + encodeURIComponent(docId) + '/' + encodeURIComponent(number));
  });
}

export function search(q, limit) {
  return request('/api/search' + query({ q: q, limit: String(limit || 20) }));
}

/** Every department name, for highlighting them wherever they appear. Empty if the list cannot load. */
export function departmentNames() {
  return departments().then(function (ds) { return ds.map(function (d) { return d.name; }); }, function () { return []; });
}
`;
