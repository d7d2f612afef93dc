// Start-up failures an operator reads: each is one coded line (JSON on stdout for the log, plain text on
// stderr for the terminal) with its fix, then exit 1. Never a stack trace for a known cause.
import { createError, ERRORS, isAppError } from '../errors.js';

type Log = (line: Record<string, unknown>) => void;

/** Reads the corpus (or lexicon) through `read`; a missing, unreadable or not-a-folder path is CORPUS_UNREADABLE. */
export async function readingCorpus<T>(dir: string, read: () => T | Promise<T>): Promise<T> {
  try {
    return await read();
  } catch (e) {
    const code = (e as NodeJS.ErrnoException)?.code;
    if (code && /^E[A-Z]+$/.test(code)) throw createError('CORPUS_UNREADABLE', `cannot read the corpus at ${dir}: ${code} ${(e as NodeJS.ErrnoException).path ?? ''}`.trim());
    throw e;
  }
}

/** Logs the coded failure with its fix and exits 1; anything uncoded is rethrown (a bug: its stack is wanted). */
export function exitOnStartFailure(e: unknown, log: Log, fix?: string): never {
  if (!isAppError(e)) throw e;
  const event = e.code.startsWith('INDEX_') ? 'index-unusable' : 'start-failed';
  const howTo = fix ?? (ERRORS[e.code] as { fix?: string }).fix;
  log({ ts: new Date().toISOString(), level: 'fatal', event, code: e.code, message: e.message, fix: howTo });
  process.stderr.write(`policy-qa: ${e.code}: ${e.message}${howTo ? ` (fix: ${howTo})` : ''}\n`);
  process.exit(1);
}
