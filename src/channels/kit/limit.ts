// Per-user limits for chat channels. Platforms deliver every user's messages from a few servers, so the address
// limit cannot tell users apart; and a platform treats anything but a 200 as a failure (WeChat shows 该公众号暂时
// 无法提供服务 and retries), so being over the limit is a short text reply, not a 429.
import type { RateLimiter } from '../../http/rate-limit.js';
import type { AskFn } from '../../qa/types.js';
import { TEXTS } from './texts.js';

/** `ask`, with each channel user (`channelUser`) limited by `limiter`; undefined limiter means no limit. */
export function limitPerUser(ask: AskFn, limiter: RateLimiter | undefined): AskFn {
  if (!limiter) return ask;
  return async (question, opts = {}) => {
    if (opts.channelUser && limiter.take(`user:${opts.channelUser}`) > 0) {
      return { answer: TEXTS.rateLimited, intent: 'clarify', citations: [], facts: [] };
    }
    return ask(question, opts);
  };
}
