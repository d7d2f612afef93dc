// Adding, replacing and removing documents while the service answers: POST /api/documents (multipart file, or JSON
// { fileName, contentBase64 }; ?dryRun=1 for the report only) and DELETE /api/documents/:docId, for admin keys only.
// The runtime supplies the DocumentAdmin that reads, parses, indexes and swaps; a runtime without one (the Worker)
// answers 501 with the step that does it there.
import { Hono } from 'hono';
import type { Config } from '../config.js';
import { createError } from '../errors.js';
import type { AppEnv } from '../http/request-scope.js';
import type { DocumentReport } from '../index/build-report.js';

export interface DocumentAdmin {
  /** Reads, parses and (unless dryRun) indexes the file and swaps it in; throws a coded error for a bad file. */
  add(file: { fileName: string; bytes: Uint8Array }, opts: { dryRun: boolean; actor: string }): Promise<{ report: DocumentReport; replaced?: string; dryRun: boolean }>;
  remove(docId: string, actor: string): Promise<{ docId: string; file: string }>;
}

export interface DocumentRouteDeps {
  admin?: DocumentAdmin;
  config: Pick<Config, 'adminKeys' | 'uploadMaxBytes'>;
}

/** Compares in time independent of where the strings differ. */
function sameSecret(a: string, b: string): boolean {
  let diff = a.length ^ b.length;
  for (let i = 0; i < Math.max(a.length, b.length); i++) diff |= (a.charCodeAt(i) || 0) ^ (b.charCodeAt(i) || 0);
  return diff === 0;
}

const FILE_NAME = /^[^/\\\u0000-\u001f]{1,120}\.(?:txt|md|html?|docx|pdf)$/i;

export function createDocumentRoutes(deps: DocumentRouteDeps) {
  const app = new Hono<AppEnv>();
  /** The key id of an admin request; throws for anyone else. */
  const actor = (header: string | undefined): string => {
    if (!deps.admin) throw createError('UPLOAD_NOT_SUPPORTED');
    if (!deps.config.adminKeys.length) throw createError('ADMIN_DISABLED');
    const secret = header?.match(/^Bearer\s+(.+)$/i)?.[1]?.trim();
    const key = secret ? deps.config.adminKeys.find((k) => sameSecret(k.secret, secret)) : undefined;
    if (!key) throw createError('ADMIN_KEY_REQUIRED');
    return key.id;
  };

  app.post('/api/documents', async (c) => {
    const who = actor(c.req.header('authorization'));
    const dryRun = ['1', 'true'].includes(c.req.query('dryRun') ?? '');
    const type = c.req.header('content-type') ?? '';
    let fileName: unknown;
    let bytes: Uint8Array;
    if (/^multipart\/form-data/i.test(type)) {
      const form = await c.req.formData().catch(() => {
        throw createError('BAD_REQUEST', 'the multipart body could not be read');
      });
      const file = form.get('file');
      if (!file || typeof file === 'string') throw createError('BAD_REQUEST', 'send the document as the form field "file"');
      fileName = (form.get('fileName') as string | null) ?? file.name;
      bytes = new Uint8Array(await file.arrayBuffer());
    } else {
      const body = (await c.req.json().catch(() => {
        throw createError('BAD_JSON');
      })) as { fileName?: unknown; contentBase64?: unknown };
      fileName = body?.fileName;
      if (typeof body?.contentBase64 !== 'string' || !/^[A-Za-z0-9+/=\s]*$/.test(body.contentBase64)) throw createError('BAD_REQUEST', 'contentBase64 must be the file, base64-encoded');
      bytes = Uint8Array.from(atob(body.contentBase64.replace(/\s+/g, '')), (ch) => ch.charCodeAt(0));
    }
    if (typeof fileName !== 'string' || !FILE_NAME.test(fileName)) throw createError('BAD_REQUEST', 'fileName must be a plain file name ending in .txt, .md, .html, .docx or .pdf');
    if (!bytes.length) throw createError('DOC_EMPTY');
    if (bytes.length > deps.config.uploadMaxBytes) throw createError('DOC_TOO_LARGE', `the file is ${bytes.length} bytes; the limit is ${deps.config.uploadMaxBytes}`);
    const result = await deps.admin!.add({ fileName, bytes }, { dryRun, actor: who });
    return c.json(result, dryRun ? 200 : result.replaced ? 200 : 201);
  });

  app.delete('/api/documents/:docId', async (c) => {
    const who = actor(c.req.header('authorization'));
    const docId = c.req.param('docId');
    if (!/^[A-Za-z0-9_.-]{1,128}$/.test(docId)) throw createError('BAD_REQUEST', 'docId must be 1-128 characters of A-Z a-z 0-9 _ . -');
    return c.json(await deps.admin!.remove(docId, who), 200);
  });
  return app;
}
