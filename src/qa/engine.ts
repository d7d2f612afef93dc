// The engine: question (+ session focus) → Answer, as a pipeline: prepare → resolve follow-ups → plan the asks →
// route to documents → gates (greeting, scope, clarify) → retrieve → one answerer per ask → merge. Rules only:
// every figure and department comes from the fact tables and clause notes; retrieval decides which clause, never
// what number.
import type { AmountFact, Clause, SanctionFact, TargetFact } from '../corpus/types.js';
import { today, validityOf } from '../corpus/validity.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { ATTRIBUTE_TABLE } from './answerers/index.js';
import type { AnswerContext } from './answerers/context.js';
import { computeFromRules } from './answerers/calc.js';
import { answerSearch } from './answerers/search.js';
import { notStated } from './answerers/stated.js';
import type { Focus, Resolved } from './context.js';
import { resolve } from './followup.js';
import { hasGreeting } from './intent.js';
import { languageOf, type Attribute } from './language.js';
import { questionsIn } from './segments.js';
import { mergeAnswers } from './merge.js';
import { planQuestion, STATED_ATTRIBUTES } from './plan.js';
import { createPreparer } from './prepare.js';
import { clarify, greeting, outOfScope } from './replies.js';
import { rerank, retrieve, type ClauseHit } from './retrieve.js';
import { answerEligibility, profileOfTurn } from './answerers/eligibility.js';
import { createRouter } from './route.js';
import { createScopeJudge } from './scope.js';
import { createTermIndex, hasTerm, type Term } from './terms.js';
import type { Answer } from './types.js';

export interface EngineResult {
  answer: Answer;
  /** The focus to keep for the next turn (unchanged for greetings). */
  focus?: Focus;
}

export interface AskContextOptions {
  /** Judge validity on this date (YYYY-MM-DD) instead of today. */
  asOf?: string;
  /** Answer from these documents only (the console's document picker). */
  docIds?: string[];
}

export interface Engine {
  ask(question: string, focus?: Focus, opts?: AskContextOptions): Promise<EngineResult>;
  /** Normalisation + follow-up resolution only (for tests and the LLM path). */
  resolve(question: string, focus?: Focus): Resolved;
}

export interface EngineOptions {
  /**
   * Answers remembered by (question, focus). The engine is deterministic over a loaded index, and hotline and
   * WeChat questions repeat, so a repeat costs a lookup. 0 turns it off.
   */
  cacheSize?: number;
  /** Milliseconds since the epoch (for "in force today"). */
  now?: () => number;
}

export function createEngine(kb: KnowledgeBase, opts: EngineOptions = {}): Engine {
  const cacheSize = opts.cacheSize ?? 5000;
  const now = opts.now ?? Date.now;
  const cache = new Map<string, EngineResult>();
  const termIndex = createTermIndex(kb);
  const scope = createScopeJudge(kb);
  const lang = languageOf(kb.lexicon);
  const router = createRouter(kb, lang);
  const facts = {
    // Thresholds are conditions of an award, never an answer to "how much".
    amounts: kb.facts.filter((f): f is AmountFact => f.type === 'amount' && f.role !== 'threshold'),
    targets: kb.facts.filter((f): f is TargetFact => f.type === 'target'),
    sanctions: kb.facts.filter((f): f is SanctionFact => f.type === 'sanction'),
  };
  // Department names a question may use: the lexicon's (with aliases: 发改委, 人社厅) and every name the documents
  // write (大数据发展局), longest first so 自治区科技厅 wins over 科技厅.
  const written = kb.clauses.flatMap((c) => [...c.lead, ...c.support].flatMap((d) => [d.written, d.name]));
  const deptNames = [...new Set([...kb.departments.allNames(), ...written])].filter((n) => n.length >= 2 && !/[、，]/.test(n)).sort((a, b) => b.length - a.length);
  const deptBodies = new Set(kb.clauses.flatMap((c) => [...c.lead, ...c.support].map((d) => kb.departments.bodyOf(d.written) ?? d.written)));
  /** A department the question names that some document assigns work to. */
  const departmentIn = (text: string) =>
    deptNames.find((n) => text.includes(n) && (deptBodies.has(kb.departments.bodyOf(n) ?? n) || written.includes(n)));
  const prepare = createPreparer(kb);
  const subjectAbsent = (docIds: string[], terms: Term[], anywhere = false) => subjectAbsentIn(kb, docIds, terms, lang.generic, anywhere);

  return {
    resolve: (question, focus) => resolve(kb, termIndex, prepare(question), focus),

    async ask(question, focus, o = {}) {
      const asOf = o.asOf ?? today(now());
      if (!cacheSize) return answerOnce(question, focus, asOf, o.docIds);
      const key = `${question}\u0000${focus ? JSON.stringify(focus) : ''}\u0000${asOf}\u0000${o.docIds?.join() ?? ''}`;
      const hit = cache.get(key);
      if (hit) {
        cache.delete(key);
        cache.set(key, hit);
        return hit;
      }
      // Shared between callers, so frozen: nobody can change an answer another request will get.
      const result = deepFreeze(await answerOnce(question, focus, asOf, o.docIds));
      cache.set(key, result);
      if (cache.size > cacheSize) cache.delete(cache.keys().next().value!);
      return result;
    },
  };

  async function answerOnce(question: string, focus: Focus | undefined, asOf: string, pinned?: string[]): Promise<EngineResult> {
    const text = prepare(question);
    if (!text) return { answer: greeting(kb, text), focus };
    // "我们是…的孵化器，…能拿哪些？": the benefit finder lists every item the description qualifies for.
    const profile = profileOfTurn(kb, question, focus);
    const matched = profile ? answerEligibility(kb, profile, pinned) : undefined;
    if (matched) return { answer: withValidity(kb, matched.answer, asOf), focus: matched.focus };
    const segments = questionsIn(lang, text);
    if (segments.length < 2) return answerQuestion(text, focus, asOf, pinned, true);
    // Several questions in one message ("…给多少？进了榜单又给多少？"): each is answered as the next turn of a
    // conversation, so "这笔钱" or "…呢" in the second leans on the first; the answers are merged into one.
    let f = focus;
    const results: EngineResult[] = [];
    for (const [i, seg] of segments.entries()) {
      // After a refused question, the next one is read with it (深圳的人才公寓…？租金多少？ asks 深圳's rent): refused
      // again, it shares the refusal.
      if (results.at(-1)?.answer.intent === 'out_of_scope') {
        const joint = await answerQuestion(`${segments[i - 1]}${seg}`, focus, asOf, pinned, false);
        if (joint.answer.intent === 'out_of_scope') continue;
      }
      // A later question stays in the first one's document unless it names another.
      const docs = pinned ?? (i > 0 && f && !f.outOfScope && !router.route(seg).docs.length ? [f.docId] : undefined);
      const res = await answerQuestion(seg, f, asOf, docs, false);
      results.push(res);
      if (res.focus && !res.focus.outOfScope) f = res.focus;
    }
    const answered = results.filter((x) => !['out_of_scope', 'greeting', 'clarify'].includes(x.answer.intent));
    if (!answered.length) return results[0];
    const merged = mergeAnswers(answered.map((x) => ({ ask: { attribute: (x.answer.parts?.[0]?.attribute ?? 'search') as Attribute }, answer: x.answer })));
    return { answer: withValidity(kb, merged, asOf), focus: f };
  }

  async function answerQuestion(text: string, focus: Focus | undefined, asOf: string, pinned: string[] | undefined, validity: boolean): Promise<EngineResult> {
    const r = resolve(kb, termIndex, text, focus);
    // A greeting or help request that names nothing of the policy ("您好，请问你是谁", "好的，谢谢").
    if (hasGreeting(lang, text) && !r.clause?.explicit && !r.terms.some((t) => t.known && t.wholeWord && !t.place)) return { answer: greeting(kb, text), focus };

    // Documents: those the question names; else the conversation's (a follow-up); else the best clause decides.
    const route = router.route(text);
    const named = pinned?.length ? pinned : route.docs;
    r.docScope = named.length ? named : r.followup && focus && !focus.outOfScope && kb.documents.length > 1 ? [focus.docId] : undefined;
    const department = departmentIn(text);
    // A department some document names is a subject the corpus has, however the question abbreviates it (工信厅).
    if (department) r.terms = r.terms.map((t) => (department.includes(t.text) || t.text.includes(department) ? { ...t, known: true, wholeWord: true, noise: false } : t));
    const plan = planQuestion(lang, { text, intent: r.intent, department });

    const weighted = [...r.terms, ...r.inherited.map((t) => ({ ...t, weight: t.weight * 0.5 }))];
    const query = [text, ...r.inherited.map((t) => t.text)].join(' ');
    const all = rerank(kb, await retrieve(kb, query), weighted);
    let hits = r.docScope ? all.filter((h) => r.docScope!.includes(h.docId)) : all;
    let rank = clauseRank(hits, r);
    const keep = (answer: Answer, extra: Partial<Focus> = {}): EngineResult => ({ answer, focus: focusOf(kb, r, answer, focus, extra) });

    // An explicit clause reference (第九条) is read in the document in scope, by the number its marker denotes.
    if (r.clause?.explicit) {
      const docId = r.docScope?.[0] ?? (focus && !focus.outOfScope ? focus.docId : undefined) ?? byWords(kb, r.clause.number, r.terms) ?? hits[0]?.docId ?? kb.documents[0].docId;
      const found = byOrdinal(kb, docId, r.clause.number);
      if (!found) return keep(notAClause(kb, docId, r.clause.number), { outOfScope: true });
      r.clause = { docId, number: found.number, explicit: true };
      r.docScope = [docId];
    } else {
      const verdict = scope.judge(text, r.terms);
      // A follow-up leans on its focus: only a foreign place or a wholly foreign subject takes it out of scope.
      const refining = r.level !== undefined || r.clause !== undefined;
      const lenient = r.followup && !focus?.outOfScope && verdict.reason === 'low-coverage' && refining && r.terms.filter((t) => !t.known).length <= 1;
      // A question about a document it names ("天河人才公寓的申请电话") is in scope of that document.
      const routed = named.length > 0 && verdict.reason === 'low-coverage' && !r.terms.some((t) => !t.known && t.weight > 3);
      if (!verdict.inScope && !lenient && !routed) return keep(outOfScope(kb, verdict.missing, verdict.reason), { outOfScope: true });
      // The documents that apply where the question says (深圳 → 广东's) never mention its subject (人才公寓): another
      // place's document that does is no answer for this one.
      if (route.applicable && !pinned?.length) {
        const subject = r.terms.filter((t) => !route.titleWords.includes(kb.concepts.concept(t.text)));
        // A place that no document is for (吉林省, with only 柳河县's): what applies there is the national documents.
        if (!route.docs.length) {
          const missing = subjectAbsent(route.applicable, subject, true);
          if (missing) return keep(notCovered(kb, route.applicable, missing), { outOfScope: true });
          r.docScope = route.applicable;
          hits = all.filter((h) => route.applicable!.includes(h.docId));
          rank = clauseRank(hits, r);
        } else if (subjectAbsent(route.docs, subject)) {
          // Not in the documents the place ranks first: answer from those that apply there and have it (a national
          // document applies in 佛山 too), or say that none does.
          const having = route.applicable.filter((id) => !subjectAbsent([id], subject));
          if (!having.length) return keep(notCovered(kb, route.applicable, (subjectAbsent(route.applicable, subject) ?? subjectAbsent(route.docs, subject))!), { outOfScope: true });
          r.docScope = having;
          hits = all.filter((h) => having.includes(h.docId));
          rank = clauseRank(hits, r);
        }
      }
    }
    const target = r.clause ? kb.clause(r.clause.docId, r.clause.number) : undefined;
    const top = target ?? topClause(kb, hits, r);
    // "多少钱？" or "谁负责？" with nothing named and nothing in focus: listing would be a guess, so ask back.
    const namedTerm = [...r.terms, ...r.inherited].some((t) => t.known && !t.place);
    const documentWide = plan.asks.every((a) => a.attribute === 'validity' || a.attribute === 'docinfo' || a.attribute === 'overview');
    if (!target && !namedTerm && !documentWide && !(department && plan.asks.some((a) => a.attribute === 'lead')) && !named.length) {
      return keep(clarify(kb, r.intent), { outOfScope: true, clarified: true });
    }

    const ctx: AnswerContext = { kb, lang, text, r, plan, weighted, hits, rank, target, top, focus, facts, department, asOf };
    const parts: { ask: (typeof plan.asks)[number]; answer: Answer }[] = [];
    // The user's own figures and a rule to apply them to: one computed answer stands for every amount ask.
    const computed = plan.asks.some((a) => a.attribute === 'amount') ? guarded(() => computeFromRules(ctx)) : undefined;
    if (computed) parts.push({ ask: plan.asks.find((a) => a.attribute === 'amount')!, answer: computed });
    for (const ask of plan.asks) {
      if (computed && ask.attribute === 'amount') continue;
      const traits = ATTRIBUTE_TABLE[ask.attribute];
      let answer = guarded(() => traits.answer(ask, ctx));
      if (!answer && STATED_ATTRIBUTES.has(ask.attribute)) answer = undefined;
      if (!answer) {
        // Nothing for the ask: an amount the clause does not set, or a search of the best clause.
        answer =
          ask.attribute === 'amount' && top
            ? notStated(ctx, 'amount', top, kb.document(top.docId)!, lang.notStated.amount ?? '具体金额')
            : answerSearch(ask, ctx);
      }
      if (answer) parts.push({ ask, answer });
    }
    // A refusal in one part refuses the whole question only when every part refused.
    const useful = parts.filter((p) => p.answer.intent !== 'out_of_scope');
    if (!useful.length) return keep(parts[0]?.answer ?? outOfScope(kb, []), { outOfScope: true });
    const merged = mergeAnswers(useful);
    return keep(validity ? withValidity(kb, merged, asOf) : merged);
  }
}

/**
 * What another place's document is about (人才公寓 for 深圳, 高新区 for 广东) when the documents that apply here
 * never mention it: a term of the question in the title of a document that does not apply, and in no clause of
 * those that do. A word that only happens to be rare (合作社, 要求) never refuses a question.
 */
function subjectAbsentIn(kb: KnowledgeBase, docIds: string[], terms: Term[], generic: ReadonlySet<string>, anywhere: boolean): Term | undefined {
  const subject = terms.filter((t) => t.known && !t.place && !t.noise && !generic.has(t.text) && !/\d/.test(t.text));
  if (!subject.length) return undefined;
  // Only the term and its longer synonyms count: a broader word of its group (园区 for 高新区) is another subject.
  const strict = (t: Term) => ({ ...t, forms: t.forms.filter((f) => f === t.text || (f.length > t.text.length && /[\u4e00-\u9fa5]/.test(f))) });
  // anywhere: when no document is for the place at all, a subject any other document has (景区) is theirs.
  const others = kb.documents.filter((d) => !docIds.includes(d.docId)).map((d) => `${d.title}${d.shortTitle ?? ''}${anywhere ? d.clauses.map((c) => c.title + c.text).join('') : ''}`).join('');
  const text = docIds.map((id) => kb.document(id)).filter((d) => d !== undefined).map((d) => `${d.title}${d.clauses.map((c) => c.title + c.text).join('')}`).join('');
  return subject.filter((t) => hasTerm(others, strict(t)) && !hasTerm(text, strict(t))).sort((a, b) => b.weight - a.weight)[0];
}

/** "本库中适用的文件未涉及…", and which document does, for where it applies. */
function notCovered(kb: KnowledgeBase, docIds: string[], term: Term): Answer {
  const titles = docIds.map((id) => kb.document(id)!).map((d) => `《${d.shortTitle ?? d.title}》`);
  const scoped = titles.length > 3 ? `${titles.slice(0, 3).join('、')}等${titles.length}份` : titles.join('、');
  const elsewhere = kb.documents.filter((d) => !docIds.includes(d.docId) && d.clauses.some((c) => hasTerm(c.title + c.text, term)));
  const hint = elsewhere.length ? `\n${elsewhere.slice(0, 2).map((d) => `《${d.shortTitle ?? d.title}》有相关规定，适用于${d.region.at(-1) ?? '其发文地区'}。`).join('')}` : '';
  return { answer: `本库中适用的文件${scoped}未涉及“${term.text}”。${hint}`, intent: 'out_of_scope', citations: [], facts: [] };
}

/**
 * One answerer's result, or undefined when it throws: a rule that trips over a document's unusual wording costs
 * that one ask (the engine then says not stated, or searches), never the whole answer. The error is logged.
 */
function guarded<T>(run: () => T | undefined): T | undefined {
  try {
    return run();
  } catch (err) {
    console.error('answerer failed', err);
    return undefined;
  }
}

/** A clause of a document by the number its marker denotes (第九条 → 9). */
/**
 * "第八项金融生态那条" with no document named: the document whose clause of that number holds the question's other
 * words (金融生态), when exactly one does best; undefined when the words decide nothing.
 */
function byWords(kb: KnowledgeBase, n: number, terms: Term[]): string | undefined {
  const words = terms.filter((t) => t.known && !t.place);
  if (!words.length) return undefined;
  const scored = kb.documents
    .map((d) => ({ d, c: byOrdinal(kb, d.docId, n) }))
    .filter((x) => x.c)
    .map((x) => ({ id: x.d.docId, s: words.filter((t) => hasTerm(`${x.c!.title}${x.c!.text}`, t)).reduce((a, t) => a + t.weight, 0) }))
    .sort((a, b) => b.s - a.s);
  return scored[0]?.s && scored[0].s > (scored[1]?.s ?? 0) ? scored[0].id : undefined;
}

function byOrdinal(kb: KnowledgeBase, docId: string, n: number): Clause | undefined {
  const doc = kb.document(docId);
  if (!doc) return undefined;
  // 第五条 means the item its marker numbers 5 (五、, （五）, 第五条), the outermost one when numbering restarts in
  // each group (五、 over 三、（五）); only a document whose markers never reach 5 is read by position.
  const marked = doc.clauses.filter((c) => c.ordinal === n);
  if (marked.length) return marked.reduce((a, b) => (b.path.length < a.path.length ? b : a));
  return doc.clauses.find((c) => c.number === n);
}

/** An answer from a document that has expired or been repealed says so first, with the date. */
function withValidity(kb: KnowledgeBase, answer: Answer, asOf: string): Answer {
  const docs = [...new Set(answer.citations.map((c) => c.docId))];
  const notes = docs.map((id) => kb.document(id)).filter((d) => d !== undefined).map((d) => ({ d, v: validityOf(d, asOf, kb.documents) })).filter((x) => x.v.status !== 'active');
  if (!notes.length) return answer;
  const head = notes.map((x) => (docs.length > 1 ? `《${x.d.shortTitle}》：${x.v.note}` : x.v.note)).join('\n');
  return { ...answer, answer: `${head}\n${answer.answer}`, validity: notes.map((x) => ({ docId: x.d.docId, status: x.v.status, note: x.v.note ?? '' })) };
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

function notAClause(kb: KnowledgeBase, docId: string, n: number): Answer {
  const doc = kb.document(docId) ?? kb.documents[0];
  const first = doc.clauses[0];
  const last = doc.clauses.at(-1)!;
  return {
    answer: `本政策没有第${n}条。《${doc.title}》共${doc.clauses.length}条，从${first.cite}到${last.cite}。`,
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
