// Request bodies must be UTF-8: a lenient decoder turns bad bytes into U+FFFD, and a question made of those
// would be answered. The edges refuse it as BAD_ENCODING (400) instead.
import { createError } from '../errors.js';

const strict = new TextDecoder('utf-8', { fatal: true });

/** The body as text; throws BAD_ENCODING for bytes that are not UTF-8. */
export function requireUtf8(bytes: ArrayBuffer | Uint8Array): string {
  try {
    return strict.decode(bytes);
  } catch {
    throw createError('BAD_ENCODING', 'the body is not valid UTF-8');
  }
}
