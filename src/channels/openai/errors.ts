// The OpenAI error envelope, and the one place this channel maps its failure codes to HTTP statuses.

export type OpenAIErrorCode =
  /** Missing, malformed or unknown bearer key. */
  | 'invalid_api_key'
  /** Body is not parseable JSON. */
  | 'invalid_json'
  /** JSON that does not have the shape of a chat request, or a question we will not answer as sent. */
  | 'invalid_request'
  | 'unsupported_media_type'
  | 'request_too_large'
  | 'unknown_url'
  | 'model_not_found'
  /** The engine failed (index missing, timeout, a bug behind ask()): worth a retry later. */
  | 'engine_unavailable'
  /** The optional LLM writer failed upstream. */
  | 'upstream_failed'
  /** A bug in this channel itself. */
  | 'internal_error';

const STATUS: Record<OpenAIErrorCode, 400 | 401 | 404 | 413 | 415 | 500 | 502 | 503> = {
  invalid_api_key: 401,
  invalid_json: 400,
  invalid_request: 400,
  unsupported_media_type: 415,
  request_too_large: 413,
  unknown_url: 404,
  model_not_found: 404,
  engine_unavailable: 503,
  upstream_failed: 502,
  internal_error: 500,
};

export class OpenAIError extends Error {
  constructor(
    readonly code: OpenAIErrorCode,
    message: string,
    /** The request field at fault, e.g. `messages[2].content`; OpenAI clients show it beside the message. */
    readonly param: string | null = null,
  ) {
    super(message);
    this.name = 'OpenAIError';
  }

  get status() {
    return STATUS[this.code];
  }
}

/**
 * `{ error: { message, type, param, code } }`, the shape the official clients parse into their typed errors.
 * OpenAI itself reports auth failures as `invalid_request_error` too, so every 4xx gets that type.
 */
export function errorBody(err: OpenAIError) {
  return {
    error: {
      message: err.message,
      type: err.status < 500 ? 'invalid_request_error' : 'server_error',
      param: err.param,
      code: err.code,
    },
  };
}
