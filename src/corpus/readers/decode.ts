// Bytes → text for the text formats (txt, md, html). Chinese files saved on Windows or by older government CMSs
// are often GBK/GB2312 rather than UTF-8, so a file that is not valid UTF-8 is read as GB18030 (a superset of both)
// instead of being turned into replacement characters.
import { createError } from '../../errors.js';

const BOMS: [bytes: number[], encoding: string][] = [
  [[0xef, 0xbb, 0xbf], 'utf-8'],
  [[0xff, 0xfe], 'utf-16le'],
  [[0xfe, 0xff], 'utf-16be'],
];

/** Labels a page may declare that all mean "read it as GB18030". */
const GB_LABELS = /^(gb2312|gbk|gb18030|x-gbk|cp936|euc-cn)$/i;

function decodeWith(bytes: Uint8Array, encoding: string, fatal: boolean): string | undefined {
  try {
    return new TextDecoder(encoding, { fatal }).decode(bytes);
  } catch {
    return undefined;
  }
}

/**
 * The text of a file, NFC. A byte-order mark wins; then a declared charset (an HTML page's <meta charset>); then
 * UTF-8 if the bytes are valid UTF-8; then GB18030. Bytes that are none of these (a binary file with a .txt name)
 * are DOC_UNREADABLE.
 */
export function decodeText(bytes: Uint8Array, declared?: string): string {
  for (const [bom, encoding] of BOMS) {
    if (bom.every((b, i) => bytes[i] === b)) {
      const text = decodeWith(bytes.subarray(bom.length), encoding, false);
      if (text !== undefined) return text.normalize('NFC');
    }
  }
  const order = declared && GB_LABELS.test(declared) ? ['gb18030', 'utf-8'] : ['utf-8', 'gb18030'];
  for (const encoding of order) {
    const text = decodeWith(bytes, encoding, true);
    if (text !== undefined && !looksBinary(text)) return text.normalize('NFC');
  }
  throw createError('DOC_UNREADABLE', 'the file is not text in UTF-8 or GBK');
}

/** NUL and other C0 controls (besides tab, newline, carriage return, form feed) do not occur in real text files. */
function looksBinary(text: string): boolean {
  const sample = text.slice(0, 4096);
  let controls = 0;
  for (let i = 0; i < sample.length; i++) {
    const c = sample.charCodeAt(i);
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0d && c !== 0x0c) controls++;
  }
  return controls > 0 && controls >= sample.length / 100;
}

/** The charset an HTML page declares in its first 2 KB (<meta charset> or http-equiv), read without decoding. */
export function declaredCharset(bytes: Uint8Array): string | undefined {
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 2048));
  return head.match(/<meta[^>]+charset\s*=\s*["']?\s*([\w-]+)/i)?.[1];
}
