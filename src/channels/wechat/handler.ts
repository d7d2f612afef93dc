// Decides the reply text for one decrypted message: canned texts, or the engine within 5 seconds.
import { isAppError } from '../../errors.js';
import type { AskFn } from '../../qa/types.js';
import { replyWithin } from '../kit/deadline.js';
import type { ReplyStore } from '../kit/dedupe.js';
import { formatAnswer } from '../kit/plain-text.js';
import { TEXTS } from '../kit/texts.js';
import type { XmlFields } from './xml.js';

export interface MessageHandlerOptions {
  ask: AskFn;
  /** 'wechat' | 'wecom': the namespace of session and dedupe keys (`wechat:<account>:<openid>`). */
  channel: string;
  /** Reply budget in UTF-8 bytes. */
  maxBytes: number;
  /** How long to wait for the engine before sending the pending hint. */
  replyDeadlineMs: number;
  dedupe: ReplyStore;
  onError?: (err: unknown) => void;
}

export interface HandleContext {
  /** Keeps the engine running after the response is sent (Workers' ExecutionContext.waitUntil). */
  waitUntil?: (p: Promise<unknown>) => void;
}

/** '' means "no reply" (the route answers `success`). */
export type MessageHandler = (msg: XmlFields, ctx?: HandleContext) => Promise<string>;

// System notifications that arrive without the user doing anything; a hint would be spam.
const SILENT_EVENTS = new Set([
  'unsubscribe',
  'location', // reported automatically every few seconds while the chat is open
  'view',
  'view_miniprogram',
  'templatesendjobfinish',
  'masssendjobfinish',
  'enter_agent',
]);

type Plan = { question: string } | { text: string };

export function plan(msg: XmlFields): Plan {
  switch (msg.MsgType) {
    case 'text': {
      const q = (msg.Content ?? '').trim();
      return q ? { question: q } : { text: TEXTS.emptyQuestion };
    }
    case 'voice': {
      const q = (msg.Recognition ?? '').trim();
      return q ? { question: q } : { text: TEXTS.voiceUnrecognized };
    }
    case 'event': {
      const event = (msg.Event ?? '').toLowerCase();
      if (event === 'subscribe') return { text: TEXTS.welcome };
      return { text: SILENT_EVENTS.has(event) ? '' : TEXTS.textOnly };
    }
    default:
      return { text: TEXTS.textOnly };
  }
}

export function createMessageHandler(opts: MessageHandlerOptions): MessageHandler {
  const onError = opts.onError ?? ((err) => console.error(`[${opts.channel}] ask failed`, err));

  return async function handle(msg, ctx = {}) {
    const p = plan(msg);
    if ('text' in p) return p.text;
    const user = msg.FromUserName ?? '';
    const scope = `${opts.channel}:${msg.ToUserName ?? ''}`;
    // Only the platform's own message identity, never the question text: the same words later in the
    // conversation ("这条谁牵头？" after another clause) mean something else and must be answered afresh.
    const msgKey = `${scope}:${msg.MsgId ? `m:${msg.MsgId}` : `e:${user}:${msg.CreateTime ?? ''}`}`;
    const reply = opts.dedupe.getOrStart(msgKey, async () => {
      try {
        // WeChat tries three times, ~5 s each: the engine may use the whole span.
        const answer = await opts.ask(p.question, { channelUser: `${scope}:${user}`, deadlineMs: opts.replyDeadlineMs * 3 });
        return formatAnswer(answer, { maxBytes: opts.maxBytes });
      } catch (err) {
        if (!isAppError(err, 'RATE_LIMITED')) onError(err); // here, not per retry, so one failure is logged once
        throw err;
      }
    });
    // A failure (the limit included) is not stored, so a retry runs again; the user sees a short text either way.
    const text = reply.catch((err) => (isAppError(err, 'RATE_LIMITED') ? TEXTS.rateLimited : TEXTS.failed));
    return replyWithin(text, { deadlineMs: opts.replyDeadlineMs, pending: TEXTS.pending, waitUntil: ctx.waitUntil });
  };
}
