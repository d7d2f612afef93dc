// Which facts a question asks about: subject terms weigh most, then the fact's sentence and clause title;
// a level the question names (国家级 / 自治区级) excludes facts of the other level.
import type { Fact } from '../corpus/types.js';
import type { KnowledgeBase } from '../index/knowledge-base.js';
import type { Level } from './cues.js';
import { createSubstringIndex, type SubstringIndex } from '../index/substring-index.js';
import type { Term } from './terms.js';

export interface ScoredFact<F extends Fact = Fact> {
  fact: F;
  score: number;
  /** Terms found in the fact's subject. */
  subjectHits: Term[];
}

export interface FactQuery {
  terms: Term[];
  level?: Level;
  /** Clause numbers the retrieval ranked high, best first (a tie-breaker only). */
  clauseRank: string[];
  /** Restrict to these clauses (follow-ups and explicit clause references). */
  clauses?: string[];
  /** Restrict to these documents (the ones the question names). */
  docs?: string[];
  /** Figures the question itself states (是不是给50万？), matched against the fact's value. */
  figures?: string[];
}

// One collator for every comparison: localeCompare with options builds one per call, which dominated a question's
// cost at 200 documents (thousands of scored facts sorted). Same order: the same locale and options.
const byId = new Intl.Collator('en', { numeric: true }).compare;
const key = (f: Fact) => `${f.docId}#${f.clause}`;
const levelOfSubject = (s: string): Level | undefined => (/自治区级|省级/.test(s) ? 'province' : /国家/.test(s) ? 'national' : undefined);
const sameFigure = (a: string, b: string) => a.replace(/元$/, '') === b.replace(/元$/, '');

export function scoreFacts<F extends Fact>(kb: KnowledgeBase, facts: F[], q: FactQuery): ScoredFact<F>[] {
  const out: ScoredFact<F>[] = [];
  const index = factIndexOf(kb, facts);
  // Only the first three places of the ranking weigh (a tie-breaker), so only they are looked up.
  const top = q.clauseRank.slice(0, 3);
  for (const [i, terms] of candidates(index, facts, q)) {
    const fact = facts[i];
    if (q.clauses && !q.clauses.includes(key(fact))) continue;
    if (q.docs && !q.docs.includes(fact.docId)) continue;
    const factLevel = fact.type === 'amount' ? fact.level : levelOfSubject(fact.subject);
    if (q.level && factLevel && factLevel !== q.level) continue;
    const w = index.fields[i];
    // Each field lowercased once per library, not once per term of every question.
    const has = (field: keyof FactFields, t: Term) => t.forms.some((f) => (f === 'a' ? GRADE_A.test(w.raw[field]) : w[field].includes(f)));
    let score = 0;
    const subjectHits: Term[] = [];
    let termScore = 0;
    // A qualifier the subject happens to spell (每月, 每人 in "每人分摊的额度不能超过每月") says how the figure is
    // counted, not whom it is for: it weighs as a word of the sentence.
    const qualifiers = fact.type === 'amount' ? fact.qualifiers : [];
    for (const t of terms) {
      if (qualifiers.some((x) => t.forms.includes(x))) {
        if (has('sentence', t)) score += t.weight;
      } else if (has('subject', t)) {
        score += 3 * t.weight;
        subjectHits.push(t);
      } else if (has('sentence', t) || (w.leadIn && has('leadIn', t))) score += t.weight;
      else if (has('title', t)) score += 0.5 * t.weight;
    }
    termScore = score;
    // A level or a rank alone never makes a match, except inside the clause a follow-up points at.
    if (termScore === 0 && !q.clauses) continue;
    // Prefer the fact whose subject the question covers most: 升成国家高新区 is 获批国家高新区, not
    // 首次进入全国排名前35名的国家高新区, whose extra condition the question never mentioned.
    const covered = subjectHits.reduce((n, t) => n + Math.max(...t.forms.filter((f) => fact.subject.includes(f)).map((f) => f.length), 0), 0);
    score += 3 * Math.min(1, covered / Math.max(4, fact.subject.length));
    if (q.level && factLevel === q.level) score += 1.5;
    if (q.figures?.some((x) => sameFigure(x, fact.display))) score += 1;
    const rank = top.indexOf(key(fact));
    if (rank === 0) score += 1;
    else if (rank > 0 && rank < 3) score += 0.4;
    if (score > 0) out.push({ fact, score, subjectHits });
  }
  return out.sort((a, b) => b.score - a.score || byId(a.fact.id, b.fact.id));
}

interface FactFields {
  subject: string;
  sentence: string;
  leadIn: string;
  title: string;
}
interface FactIndex {
  /** Facts whose words (subject, sentence, lead-in, clause title) contain a string. */
  words: SubstringIndex;
  byClause: Map<string, number[]>;
  /** Per fact: its fields lowercased (as hasTerm compares), and as written. */
  fields: (FactFields & { raw: FactFields })[];
}
const factIndexes = new WeakMap<readonly Fact[], FactIndex>();
const GRADE_A = /(^|[^a-zA-Z])A([^a-zA-Z]|$)/;

function factIndexOf(kb: KnowledgeBase, facts: readonly Fact[]): FactIndex {
  let index = factIndexes.get(facts);
  if (!index) {
    const fields = facts.map((f) => {
      const clause = kb.clause(f.docId, f.clause);
      const raw = { subject: f.subject, sentence: f.sentence, leadIn: clause ? leadInOf(f, clause.sentences) : '', title: clause?.title ?? '' };
      return { subject: raw.subject.toLowerCase(), sentence: raw.sentence.toLowerCase(), leadIn: raw.leadIn.toLowerCase(), title: raw.title.toLowerCase(), raw };
    });
    const byClause = new Map<string, number[]>();
    for (const [i, f] of facts.entries()) (byClause.get(key(f)) ?? byClause.set(key(f), []).get(key(f))!).push(i);
    index = { words: createSubstringIndex(fields.map((x) => `${x.subject}\u0001${x.sentence}\u0001${x.leadIn}\u0001${x.title}`)), byClause, fields };
    factIndexes.set(facts, index);
  }
  return index;
}

/**
 * The facts a query can score, each with the terms its words hold: those of the clauses it is restricted to (every
 * term may be there), else those whose words hold one of its terms' forms (a fact holding none scores nothing).
 * Found from postings, so the cost follows the question's words, not the size of the library; a term a fact's words
 * do not hold cannot score on any of its fields, so only the held ones are checked. The result is the same as
 * scoring every term against every fact.
 */
function candidates(index: FactIndex, facts: readonly Fact[], q: FactQuery): [number, Term[]][] {
  if (q.clauses) return q.clauses.flatMap((c) => index.byClause.get(c) ?? []).sort((a, b) => a - b).map((i) => [i, q.terms]);
  const found = new Map<number, Term[]>();
  for (const t of q.terms) {
    const holders = new Set<number>();
    for (const form of t.forms) for (const i of form === 'a' ? facts.keys() : index.words.hits(form)) holders.add(i);
    for (const i of holders) {
      const held = found.get(i);
      if (held) held.push(t);
      else found.set(i, [t]);
    }
  }
  // Terms stay in the question's order, as the scoring loop visits them.
  return [...found].sort((a, b) => a[0] - b[0]);
}

/**
 * The sentence a list of tiers hangs from: the nearest one before the fact's sentence that ends with a colon
 * ("住房租金支出，可以按照以下标准定额扣除：" over "（一）直辖市…每月1500元"). Its words are the tiers' subject too.
 */
function leadInOf(fact: Fact, sentences: string[]): string {
  // Facts do not change once indexed: found once per fact, not on every question.
  let found = leadIns.get(fact);
  if (found === undefined) {
    const at = sentences.findIndex((x) => x === fact.sentence || x.includes(fact.sentence) || fact.sentence.includes(x));
    found = '';
    for (let i = at - 1; i >= 0 && !found; i--) if (/[：:]\s*$/.test(sentences[i])) found = sentences[i];
    leadIns.set(fact, found);
  }
  return found;
}
const leadIns = new WeakMap<Fact, string>();

/**
 * The facts to answer with: everything tied with the best. When several tie and the question named no level,
 * siblings in the same sentences are listed too, so "孵化器能拿多少" shows every incubator-related figure.
 */
export function selectFacts<F extends Fact>(scored: ScoredFact<F>[], level?: Level, figures: string[] = []): ScoredFact<F>[] {
  if (!scored.length) return [];
  const best = scored[0].score;
  const picked = scored.filter((s) => s.score >= best - 0.75);
  // A figure the user states ("配套是1:1吗") is confirmed when its fact sits in the answer's clause.
  for (const s of scored) {
    if (!picked.includes(s) && s.fact.clause === scored[0].fact.clause && figures.some((x) => sameFigure(x, s.fact.display))) picked.push(s);
  }
  // "指定基层医疗机构和其他医疗机构分别报多少": a figure beside the best, in its sentence, whose subject holds a word of
  // the question no picked subject holds, answers the other half of the question.
  for (const s of scored) {
    if (picked.includes(s) || s.fact.sentence !== scored[0].fact.sentence) continue;
    if (s.subjectHits.some((t) => !picked.some((p) => p.subjectHits.includes(t)))) picked.push(s);
  }
  const distinct = new Set(picked.map((s) => s.fact.display)).size;
  if (picked.length > 1 && distinct > 1 && !level) {
    const sentences = new Set(picked.map((s) => s.fact.sentence));
    for (const s of scored) if (!picked.includes(s) && sentences.has(s.fact.sentence)) picked.push(s);
  }
  return picked.sort((a, b) => a.fact.clause - b.fact.clause || byId(a.fact.id, b.fact.id));
}
