// Public surface of the WeChat Official Account / WeCom callback channel.
export { createWechatRoutes, createWecomRoutes, type WechatRoutesDeps, type WecomRoutesDeps } from './routes.js';
export { createCipher, signature, type Cipher, type CipherOptions } from './crypto.js';
export { WECHAT_MAX_BYTES, WECOM_MAX_BYTES } from './routes.js';
export { parseXml, textReplyXml, encryptedReplyXml, MAX_BODY_BYTES, type XmlFields } from './xml.js';
