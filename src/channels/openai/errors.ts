// OpenAI's error envelope for the catalog's codes (src/errors.ts): the shape the official clients parse into
// their typed errors. This channel formats codes; it defines none of its own.
import { ERRORS, type AppError } from '../../errors.js';

/**
 * `{ error: { message, type, param, code } }`. OpenAI itself reports auth failures as `invalid_request_error` too,
 * so every 4xx gets that type.
 */
export function openaiErrorBody(err: AppError) {
  const entry: { openai?: string } = ERRORS[err.code] as { openai?: string };
  return {
    error: {
      message: err.message,
      type: err.status < 500 ? 'invalid_request_error' : 'server_error',
      param: err.details?.param ?? null,
      code: entry.openai ?? err.code.toLowerCase(),
    },
  };
}
