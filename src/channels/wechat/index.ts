// Public surface of the WeChat Official Account / WeCom callback channel.
export { createWechatRoutes, createWecomRoutes, type WechatRoutesDeps, type WecomRoutesDeps } from './routes.js';
export { createCipher, signature, type Cipher, type CipherOptions } from './crypto.js';
export { createDedupeStore, type ReplyStore, type DedupeOptions } from './dedupe.js';
export { formatAnswer, WECHAT_MAX_BYTES, WECOM_MAX_BYTES, type FormatOptions } from './format.js';
export { parseXml, textReplyXml, encryptedReplyXml, MAX_BODY_BYTES, type XmlFields } from './xml.js';
export { WechatError, statusOf, type WechatErrorCode } from './errors.js';
export { TEXTS } from './texts.js';
