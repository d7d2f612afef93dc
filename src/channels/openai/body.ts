// Reads a chat request body: JSON content type, bounded size, parseable. Runs before any validation.
import { OpenAIError } from './errors.js';

/** A long conversation with its history still fits easily; anything bigger is a mistake or an attack. */
export const MAX_BODY_BYTES = 64 * 1024;

const JSON_TYPE = /^application\/(?:[\w.+-]+\+)?json\b/i;

/**
 * The parsed JSON body. The size is refused by the declared Content-Length and again while reading, so a lying
 * or absent header cannot make us buffer more than `maxBytes`.
 */
export async function readJsonBody(req: Request, maxBytes = MAX_BODY_BYTES): Promise<unknown> {
  if (!JSON_TYPE.test(req.headers.get('content-type') ?? '')) {
    throw new OpenAIError('unsupported_media_type', 'Send the request body as application/json.');
  }
  const declared = Number(req.headers.get('content-length') ?? '');
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  const text = await readLimited(req, maxBytes);
  try {
    return JSON.parse(text);
  } catch {
    throw new OpenAIError('invalid_json', 'We could not parse the JSON body of your request.');
  }
}

async function readLimited(req: Request, maxBytes: number): Promise<string> {
  if (!req.body) return '';
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  const all = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  // Invalid UTF-8 becomes U+FFFD; JSON.parse or the question checks then decide, never a crash.
  return new TextDecoder().decode(all);
}

const tooLarge = (maxBytes: number) => new OpenAIError('request_too_large', `Request bodies are limited to ${maxBytes} bytes.`);
