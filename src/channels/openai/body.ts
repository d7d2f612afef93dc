// Reads a chat request body: JSON content type, bounded size, parseable. Runs before any validation.
import { readBoundedBytes } from '../../http/read-body.js';
import { requireUtf8 } from '../../http/utf8.js';
import { createError } from '../../errors.js';

/** A long conversation with its history still fits easily; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * The parsed JSON body. The size is refused by the declared Content-Length and again while reading, so a lying
 * or absent header cannot make us buffer more than `maxBytes`.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers.get('content-type') ?? '')) {
    throw createError('UNSUPPORTED_MEDIA_TYPE', 'Send the request body as application/json.');
  }
  const bytes = await readBoundedBytes(req, maxBytes);
  if (!bytes) throw tooLarge(maxBytes);
  // Invalid UTF-8 is refused (400), never decoded to U+FFFD and answered as a question.
  const text = requireUtf8(bytes);
  try {
    return JSON.parse(text);
  } catch {
    throw createError('BAD_JSON', 'We could not parse the JSON body of your request.');
  }
}

const tooLarge = (maxBytes: number) => createError('PAYLOAD_TOO_LARGE', `Request bodies are limited to ${maxBytes} bytes.`);
