// Per-user limits for chat channels. Platforms deliver every user's messages from a few servers, so the address
// limit cannot tell users apart; and a platform treats anything but a 200 as a failure (WeChat shows 该公众号暂时
// 无法提供服务 and retries), so the channel turns RATE_LIMITED into a short text reply, not a 429. It is a failure,
// not an answer, so the dedupe store never keeps it: the platform's retry after the limit refills gets the answer.
import { createError } from '../../errors.js';
import type { RateLimiter } from '../../http/rate-limit.js';
import type { AskFn } from '../../qa/types.js';

/** `ask`, with each channel user (`channelUser`) limited by `limiter`; undefined limiter means no limit. */
export function limitPerUser(ask: AskFn, limiter: RateLimiter | undefined): AskFn {
  if (!limiter) return ask;
  return async (question, opts = {}) => {
    const wait = opts.channelUser ? await limiter.take(`user:${opts.channelUser}`) : 0;
    if (wait > 0) throw createError('RATE_LIMITED', `too many questions; retry in ${wait} s`, { retryAfter: wait });
    return ask(question, opts);
  };
}
