// The reply budget every chat platform imposes (WeChat waits 5 s, then retries): the reply if it is ready in
// time, else a short "still working" text, while the work goes on for the platform's retry to pick up.

export interface ReplyWithinOptions {
  /** How long to wait for `reply` before sending `pending`. */
  deadlineMs: number;
  /** Sent when the deadline passes first. */
  pending: string;
  /** Keeps the work alive after the response is sent (Workers' ExecutionContext.waitUntil). */
  waitUntil?: (p: Promise<unknown>) => void;
}

const TIMED_OUT = Symbol('timed out');

export async function replyWithin(reply: Promise<string>, opts: ReplyWithinOptions): Promise<string> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const deadline = new Promise<typeof TIMED_OUT>((resolve) => {
    timer = setTimeout(() => resolve(TIMED_OUT), opts.deadlineMs);
  });
  try {
    const text = await Promise.race([reply, deadline]);
    if (text !== TIMED_OUT) return text;
    opts.waitUntil?.(reply);
    return opts.pending;
  } finally {
    clearTimeout(timer);
  }
}
