// Every failure the app reports has a code; the HTTP edge maps codes to statuses in one place (app.onError).

export type ErrorCode =
  | 'BAD_REQUEST'
  | 'NOT_FOUND'
  | 'PAYLOAD_TOO_LARGE'
  | 'UNSUPPORTED_MEDIA_TYPE'
  | 'UNAUTHORIZED'
  | 'RATE_LIMITED'
  | 'TIMEOUT'
  | 'NOT_CONFIGURED'
  | 'INDEX_MISSING'
  | 'INDEX_STALE'
  | 'INDEX_MISMATCH'
  | 'INDEX_CORRUPT'
  | 'LLM_FAILED'
  | 'INTERNAL';

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }
}

export const errors = {
  badRequest: (message: string, details?: unknown) => new AppError('BAD_REQUEST', message, details),
  notFound: (message: string) => new AppError('NOT_FOUND', message),
  tooLarge: (message: string) => new AppError('PAYLOAD_TOO_LARGE', message),
  unsupportedMedia: (message: string) => new AppError('UNSUPPORTED_MEDIA_TYPE', message),
  indexMissing: (message: string) => new AppError('INDEX_MISSING', message),
  indexStale: (message: string) => new AppError('INDEX_STALE', message),
  indexMismatch: (message: string) => new AppError('INDEX_MISMATCH', message),
  indexCorrupt: (message: string) => new AppError('INDEX_CORRUPT', message),
};

export const isAppError = (e: unknown, code?: ErrorCode): e is AppError =>
  e instanceof AppError && (code === undefined || e.code === code);

/** HTTP status for each code: the single mapping the edge uses. */
export const STATUS: Record<ErrorCode, number> = {
  BAD_REQUEST: 400,
  UNAUTHORIZED: 401,
  NOT_FOUND: 404,
  PAYLOAD_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  RATE_LIMITED: 429,
  TIMEOUT: 503,
  NOT_CONFIGURED: 404,
  INDEX_MISSING: 503,
  INDEX_STALE: 503,
  INDEX_MISMATCH: 503,
  INDEX_CORRUPT: 503,
  LLM_FAILED: 502,
  INTERNAL: 500,
};
