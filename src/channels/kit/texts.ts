// Fixed texts a chat channel sends on its own (welcome, hints, the busy reply); everything else comes from the engine.
// Shared by every channel, so a user gets the same words on 公众号, 企业微信 or a new platform.

export const TEXTS = {
  welcome: [
    '您好，欢迎关注！我可以解答政策条款、补助金额和负责部门等问题，回答都会注明出处。',
    '试试这样问：',
    '1. 新认定的自治区级孵化器给多少钱？',
    '2. 土地这块归谁管？',
    '3. 第十五条讲了什么？',
    '直接发送文字即可。',
  ].join('\n'),
  /** Voice arrived without speech-to-text (not enabled, or it failed). */
  voiceUnrecognized: '暂时无法识别语音，请发送文字提问。',
  /** Images, locations, links, videos, menu clicks: we only answer text. */
  textOnly: '目前只支持文字提问，请直接发送您的问题，例如：新认定的自治区级孵化器给多少钱？',
  emptyQuestion: '请直接发送您想咨询的问题，例如：土地这块归谁管？',
  /** The engine is still working when WeChat's 5-second window closes. */
  pending: '正在查询，请稍后重发问题。',
  /** The engine failed; never a 5xx, which users would see as 该公众号暂时无法提供服务. */
  failed: '抱歉，暂时无法回答这个问题，请稍后再试。',
  /** Over the per-user limit: a reply, since platforms treat anything but a 200 as a failure. */
  rateLimited: '提问太频繁了，请稍等一分钟再问。',
} as const;
