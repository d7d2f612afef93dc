// Greetings and help requests, read with the lexicon's question language.
import type { Language } from './language.js';

/** A greeting or help request that asks about nothing else (the caller checks for subject terms). */
export function hasGreeting(lang: Language, text: string): boolean {
  return text.length <= 30 && lang.greeting.test(text);
}
