// Reading WeChat's flat XML safely, and writing the two reply shapes docs/wechat-protocol.md fixes.
import { XMLParser } from 'fast-xml-parser';
import { createError } from '../../errors.js';

/** Real callbacks are under 2 KB; anything near this is abuse. */
export const MAX_BODY_BYTES = 64 * 1024;

/** Top-level string fields of a message; nested elements (ScanCodeInfo, SendPicsInfo …) are dropped. */
export type XmlFields = Record<string, string>;

// DTDs are how XXE and billion-laughs attacks get in; WeChat never sends one, so refuse before parsing.
const DTD = /<!\s*(DOCTYPE|ENTITY)/i;
const FIELD = /^[A-Za-z][A-Za-z0-9_]*$/;

const parser = new XMLParser({
  // Text is decoded exactly once (&lt; → <, &amp;lt; → &lt;, &#20013; → 中); CDATA is left as written. No DTD can
  // define new entities because we refuse DTDs above.
  processEntities: true,
  htmlEntities: true,
  // Keep MsgId etc. as strings: 4561255354251345929 is beyond Number.MAX_SAFE_INTEGER.
  parseTagValue: false,
  ignoreAttributes: true,
  ignoreDeclaration: true,
  ignorePiTags: true,
  // Trims the whitespace between elements; CDATA content (the user's text) is left as is.
  trimValues: true,
});

export function parseXml(body: string): XmlFields {
  if (byteLength(body) > MAX_BODY_BYTES) throw createError('PAYLOAD_TOO_LARGE');
  if (DTD.test(body)) throw createError('WECHAT_XML_ENTITY', 'DOCTYPE/ENTITY not allowed');
  let doc: unknown;
  try {
    doc = parser.parse(body, true);
  } catch (e) {
    throw createError('WECHAT_BAD_XML', e instanceof Error ? e.message : 'malformed XML');
  }
  const root = (doc as Record<string, unknown> | undefined)?.xml;
  if (root === '') return {};
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw createError('WECHAT_BAD_XML', 'root element <xml> expected');
  const out: XmlFields = {};
  for (const [name, value] of Object.entries(root)) {
    if (!FIELD.test(name)) continue;
    // Two <Encrypt> (or <Content>) elements would let the signed and the used value differ.
    if (Array.isArray(value)) throw createError('WECHAT_BAD_XML', `duplicate <${name}>`);
    if (typeof value === 'string') out[name] = value;
  }
  return out;
}

/** Wraps text in CDATA; `]]>` inside is split across two sections, the only way to carry it. */
export function cdata(text: string): string {
  return `<![CDATA[${stripInvalidXmlChars(text).replaceAll(']]>', ']]]]><![CDATA[>')}]]>`;
}

export interface TextReply {
  /** The user (the incoming FromUserName). */
  toUser: string;
  /** The account (the incoming ToUserName). */
  fromUser: string;
  /** Seconds. */
  createTime: number;
  content: string;
}

export function textReplyXml(r: TextReply): string {
  return (
    `<xml><ToUserName>${cdata(r.toUser)}</ToUserName><FromUserName>${cdata(r.fromUser)}</FromUserName>` +
    `<CreateTime>${Math.floor(r.createTime)}</CreateTime><MsgType><![CDATA[text]]></MsgType>` +
    `<Content>${cdata(r.content)}</Content></xml>`
  );
}

export interface EncryptedEnvelope {
  encrypt: string;
  msgSignature: string;
  /** Seconds; must be the one msgSignature was computed with. */
  timestamp: number;
  nonce: string;
}

export function encryptedReplyXml(e: EncryptedEnvelope): string {
  return (
    `<xml><Encrypt>${cdata(e.encrypt)}</Encrypt><MsgSignature>${cdata(e.msgSignature)}</MsgSignature>` +
    `<TimeStamp>${Math.floor(e.timestamp)}</TimeStamp><Nonce>${cdata(e.nonce)}</Nonce></xml>`
  );
}

export function byteLength(s: string): number {
  return new TextEncoder().encode(s).length;
}

/** XML 1.0 forbids most C0 controls even inside CDATA; a stray one would make WeChat drop the reply. */
function stripInvalidXmlChars(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}
