// Follow-ups resolve against the focus, decided from the question's form (ellipsis, pronouns, a missing
// subject), never from a list of sentences. A complete new question inherits nothing.
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { Focus, Resolved } from './context.js';
import { clauseRefOf, levelOf } from './cues.js';
import { languageOf } from './language.js';
import { cueIntent } from './plan.js';
import type { TermIndex } from './terms.js';

const FIGURE = /\d+(?:\.\d+)?\s*(?:万元|万|亿元|%)|\d+\s*[:：]\s*\d+/g;

export function resolve(kb: KnowledgeBase, terms: TermIndex, text: string, focus?: Focus): Resolved {
  const lang = languageOf(kb.lexicon);
  const own = terms.termsOf(text);
  const ref = clauseRefOf(lang, text);
  const level = levelOf(lang, text);
  const cue = cueIntent(lang, text, ref !== undefined);
  const more = lang.more.test(text);
  const figures = (text.match(FIGURE) ?? []).map((f) => f.replace(/\s+/g, '').replace('：', ':'));
  const docId = focus?.docId ?? kb.documents[0]?.docId ?? '';
  // "这个文件主要是讲啥的": asking what something says, with nothing named, is asking about the whole policy.
  const generalClause = cue === 'clause' && ref === undefined && !focus && !own.some((t) => t.known && !t.place);
  const base: Resolved = {
    text, intent: generalClause ? 'overview' : cue ?? 'search', cue, terms: own, inherited: [], level, followup: false, more: false, exclude: [], figures,
    clause: ref !== undefined ? { docId, number: ref, explicit: true } : undefined,
  };
  if (!focus) return base;

  const known = own.filter((t) => t.known);
  if (focus.clarified && !cue && known.length) return { ...base, intent: focus.intent, followup: true };
  const pronoun = lang.pronoun.test(text);
  const elliptical = lang.opener.test(text) || lang.tail.test(text) || pronoun || more || known.length === 0;
  if (!elliptical) return base;
  if (ref !== undefined) return { ...base, followup: true };

  // Intent: the question's own cue, except that a bare "…呢" keeps asking the previous kind of question.
  const asked = focus.intent === 'out_of_scope' || focus.intent === 'greeting' || focus.intent === 'clarify' ? undefined : focus.intent;
  const carry = !focus.outOfScope;
  const ownSubject = known.length > 0;
  // Without a cue, the previous kind of question carries over for "那独角兽呢" (a bare noun + 呢), a question
  // with no subject of its own, or "还有别的吗"; a full new predicate ("有便利吗") is a search.
  let intent = cue ?? ((lang.tail.test(text) || !ownSubject || more) && asked ? asked : 'search');
  if (more && !cue) intent = asked ?? 'amount';
  if (cue === 'amount' && asked === 'overview' && lang.tail.test(text)) intent = 'overview';

  // The focus clause counts when the question points at it or names no subject of its own.
  const sticky = pronoun || !ownSubject || more;
  const inherited = sticky && carry ? focus.terms.flatMap((t) => terms.termsOf(t)).filter((t) => !own.some((o) => o.text === t.text)) : [];
  return {
    ...base,
    intent,
    inherited,
    level: level ?? (ownSubject ? undefined : focus.level),
    followup: true,
    more,
    exclude: more ? focus.factIds : [],
    clause:
      (pronoun || (!ownSubject && (!level || inherited.length === 0))) && carry
        ? { docId: focus.docId, number: focus.clause, explicit: false }
        : undefined,
    preferClause: carry ? { docId: focus.docId, number: focus.clause } : undefined,
  };
}
