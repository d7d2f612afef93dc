// The engine: question (+ session focus) → Answer. Rules only: every figure and department comes from the
// fact tables and clause notes; retrieval decides which clause, never what number.
import type { AmountFact, Clause, SanctionFact, TargetFact } from '../corpus/types.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { amountAnswer, targetAnswer } from './answer-amount.js';
import { bestSentences, clauseAnswer, departmentAnswer, departmentClausesAnswer, overviewAnswer, searchAnswer } from './answer-text.js';
import type { Focus, Resolved } from './context.js';
import { scoreFacts, selectFacts, } from './fact-match.js';
import { resolve } from './followup.js';
import { hasGreeting } from './intent.js';
import { createPreparer } from './prepare.js';
import { clarify, greeting, outOfScope } from './replies.js';
import { rerank, retrieve, type ClauseHit } from './retrieve.js';
import { createScopeJudge } from './scope.js';
import { createTermIndex, hasTerm, type Term } from './terms.js';
import type { Answer } from './types.js';

export interface EngineResult {
  answer: Answer;
  /** The focus to keep for the next turn (unchanged for greetings). */
  focus?: Focus;
}

export interface Engine {
  ask(question: string, focus?: Focus): Promise<EngineResult>;
  /** Normalisation + follow-up resolution only (for tests and the LLM path). */
  resolve(question: string, focus?: Focus): Resolved;
}

const FULL_TEXT = /原文|全文|具体|发(?:一下|我|过来)|完整/;
const YES_NO = /是不是|是否|吗|对吧|对不对/;

export interface EngineOptions {
  /**
   * Answers remembered by (question, focus). The engine is deterministic over a loaded index, and hotline and
   * WeChat questions repeat, so a repeat costs a lookup. 0 turns it off.
   */
  cacheSize?: number;
}

export function createEngine(kb: KnowledgeBase, opts: EngineOptions = {}): Engine {
  const cacheSize = opts.cacheSize ?? 5000;
  const cache = new Map<string, EngineResult>();
  const termIndex = createTermIndex(kb);
  const scope = createScopeJudge(kb);
  // Thresholds are conditions of an award, never an answer to "how much".
  const amounts = kb.facts.filter((f): f is AmountFact => f.type === 'amount' && f.role !== 'threshold');
  const targets = kb.facts.filter((f): f is TargetFact => f.type === 'target');
  const sanctions = kb.facts.filter((f): f is SanctionFact => f.type === 'sanction');
  const deptNames = kb.departments.allNames().filter((n) => n.length >= 3);

  const prepare = createPreparer(kb);

  return {
    resolve: (question, focus) => resolve(kb, termIndex, prepare(question), focus),

    async ask(question, focus) {
      if (!cacheSize) return answerOnce(question, focus);
      const key = `${question}\u0000${focus ? JSON.stringify(focus) : ''}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      // Shared between callers, so frozen: nobody can change an answer another request will get.
      const result = deepFreeze(await answerOnce(question, focus));
      cache.set(key, result);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return result;
    },
  };

  async function answerOnce(question: string, focus?: Focus): Promise<EngineResult> {
    {
      const text = prepare(question);
      if (!text) return { answer: greeting(kb, text), focus };
      const r = resolve(kb, termIndex, text, focus);
      // A greeting or help request that names nothing of the policy ("您好，请问你是谁", "好的，谢谢").
      if (hasGreeting(text) && !r.clause?.explicit && !r.terms.some((t) => t.known && t.wholeWord && !t.place)) return { answer: greeting(kb, text), focus };
      const weighted = [...r.terms, ...r.inherited.map((t) => ({ ...t, weight: t.weight * 0.5 }))];
      const query = [text, ...r.inherited.map((t) => t.text)].join(' ');
      const hits = rerank(kb, await retrieve(kb, query), weighted);
      const rank = clauseRank(hits, r);
      const keep = (answer: Answer, extra: Partial<Focus> = {}): EngineResult => ({
        answer,
        focus: focusOf(kb, r, answer, focus, extra),
      });

      if (r.clause?.explicit && !kb.clause(r.clause.docId, r.clause.number)) {
        return keep(notAClause(kb, r.clause.number), { outOfScope: true });
      }
      if (!r.clause?.explicit) {
        const verdict = scope.judge(text, r.terms);
        // A follow-up leans on its focus: only a foreign place or a wholly foreign subject takes it out of scope.
        const refining = r.level !== undefined || r.clause !== undefined;
        const lenient = r.followup && !focus?.outOfScope && verdict.reason === 'low-coverage' && refining && r.terms.filter((t) => !t.known).length <= 1;
        if (!verdict.inScope && !lenient) return keep(outOfScope(kb, verdict.missing, verdict.reason), { outOfScope: true });
      }
      const target = r.clause ? kb.clause(r.clause.docId, r.clause.number) : undefined;
      const top = target ?? topClause(kb, hits, r);
      // "多少钱？" or "谁负责？" with nothing named and nothing in focus: listing would be a guess, so ask back.
      const named = [...r.terms, ...r.inherited].some((t) => t.known && !t.place);
      if (!target && !named && r.intent !== 'overview') return keep(clarify(kb, r.intent), { outOfScope: true, clarified: true });

      switch (r.intent) {
        case 'department': {
          const named = deptNames.find((n) => text.includes(n));
          const subject = r.terms.filter((t) => !named || !named.includes(t.text) && !t.text.includes(named.replace(/^自治区/, '')));
          if (named && !subject.length && !target && !YES_NO.test(text)) {
            const a = departmentClausesAnswer(kb, kb.departments.resolve(named, kb.documents[0].deptContext)?.key ?? named);
            if (a) return keep(a);
          }
          const best = target ?? top;
          if (!best) return keep(outOfScope(kb, []), { outOfScope: true });
          const withDepts = best.lead.length ? best : (hits.map((h) => kb.clause(h.docId, h.clause)!).find((c) => c.lead.length) ?? best);
          return keep(departmentAnswer(kb, withDepts, named && YES_NO.test(text) ? named : undefined, bestSentences(withDepts, subject, 1)));
        }
        case 'clause':
          if (!top) return keep(outOfScope(kb, []), { outOfScope: true });
          return keep(clauseAnswer(kb, top, FULL_TEXT.test(text)));
        case 'overview': {
          const t = selectFacts(scoreFacts(kb, targets, factQuery(r, weighted, rank, target)));
          if (t.length && weighted.some((w) => w.known && !w.place)) return keep(targetAnswer(kb, t), { factIds: t.map((x) => x.fact.id) });
          const subject = r.terms.filter((w) => w.known && !w.place);
          if (!subject.length || !top) return keep(overviewAnswer(kb));
          // The opening chapter (总体要求: 指导思想, 基本原则, 发展目标) is the overview; a named subject elsewhere
          // ("瞪羚企业有什么政策") is a search of the clause that treats it.
          if (top.chapterNumber <= 1) return keep({ ...clauseAnswer(kb, top, false), intent: 'overview' });
          return keep(searchAnswer(kb, top, weighted));
        }
        case 'amount': {
          const q = factQuery(r, weighted, rank, target);
          let scored = scoreFacts(kb, amounts, q).filter((s) => !r.exclude.includes(s.fact.id));
          if (r.more && !scored.length && target) scored = scoreFacts(kb, amounts, { ...q, terms: [] , clauses: [`${target.docId}#${target.number}`], level: undefined }).filter((s) => !r.exclude.includes(s.fact.id));
          // "排名掉了呢" asks what happens, not how much: a sanction that matches better is quoted instead.
          const sx = scoreFacts(kb, sanctions, { ...q, level: undefined });
          if (r.cue !== 'amount' && sx.length && sx[0].subjectHits.length && (!scored.length || sx[0].score > scored[0].score)) {
            const clause = kb.clause(sx[0].fact.docId, sx[0].fact.clause)!;
            return keep(searchAnswer(kb, clause, weighted));
          }
          const t = scoreFacts(kb, targets, q);
          if (t.length && (!scored.length || t[0].score > scored[0].score)) return keep(targetAnswer(kb, selectFacts(t)), { factIds: selectFacts(t).map((x) => x.fact.id) });
          const picked = selectFacts(scored, r.level, r.figures);
          if (r.more && !picked.length && target) {
            return keep({ ...searchAnswer(kb, target, weighted, `除已列出的${r.exclude.length}项外，本条没有其他金额规定。`), intent: 'amount' }, { factIds: r.exclude });
          }
          if (picked.length) {
            const given = r.more ? [...r.exclude, ...picked.map((p) => p.fact.id)] : picked.map((p) => p.fact.id);
            return keep(amountAnswer(kb, picked), { factIds: given });
          }
          // Money for something the policy never describes (新能源汽车购置补贴) is out of scope, not a near miss.
          const unknown = r.terms.filter((t) => !t.known);
          if (!top || unknown.length > 0 && !r.followup || !r.terms.concat(r.inherited).some((t) => t.known && hasTerm(top.title + top.text, t))) {
            return keep(outOfScope(kb, r.terms.filter((t) => !t.known).map((t) => t.text)), { outOfScope: true });
          }
          return keep(searchAnswer(kb, top, weighted, '本政策对此没有规定具体金额，相关内容如下。'));
        }
        default:
          if (!top) return keep(outOfScope(kb, []), { outOfScope: true });
          return keep(searchAnswer(kb, top, weighted));
      }
    }
  }
}

function factQuery(r: Resolved, terms: Term[], clauseRank: string[], target?: Clause) {
  return {
    terms,
    level: r.level,
    clauseRank,
    clauses: target ? [`${target.docId}#${target.number}`] : undefined,
    figures: r.figures,
  };
}

function clauseRank(hits: ClauseHit[], r: Resolved): string[] {
  const rank = hits.map((h) => `${h.docId}#${h.clause}`);
  if (r.preferClause) {
    const k = `${r.preferClause.docId}#${r.preferClause.number}`;
    return [k, ...rank.filter((x) => x !== k)];
  }
  return rank;
}

function topClause(kb: KnowledgeBase, hits: ClauseHit[], r: Resolved): Clause | undefined {
  if (r.preferClause && r.followup && !r.terms.some((t) => t.known)) return kb.clause(r.preferClause.docId, r.preferClause.number);
  const h = hits[0];
  return h ? kb.clause(h.docId, h.clause) : undefined;
}

function notAClause(kb: KnowledgeBase, n: number): Answer {
  const doc = kb.documents[0];
  const last = doc.clauses.at(-1)!;
  return {
    answer: `本政策没有第${n}条。《${doc.title}》共${doc.clauses.length}条，从第（一）条到第（${last.label}）条。`,
    intent: 'out_of_scope',
    citations: [],
    facts: [],
  };
}

function focusOf(kb: KnowledgeBase, r: Resolved, answer: Answer, prev: Focus | undefined, extra: Partial<Focus>): Focus {
  const cited = answer.citations[0];
  // Stored without level words, so "自治区级的呢" after 国家高新区 looks for 自治区级 + 高新区.
  const own = r.terms.filter((t) => t.known && !t.place).map((t) => t.text.replace(/^(国家级|自治区级|国家|自治区)(?=.{2,})/, ''));
  return {
    docId: cited?.docId ?? prev?.docId ?? kb.documents[0].docId,
    clause: cited?.number ?? prev?.clause ?? 0,
    terms: own.length ? own : r.inherited.map((t) => t.text),
    level: r.level,
    intent: r.intent,
    factIds: answer.facts.map((f) => f.id),
    ...extra,
  };
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}
