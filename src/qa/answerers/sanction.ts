// What happens to those who fall short: the sanctions the text writes (约谈, 黄牌警告, 摘牌), never the rewards of
// the same clause. Asked about a fine where none is written, the answer says no fine is stated.
import type { SanctionFact } from '../../corpus/types.js';
import { citation, joinLines } from '../compose.js';
import { scoreFacts } from '../fact-match.js';
import type { Answer } from '../types.js';
import { factQuery, type Answerer } from './context.js';

const PENALTY = /罚款|罚金|处罚|追回|退回|取消|不得享受|不再享受|约谈|警告|摘牌|通报|问责|追究|列入.{0,6}(?:名单|黑名单)|失信/;

export const answerSanction: Answerer = (ask, ctx) => {
  const { kb } = ctx;
  const q = { ...factQuery(ctx, ask), level: undefined };
  const scored = scoreFacts(kb, ctx.facts.sanctions, q);
  const best = scored[0];
  let facts: SanctionFact[] = best ? scored.filter((s) => s.fact.docId === best.fact.docId && s.fact.clause === best.fact.clause && s.score >= best.score - 3).map((s) => s.fact) : [];
  // Asked about a measure by name (摘牌是怎么规定的), the answer is that measure wherever the clause applies it
  // (摘牌警示, 摘牌), whoever the subject words happen to overlap.
  const named = ctx.facts.sanctions.filter((f) => (!q.docs || q.docs.includes(f.docId)) && ctx.text.includes(f.measure.slice(0, 2)));
  if (named.length) {
    const rankOf = (f: SanctionFact) => {
      const i = ctx.rank.indexOf(`${f.docId}#${f.clause}`);
      return i === -1 ? ctx.rank.length : i;
    };
    const first = [...named].sort((a, b) => rankOf(a) - rankOf(b))[0];
    facts = named.filter((f) => f.docId === first.docId && f.clause === first.clause);
  }
  // A clause the question points at may state its consequences in plain sentences (不得享受奖励, 追回资金).
  const clause = facts.length ? kb.clause(facts[0].docId, facts[0].clause)! : (ctx.target ?? ctx.top);
  if (!clause) return undefined;
  if (!facts.length) facts = ctx.facts.sanctions.filter((f) => f.docId === clause.docId && f.clause === clause.number);
  const sentences = facts.length ? [...new Set(facts.map((f) => f.sentence))] : clause.sentences.filter((s) => PENALTY.test(s));
  if (!sentences.length) return undefined;
  const doc = kb.document(clause.docId)!;
  const measures = [...new Set(facts.map((f) => `${f.subject}：${f.measure}`))];
  const noFine = ask.asksFine && !sentences.some((s) => /罚款|罚金/.test(s)) ? `本政策未写明罚款。` : '';
  const body = measures.length ? measures.join('；') : sentences.join('');
  const answer: Answer = {
    answer: joinLines(noFine, `${noFine ? '写明的措施是：' : ''}${body}。`.replace(/。。$/, '。'), `来源：《${doc.title}》${clause.cite}${clause.title ? `「${clause.title}」` : ''}`),
    intent: 'search',
    citations: [citation(doc, clause, sentences.join(''))],
    facts,
  };
  return answer;
};
