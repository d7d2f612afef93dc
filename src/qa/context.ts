// What one question resolves to before answering: its intent, terms, level and the clauses it is about,
// after follow-up resolution against the session focus.
import type { Level } from './cues.js';
import type { Term } from './terms.js';
import type { Intent } from './types.js';

/** What a session remembers between turns. */
export interface Focus {
  docId: string;
  clause: number;
  /** Subject terms of the turn (surface text). */
  terms: string[];
  level?: Level;
  /** The intent the user asked with (before an out-of-scope verdict). */
  intent: Intent;
  /** Facts already given, so "还有别的吗" lists the others. */
  factIds: string[];
  /** The turn was out of scope: its intent carries over, its (foreign) subject does not. */
  outOfScope?: boolean;
  /** The turn asked a question back: the next reply ("孵化器") answers it with the same intent. */
  clarified?: boolean;
  /** What the asker said about itself to the benefit finder, for follow-ups that add to it (我们还备案了众创空间). */
  profile?: string;
}

export interface Resolved {
  /** Normalised question text. */
  text: string;
  intent: Intent;
  /** The intent the question's own words mark, if any (a follow-up may inherit another). */
  cue?: Intent;
  /** The question's own terms. */
  terms: Term[];
  /** Terms carried over from the focus (weigh less than the question's own). */
  inherited: Term[];
  level?: Level;
  /** Explicit clause reference (第十五条), or the focus clause a pronoun points to. */
  clause?: { docId: string; number: number; explicit: boolean };
  /** The focus clause, preferred but not required. */
  preferClause?: { docId: string; number: number };
  followup: boolean;
  /** Documents the question names (places, issuer, title words), or the conversation's when it names none. */
  docScope?: string[];
  /** "还有别的吗": exclude facts already given. */
  more: boolean;
  exclude: string[];
  figures: string[];
}
