// The one error catalog (in the style of Orama's errors.ts): every failure the service reports has a code here,
// with its HTTP status and default message. Code throws createError(code); the edges (app.onError, the WeChat
// callback routes, the OpenAI routes) format the same codes in their own shapes and nowhere else.

interface Entry {
  status: 400 | 401 | 403 | 404 | 409 | 413 | 415 | 422 | 429 | 500 | 501 | 502 | 503;
  message: string;
  /** The code OpenAI-compatible clients see (`error.code`), where it differs from ours. */
  openai?: string;
  /** One line on how to fix it, for start-up failures an operator reads. */
  fix?: string;
}

export const ERRORS = {
  // Requests
  BAD_REQUEST: { status: 400, message: 'bad request', openai: 'invalid_request' },
  BAD_JSON: { status: 400, message: 'the body is not valid JSON', openai: 'invalid_json' },
  /** Invalid UTF-8 would reach the engine as U+FFFD: refused, never answered. */
  BAD_ENCODING: { status: 400, message: 'the body is not valid UTF-8', openai: 'invalid_encoding' },
  UNAUTHORIZED: { status: 401, message: 'missing or unknown API key', openai: 'invalid_api_key' },
  NOT_FOUND: { status: 404, message: 'not found', openai: 'unknown_url' },
  MODEL_NOT_FOUND: { status: 404, message: 'no such model', openai: 'model_not_found' },
  PAYLOAD_TOO_LARGE: { status: 413, message: 'the body is too large', openai: 'request_too_large' },
  UNSUPPORTED_MEDIA_TYPE: { status: 415, message: 'send the body as application/json', openai: 'unsupported_media_type' },
  RATE_LIMITED: { status: 429, message: 'too many requests', openai: 'rate_limit_exceeded' },
  TIMEOUT: { status: 503, message: 'the request took too long', openai: 'engine_unavailable' },
  /** The index is still loading, or its self-check question has not answered yet. */
  NOT_READY: { status: 503, message: 'starting up; not ready to answer yet', openai: 'engine_unavailable', fix: 'the self-check question did not answer from the index: check the corpus, then run npm run build:index' },
  /** After SIGTERM: in-flight requests finish, new ones are refused until the process exits. */
  SHUTTING_DOWN: { status: 503, message: 'shutting down; retry on another instance', openai: 'engine_unavailable' },
  // The engine and its optional model
  ENGINE_UNAVAILABLE: { status: 503, message: 'the policy engine is unavailable right now; please retry', openai: 'engine_unavailable' },
  LLM_FAILED: { status: 502, message: 'the answer writer failed; please retry', openai: 'upstream_failed' },
  INTERNAL: { status: 500, message: 'internal error', openai: 'internal_error' },
  // The index: each stops the start (Node) or answers 503 (Worker) rather than answer from it
  INDEX_MISSING: { status: 503, message: 'no index', fix: 'run npm run build:index' },
  INDEX_STALE: { status: 503, message: 'the index was built from another corpus or dictionary', fix: 'run npm run build:index' },
  INDEX_MISMATCH: { status: 503, message: 'the index was built by another format or embedder', fix: 'delete the index folder or run npm run build:index' },
  INDEX_CORRUPT: { status: 503, message: 'the index is damaged', fix: 'delete the index folder or run npm run build:index' },
  INDEX_EMPTY: { status: 503, message: 'the index holds no documents', fix: 'put the policy documents (.txt/.md) in the corpus folder, then run npm run build:index' },
  // Start-up: each stops the Node entry with one line naming the fix
  PORT_IN_USE: { status: 500, message: 'the port is already in use', fix: 'stop the other instance, or set PORT to a free port' },
  LISTEN_FAILED: { status: 500, message: 'could not listen on HOST:PORT', fix: 'check HOST and PORT (ports below 1024 need privileges)' },
  CORPUS_UNREADABLE: { status: 500, message: 'the corpus folder cannot be read', fix: 'check CORPUS_DIR exists and is readable by this user' },
  DATA_DIR_UNWRITABLE: { status: 500, message: 'the data folder cannot be written', fix: 'make the folder writable by this user, or point INDEX_DIR / SESSIONS_DB elsewhere' },
  CONFIG_INVALID: { status: 500, message: 'a setting is invalid', fix: 'correct the environment variable named in the message' },
  LEXICON_INVALID: { status: 500, message: 'a lexicon file under corpus/lexicon is invalid', fix: 'correct the file and key named in the message' },
  // Documents (src/corpus/readers/): a file that cannot become blocks. Each says what to do about it, since staff
  // uploading a file read these messages.
  DOC_UNSUPPORTED_FORMAT: { status: 415, message: 'this file type cannot be read; use .txt, .md, .html, .docx or .pdf' },
  DOC_TOO_LARGE: { status: 413, message: 'the document is over the size or page limit' },
  /** A DOCX whose parts expand to far more than any real document (a zip bomb). */
  DOC_ZIP_BOMB: { status: 413, message: 'the DOCX expands to more than the limit; it is not read' },
  DOC_SCANNED_PDF: { status: 422, message: '扫描版 PDF，没有文字层，请先 OCR' },
  DOC_ENCRYPTED: { status: 422, message: 'the document is password-protected; remove the password and upload it again' },
  DOC_UNREADABLE: { status: 422, message: 'the document is damaged or not what its extension says' },
  /** Reading took longer than the limit (a malformed or endless PDF). */
  DOC_PARSE_TIMEOUT: { status: 422, message: 'the document took too long to read' },
  DOC_EMPTY: { status: 422, message: 'the document holds no text' },
  DOC_NO_CLAUSES: { status: 422, message: 'the document yields no clauses' },
  DOC_NOT_FOUND: { status: 404, message: 'no such document' },
  DOC_DUPLICATE: { status: 409, message: 'this document is already in the library' },
  DOC_LAST: { status: 409, message: 'the last document cannot be removed; add another first' },
  ADMIN_DISABLED: { status: 403, message: 'document changes are off here', fix: 'set ADMIN_KEYS (id:secret, comma-separated) to allow them' },
  ADMIN_KEY_REQUIRED: { status: 401, message: 'send an admin key: Authorization: Bearer <secret>' },
  UPLOAD_NOT_SUPPORTED: {
    status: 501,
    message: 'documents cannot be uploaded to this runtime: add the file to corpus/, run npm run build:worker (or npm run vectorize:ingest for Vectorize), then deploy',
  },
  // WeChat / WeCom callbacks. Authentication failures are all 401 without detail, so a prober cannot tell a bad
  // signature from a bad key or a wrong receive id.
  WECHAT_NOT_CONFIGURED: { status: 503, message: 'channel not configured' },
  WECHAT_BAD_SIGNATURE: { status: 401, message: 'signature did not match' },
  WECHAT_STALE_TIMESTAMP: { status: 401, message: 'timestamp too far from our clock' },
  WECHAT_DECRYPT_FAILED: { status: 401, message: 'ciphertext could not be decrypted' },
  WECHAT_RECEIVEID_MISMATCH: { status: 401, message: 'message for another appid or corpid' },
  /** Safe mode (安全模式): a plaintext message is refused, since its body carries no signature. */
  WECHAT_ENCRYPTION_REQUIRED: { status: 401, message: 'safe mode accepts encrypted messages only' },
  /** A signed URL used again with another body: a captured callback being replayed. */
  WECHAT_REPLAY: { status: 401, message: 'this signed request was already used' },
  WECHAT_BAD_XML: { status: 400, message: 'not well-formed XML, or a required field is missing' },
  /** A DOCTYPE or ENTITY declaration (XXE, billion laughs): never parsed. */
  WECHAT_XML_ENTITY: { status: 400, message: 'XML declarations are not accepted' },
} as const satisfies Record<string, Entry>;

export type ErrorCode = keyof typeof ERRORS;

export class AppError extends Error {
  readonly status: Entry['status'];
  constructor(
    readonly code: ErrorCode,
    message?: string,
    /** Extra context for the edge: e.g. the request field at fault (`param`) for OpenAI clients. */
    readonly details?: { param?: string | null; [key: string]: unknown },
  ) {
    super(message ?? ERRORS[code].message);
    this.name = 'AppError';
    this.status = ERRORS[code].status;
  }
}

/** The one way to make a coded failure. */
export const createError = (code: ErrorCode, message?: string, details?: AppError['details']) => new AppError(code, message, details);

export const isAppError = (e: unknown, code?: ErrorCode): e is AppError =>
  e instanceof AppError && (code === undefined || e.code === code);

/**
 * Any thrown value as a coded error, for the edges. Framework exceptions (Hono's HTTPException for a malformed
 * JSON body) carry only a status; anything else is INTERNAL, and its message is never shown to clients.
 */
export function toAppError(e: unknown): AppError {
  if (e instanceof AppError) return e;
  const status = (e as { status?: unknown; getResponse?: unknown } | null)?.getResponse ? (e as { status: number }).status : undefined;
  if (status === 413) return createError('PAYLOAD_TOO_LARGE');
  if (status === 415) return createError('UNSUPPORTED_MEDIA_TYPE');
  if (status !== undefined && status >= 400 && status < 500) return createError('BAD_REQUEST', (e as Error).message || undefined);
  return createError('INTERNAL');
}

/** The JSON API's error body. */
export const errorBody = (e: Pick<AppError, 'code' | 'message'>) => ({ error: { code: e.code, message: e.message } });
