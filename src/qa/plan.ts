// The question planner: a question becomes one or more asks, each an attribute (amount, lead, text, deadline …)
// with its level and any claim to check (是不是科技厅牵头, 能拿2000万吗). A question that asks two or three things
// gets an ask for each; one that names two levels gets an amount ask per level. The words are data
// (corpus/lexicon/language.json); this file holds only how cues combine.
import type { Level } from '../corpus/types.js';
import { cuesIn, levelsIn, type Attribute, type Language } from './language.js';
import type { Intent } from './types.js';

export interface Ask {
  attribute: Attribute;
  /** The level this ask is about, when the question names one (or one per ask when it names several). */
  level?: Level;
  /** The question proposes an answer to confirm or deny: a department (是不是科技厅牵头) or a figure (能拿2000万吗). */
  claim?: { department?: string; figure?: string };
  /** A sanction question that asks about a fine (会不会罚款). */
  asksFine?: boolean;
  /** The question cues this attribute itself (有什么奖励), rather than the planner falling back to the conversation's. */
  cued?: boolean;
}

export interface Plan {
  asks: Ask[];
  levels: Level[];
  yesNo: boolean;
}

/** Attributes answered together: a cap or a ratio is part of an amount answer; support is in a department answer. */
const FOLD: Partial<Record<Attribute, Attribute>> = { cap: 'amount', ratio: 'amount', support: 'lead', departments: 'lead' };
/** Attributes the document states or does not (the not-stated answerer says which). */
export const STATED_ATTRIBUTES: ReadonlySet<Attribute> = new Set(['procedure', 'deadline', 'materials', 'contact', 'portal', 'source', 'usage', 'payment']);

/** The intent an attribute's answer reports (the API's `intent`). */
export function intentOf(a: Attribute): Intent {
  switch (a) {
    case 'amount': case 'cap': case 'ratio': return 'amount';
    case 'lead': case 'support': case 'departments': return 'department';
    case 'text': return 'clause';
    case 'overview': case 'target': return 'overview';
    default: return 'search';
  }
}

function attributeOf(intent: Intent): Attribute {
  switch (intent) {
    case 'amount': return 'amount';
    case 'department': return 'lead';
    case 'clause': return 'text';
    case 'overview': return 'overview';
    default: return 'search';
  }
}

const drop = (list: Attribute[], a: Attribute) => {
  const i = list.indexOf(a);
  if (i !== -1) list.splice(i, 1);
};

/**
 * The attributes a question asks, in the order written; weak cues (补助 alone) only when nothing else is asked.
 * Empty when the question asks nothing it names (then the conversation's intent carries, or it is a search).
 */
export function attributesOf(lang: Language, text: string): { attributes: Attribute[]; weak: boolean } {
  let cues = cuesIn(lang, text);
  let weak = false;
  if (!cues.length) {
    cues = cuesIn(lang, text, true);
    weak = cues.length > 0;
  }
  const seen: Attribute[] = [];
  for (const c of cues) {
    const a = FOLD[c.attribute] ?? c.attribute;
    if (!seen.includes(a)) seen.push(a);
  }
  // 摘牌、约谈 name the subject of "归谁管"; with 怎么规定/什么条件 they ask for the sanction itself (a sanction's
  // rule and its trigger are one sentence), and alone or with 多少 too.
  if (seen.includes('sanction')) {
    const asked = cues.some((c) => c.attribute === 'sanction' && !lang.sanctionNoun.test(c.text));
    const others = seen.filter((a) => a !== 'sanction' && a !== 'amount' && a !== 'text' && a !== 'condition');
    if (!asked && others.length) drop(seen, 'sanction');
    else {
      if (!lang.verbatim.test(text)) drop(seen, 'text');
      drop(seen, 'condition');
      // A sanction question's 多少/罚多少 asks what happens, not a grant.
      drop(seen, 'amount');
    }
  }
  // A target question (到2025年…多少家) is answered from targets, not grants.
  if (seen.includes('target') && seen.includes('amount') && !lang.grantVerb.test(text)) drop(seen, 'amount');
  // Who to contact for a procedure is the lead department: "找谁申请" is one lead ask.
  if (seen.includes('lead') && seen.includes('procedure') && !lang.procedureWord.test(text)) drop(seen, 'procedure');
  // Overview cues ("这个政策讲什么") give way to any more specific ask.
  if (seen.length > 1) drop(seen, 'overview');
  return { attributes: seen, weak };
}

/** The question's own intent, from its first-ranked attribute; undefined when it cues none. */
export function cueIntent(lang: Language, text: string, hasClauseRef: boolean): Intent | undefined {
  const { attributes } = attributesOf(lang, text);
  // One intent stands for the question in the conversation: who-questions first (a department answer names the
  // amounts' clause too), then a clause named without an amount ask, then what the question asks first.
  if (attributes.includes('lead')) return 'department';
  if (hasClauseRef && !attributes.includes('amount')) return 'clause';
  for (const a of ['target', 'text', 'amount'] as const) if (attributes.includes(a)) return intentOf(a);
  return attributes.length ? intentOf(attributes[0]) : undefined;
}

const FIGURE = /(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|万|元|%)/;

export interface PlanInput {
  text: string;
  /** The resolved intent (its own, or the conversation's for a follow-up): the ask when the question cues none. */
  intent: Intent;
  /** A department the question names (for yes/no claims). */
  department?: string;
}

export function planQuestion(lang: Language, input: PlanInput): Plan {
  const { text } = input;
  const yesNo = lang.yesNo.test(text);
  const levels = levelsIn(lang, text);
  const { attributes: seen } = attributesOf(lang, text);
  const cued = seen.length > 0;
  // A follow-up without a cue of its own (那自治区级的呢) asks what the conversation asked.
  let attributes = cued && !(input.intent !== 'search' && seen.every((a) => a === 'search')) ? seen : [attributeOf(input.intent)];
  // "这个文件主要讲啥": what something says, with nothing named, is the whole policy (the resolver decided so).
  if (input.intent === 'overview' && attributes.length === 1 && attributes[0] === 'text') attributes = ['overview'];

  const asks: Ask[] = [];
  const figure = text.match(FIGURE)?.[0]?.replace(/\s+/g, '');
  for (const a of attributes) {
    if (a === 'amount' && levels.length > 1) {
      for (const level of levels) asks.push({ attribute: a, level, cued });
      continue;
    }
    const ask: Ask = { attribute: a, level: levels.length === 1 ? levels[0] : undefined, cued };
    if (yesNo && a === 'lead' && input.department) ask.claim = { department: input.department };
    if (yesNo && a === 'amount' && figure) ask.claim = { figure };
    if (a === 'sanction' && lang.fine.test(text)) ask.asksFine = true;
    asks.push(ask);
  }
  return { asks, levels, yesNo };
}
