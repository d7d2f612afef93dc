// Attributes a document may or may not state: how to apply, the deadline, the materials, a phone number, a website,
// the conditions. Found in the clause the question is about (then anywhere in its document): the sentences are
// quoted. Not found: the first line says so plainly ("本政策未写明申报截止时间。"), then what the policy does
// state about the subject and whom to contact. Never only the nearest clause's numbers.
import type { Clause, PolicyDocument } from '../../corpus/types.js';
import { amountLine, citation, departmentsLine, joinLines, sourceLine } from '../compose.js';
import { scoreFacts, selectFacts } from '../fact-match.js';
import type { Attribute } from '../language.js';
import { hasTerm } from '../terms.js';
import type { Answer } from '../types.js';
import { factQuery, type AnswerContext, type Answerer } from './context.js';

function statedIn(clause: Clause, re: RegExp): string[] {
  return clause.sentences.filter((s) => re.test(s));
}

/**
 * The attribute's sentences in the clause, else in the document's other clauses (a 申报及审核 item covers all).
 * Of a clause's sentences, those about the question's subject come first; only they are quoted when there are any.
 */
function find(ctx: AnswerContext, doc: PolicyDocument, clause: Clause | undefined, attribute: Attribute): { clause: Clause; sentences: string[] } | undefined {
  const re = ctx.lang.states[attribute];
  if (!re) return undefined;
  const about = (sentences: string[]) => {
    const own = sentences.filter((x) => ctx.weighted.some((t) => t.known && !t.place && t.df < ctx.kb.clauses.length / 3 && hasTerm(x, t)));
    return own.length ? own : sentences;
  };
  if (clause) {
    const own = statedIn(clause, re);
    // A figure to reach (累计超过15000元的部分, 达到1万人次以上的) is a condition the clause states, in whatever words.
    if (attribute === 'condition') {
      const bars = new Set(ctx.kb.factsOf(clause.docId, clause.number).filter((f) => f.type === 'amount' && f.role === 'threshold').map((f) => f.sentence));
      for (const x of clause.sentences) if (!own.includes(x) && [...bars].some((b) => x.includes(b) || b.includes(x))) own.push(x);
      own.sort((a, b) => clause.sentences.indexOf(a) - clause.sentences.indexOf(b));
    }
    if (own.length) return { clause, sentences: about(own) };
  }
  const topic = ctx.lang.statedTopics[attribute];
  if (!topic) return undefined;
  for (const c of doc.clauses) {
    if (!topic.test(`${c.title}${c.path.join('')}`)) continue;
    const s = statedIn(c, re);
    if (s.length) return { clause: c, sentences: s };
  }
  return undefined;
}

export const answerStated: Answerer = (ask, ctx) => {
  const { kb, lang } = ctx;
  const clause = ctx.target ?? ctx.top;
  const doc = kb.document(clause?.docId ?? ctx.r.docScope?.[0] ?? kb.documents[0].docId)!;
  const found = find(ctx, doc, clause, ask.attribute);
  if (found) {
    const c = found.clause;
    return {
      answer: joinLines(`根据${sourceLine(doc, c)}：`, found.sentences.join(''), departmentsLine(c)),
      intent: 'search',
      citations: [citation(doc, c, found.sentences.join(''))],
      facts: [],
      departments: c.lead.length ? { lead: c.lead.map((d) => d.name), support: c.support.map((d) => d.name) } : undefined,
    };
  }
  // The window a notice states applies to its whole document.
  if (ask.attribute === 'deadline' && doc.applicationWindow) {
    const c = doc.clauses.find((x) => x.text.includes(doc.applicationWindow!.slice(0, 6))) ?? clause ?? doc.clauses[0];
    return { answer: joinLines(`申请时间：${doc.applicationWindow}。`, `来源：${sourceLine(doc, c)}`), intent: 'search', citations: [citation(doc, c, c.sentences.find((s) => s.includes('至')) ?? c.text)], facts: [] };
  }
  return notStated(ctx, ask.attribute, clause, doc, lang.notStated[ask.attribute] ?? '此项内容');
};

/** "本政策未写明X。" then what the policy states about the subject (its amounts) and whom to contact. */
export function notStated(ctx: AnswerContext, attribute: Attribute, clause: Clause | undefined, doc: PolicyDocument, what: string): Answer {
  const { kb } = ctx;
  const head = `本政策未写明${what}。`;
  if (!clause) return { answer: head, intent: 'search', citations: [], facts: [], parts: [{ attribute, text: head, stated: false }] };
  // Only figures about the question's subject: another subject's figures would answer what was not asked.
  const scored = selectFacts(scoreFacts(kb, ctx.facts.amounts, { ...factQuery(ctx, { attribute: 'amount' }), clauses: [`${clause.docId}#${clause.number}`] }).filter((s) => s.subjectHits.length > 0 || ctx.target !== undefined));
  const facts = scored.map((s) => s.fact).slice(0, 4);
  // Without figures, what the clause says about the question's subject, in its own sentences.
  const mentions = facts.length ? [] : clause.sentences.filter((x) => ctx.r.terms.some((t) => t.known && !t.place && t.df < kb.clauses.length / 3 && hasTerm(x, t))).slice(0, 2);
  const states = facts.length ? `本政策写明的是：${facts.map(amountLine).join('；')}。` : mentions.length ? `本政策相关的表述是：${mentions.join('')}` : '';
  const contact = clause.lead.length ? `具体事宜可咨询牵头单位${clause.lead.map((d) => d.name).join('、')}。` : doc.issuers.length ? `具体事宜可咨询发文单位${doc.issuers.join('、')}。` : '';
  const quote = facts.length ? [...new Set(facts.map((f) => f.sentence))].join('') : mentions.length ? mentions.join('') : clause.sentences[0] ?? clause.text;
  return {
    answer: joinLines(head, states, contact, `来源：${sourceLine(doc, clause)}`),
    intent: 'search',
    citations: [citation(doc, clause, quote + (clause.lead.length ? clause.deptNote : ''))],
    facts,
    departments: clause.lead.length ? { lead: clause.lead.map((d) => d.name), support: clause.support.map((d) => d.name) } : undefined,
    parts: [{ attribute, text: head, stated: false }],
  };
}
