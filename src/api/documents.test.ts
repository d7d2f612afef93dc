// The document routes' edge: who may change documents, what a request must look like, and the runtime without an
// admin (the Worker). The admin itself is faked here; src/node/document-admin.test.ts runs the real one.
import { describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { createError } from '../errors.js';
import type { DocumentReport } from '../index/build-report.js';
import { createRuntime } from '../runtime.js';
import { seedKnowledgeBase } from '../testing/fixtures.js';
import type { DocumentAdmin } from './documents.js';

const report = { docId: 'new-doc', clauses: 3 } as DocumentReport;
function appWith(admin: DocumentAdmin | undefined, env: Record<string, string> = { ADMIN_KEYS: 'ops:correct-horse-battery' }) {
  const calls: unknown[] = [];
  const spy: DocumentAdmin | undefined = admin && {
    add: async (file, opts) => (calls.push({ ...opts, fileName: file.fileName, bytes: file.bytes.length }), admin.add(file, opts)),
    remove: async (docId, actor) => (calls.push({ docId, actor }), admin.remove(docId, actor)),
  };
  const { app } = createRuntime({ kb: seedKnowledgeBase(), config: configFromEnv({ RATE_LIMIT_PER_MIN: '0', UPLOAD_MAX_BYTES: '1000', ...env }), documents: spy, logError: () => {} });
  return { app, calls };
}
const fake: DocumentAdmin = {
  add: async (_f, o) => ({ report, dryRun: o.dryRun }),
  remove: async (docId) => {
    if (docId !== 'new-doc') throw createError('DOC_NOT_FOUND');
    return { docId, file: 'new-doc.txt' };
  },
};
const auth = { authorization: 'Bearer correct-horse-battery' };
const upload = (body: unknown, headers: Record<string, string> = auth, query = '') =>
  new Request(`http://local/api/documents${query}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
const b64 = (s: string) => Buffer.from(s).toString('base64');

describe('POST /api/documents', () => {
  it('takes a base64 file from an admin key and returns the build report (201), naming the key id to the admin', async () => {
    const { app, calls } = appWith(fake);
    const res = await app.request(upload({ fileName: 'new-doc.txt', contentBase64: b64('一、总则') }));
    expect(res.status).toBe(201);
    expect((await res.json()).report).toEqual(report);
    expect(calls).toEqual([{ dryRun: false, actor: 'ops', fileName: 'new-doc.txt', bytes: 12 }]);
  });

  it('takes a multipart file too, and ?dryRun=1 asks for the report only', async () => {
    const { app, calls } = appWith(fake);
    const form = new FormData();
    form.set('file', new File([new Uint8Array([0x25, 0x50, 0x44, 0x46])], 'policy.pdf'));
    const res = await app.request(new Request('http://local/api/documents?dryRun=1', { method: 'POST', headers: auth, body: form }));
    expect(res.status).toBe(200);
    expect(calls).toEqual([{ dryRun: true, actor: 'ops', fileName: 'policy.pdf', bytes: 4 }]);
  });

  it('refuses without a key (401), with a wrong one (401), and when no admin key is set at all (403)', async () => {
    const { app, calls } = appWith(fake);
    expect((await app.request(upload({ fileName: 'a.txt', contentBase64: b64('x') }, {}))).status).toBe(401);
    const wrong = await app.request(upload({ fileName: 'a.txt', contentBase64: b64('x') }, { authorization: 'Bearer correct-horse-batterz' }));
    expect(wrong.status).toBe(401);
    expect((await wrong.json()).error.code).toBe('ADMIN_KEY_REQUIRED');
    const off = appWith(fake, {});
    const res = await off.app.request(upload({ fileName: 'a.txt', contentBase64: b64('x') }));
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('ADMIN_DISABLED');
    expect(calls).toEqual([]);
  });

  it('answers 501 with the ingestion step where the runtime cannot change documents (the Worker)', async () => {
    const { app } = appWith(undefined);
    const res = await app.request(upload({ fileName: 'a.txt', contentBase64: b64('x') }));
    expect(res.status).toBe(501);
    expect((await res.json()).error.code).toBe('UPLOAD_NOT_SUPPORTED');
  });

  it('refuses bad requests with a 4xx before the admin sees them: path-like names, unknown formats, empty and oversized files', async () => {
    const { app, calls } = appWith(fake);
    for (const fileName of ['../corpus/x.txt', 'x.exe', '', 'a/b.pdf']) expect((await app.request(upload({ fileName, contentBase64: b64('x') }))).status).toBe(400);
    expect((await app.request(upload({ fileName: 'a.txt', contentBase64: '' }))).status).toBe(422);
    expect((await app.request(upload({ fileName: 'a.txt', contentBase64: b64('x'.repeat(1001)) }))).status).toBe(413);
    expect((await app.request(upload({ fileName: 'a.txt', contentBase64: '***' }))).status).toBe(400);
    expect((await app.request(upload('{not json'))).status).toBe(400);
    expect(calls).toEqual([]);
  });
});

describe('DELETE /api/documents/:docId', () => {
  it('removes for an admin key, 404s an unknown document, 401s without a key', async () => {
    const { app } = appWith(fake);
    const del = (id: string, headers: Record<string, string> = auth) => app.request(new Request(`http://local/api/documents/${id}`, { method: 'DELETE', headers }));
    expect((await del('new-doc')).status).toBe(200);
    expect((await del('other')).status).toBe(404);
    expect((await del('new-doc', {})).status).toBe(401);
  });
});

describe('document changes have their own time budget', () => {
  const slow = (ms: number): DocumentAdmin => ({
    add: async (_f, o) => (await new Promise((r) => setTimeout(r, ms)), { report, dryRun: o.dryRun }),
    remove: async (docId) => (await new Promise((r) => setTimeout(r, ms)), { docId, file: `${docId}.txt` }),
  });
  it('a publish that rebuilds longer than a question may take is still answered (201), not reported as a timeout', async () => {
    const { app } = appWith(slow(120), { ADMIN_KEYS: 'ops:correct-horse-battery', REQUEST_TIMEOUT_MS: '30', DOCUMENT_TIMEOUT_MS: '5000' });
    expect((await app.request(upload({ fileName: 'new-doc.txt', contentBase64: b64('一、总则') }))).status).toBe(201);
    const del = await app.request(new Request('http://local/api/documents/new-doc', { method: 'DELETE', headers: auth }));
    expect(del.status).toBe(200);
  });
  it('past its own budget it answers TIMEOUT (503)', async () => {
    const { app } = appWith(slow(200), { ADMIN_KEYS: 'ops:correct-horse-battery', REQUEST_TIMEOUT_MS: '5000', DOCUMENT_TIMEOUT_MS: '30' });
    const res = await app.request(upload({ fileName: 'new-doc.txt', contentBase64: b64('一、总则') }));
    expect(res.status).toBe(503);
    expect((await res.json()).error.code).toBe('TIMEOUT');
  });
});
