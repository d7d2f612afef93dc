// Scoring a parsed document against its golden file: clause alignment, departments per clause, amounts per
// clause and metadata. Used by the golden test (txt) and the reader tests (every other format of a document).
import type { DepartmentRegistry } from '../corpus/departments.js';
import type { AmountFact, Fact, PolicyDocument } from '../corpus/types.js';
import type { Golden } from './realdocs.js';

export interface Score {
  hits: number;
  total: number;
}
export interface GoldenReport {
  clauses: Score;
  lead: Score;
  leadPrecision: Score;
  support: Score;
  /** Departments shown under the name the golden file gives (the document's own words, its elided prefix restored). */
  names: Score;
  amounts: Score;
  thresholdsAsAwards: number;
  metadata: Score;
  misses: string[];
}

// Labels and paths as written may carry layout spaces (第 1 0 条, 二 、) and either bracket width; they name the same.
const norm = (s: string | null | undefined) => (s ?? '').replace(/[\s\u3000\u00a0]+/g, '').replace(/[（(]/g, '(').replace(/[）)]/g, ')').replace(/[．]/g, '.');
const GRANTS = new Set(['award', 'cap', 'ratio']);

export function scoreAgainstGolden(doc: PolicyDocument, facts: Fact[], gold: Golden, registry: DepartmentRegistry): GoldenReport {
  const r: GoldenReport = {
    clauses: { hits: 0, total: gold.clauses.length },
    lead: { hits: 0, total: 0 },
    leadPrecision: { hits: 0, total: 0 },
    support: { hits: 0, total: 0 },
    names: { hits: 0, total: 0 },
    amounts: { hits: 0, total: 0 },
    thresholdsAsAwards: 0,
    metadata: { hits: 0, total: 0 },
    misses: [],
  };
  const ctx = { level: doc.level };
  const key = (n: string) => registry.resolve(n, ctx)?.key ?? norm(n);
  for (const [i, g] of gold.clauses.entries()) {
    const c = doc.clauses[i];
    if (!c) {
      r.misses.push(`clause ${i + 1} ${g.label}: missing`);
      continue;
    }
    const aligned = norm(c.label) === norm(g.label) && c.ordinal === g.ordinal && norm(c.title) === norm(g.title) && (!g.path || norm(c.pathLabel) === norm(g.path));
    if (aligned) r.clauses.hits++;
    else r.misses.push(`clause ${i + 1}: ours ${c.pathLabel}「${c.title}」, golden ${g.path ?? g.label}「${g.title ?? ''}」`);
    const ourLead = new Set(c.lead.map((d) => d.key));
    const ourSupport = new Set(c.support.map((d) => d.key));
    for (const n of g.lead) {
      r.lead.total++;
      if (ourLead.has(key(n))) r.lead.hits++;
      else r.misses.push(`${c.pathLabel} lead ${n} not found (ours: ${c.lead.map((d) => d.name).join('、') || '—'})`);
    }
    const goldLead = new Set(g.lead.map(key));
    for (const k of ourLead) {
      r.leadPrecision.total++;
      if (goldLead.has(k)) r.leadPrecision.hits++;
      else r.misses.push(`${c.pathLabel} lead ${k} is not in the golden file`);
    }
    for (const n of g.support) {
      r.support.total++;
      if (ourSupport.has(key(n))) r.support.hits++;
      else r.misses.push(`${c.pathLabel} support ${n} not found`);
    }
    const goldNames = new Set([...g.lead, ...g.support].map(norm));
    for (const d of [...c.lead, ...c.support]) {
      if (![...g.lead, ...g.support].some((n) => key(n) === d.key)) continue;
      r.names.total++;
      if (goldNames.has(norm(d.name))) r.names.hits++;
      else r.misses.push(`${c.pathLabel} department shown as ${d.name}, golden writes ${[...g.lead, ...g.support].find((n) => key(n) === d.key)}`);
    }
    const pool = facts.filter((f): f is AmountFact => f.type === 'amount' && f.docId === c.docId && f.clause === c.number);
    for (const a of g.amounts) {
      const at = pool.findIndex((f) => norm(f.display) === norm(a.text));
      const found = at === -1 ? undefined : pool.splice(at, 1)[0];
      if (GRANTS.has(a.kind)) {
        r.amounts.total++;
        if (found && GRANTS.has(found.role)) r.amounts.hits++;
        else r.misses.push(`${c.pathLabel} ${a.kind} ${a.text}: ${found ? `read as ${found.role}` : 'not found'}`);
      }
      if (a.kind === 'threshold-condition' && found?.role === 'award') {
        r.thresholdsAsAwards++;
        r.misses.push(`${c.pathLabel} threshold ${a.text} reported as an award`);
      }
    }
  }
  // A title printed with its issuers above it (中共柳河县委 柳河县人民政府 / 关于…) is the same title with or without them.
  const titleOk = (ours: string, want: string) => {
    const [a, b] = [norm(ours), norm(want)];
    return a === b || (a.endsWith(b) || b.endsWith(a)) && a.includes('关于') && b.includes('关于');
  };
  const meta: [string, unknown, unknown][] = [
    ['title', titleOk(doc.title, gold.title) ? gold.title : doc.title, gold.title],
    ['docNumber', doc.docNumber ?? null, gold.docNumber],
    ['published', doc.published ?? null, gold.published],
    ['effective', doc.effective ?? null, gold.effective],
    ['validUntil', doc.validUntil ?? null, gold.validUntil],
    ['repeals', doc.repeals.join(','), (gold.repeals ?? []).join(',')],
  ];
  if (gold.issuer) meta.push(['issuer', doc.issuers.join(' '), gold.issuer]);
  for (const [k, ours, want] of meta) {
    r.metadata.total++;
    if (norm(String(ours)) === norm(String(want))) r.metadata.hits++;
    else r.misses.push(`metadata ${k}: ${JSON.stringify(ours)}, golden ${JSON.stringify(want)}`);
  }
  return r;
}

export const rate = (s: Score) => (s.total ? s.hits / s.total : 1);
