// The build report of a document: what the parser found (structure, clauses, departments, amounts, metadata) and
// what it could not place (warnings). Printed by npm run build:index, returned by POST /api/documents (and its dry
// run), so staff can check a file before it answers anyone.
import type { Fact, PolicyDocument } from '../corpus/types.js';

export interface DocumentReport {
  docId: string;
  file: string;
  format: string;
  title: string;
  shortTitle?: string;
  docNumber?: string;
  issuers: string[];
  region: string[];
  level?: string;
  published?: string;
  effective?: string;
  validUntil?: string;
  structure: string;
  clauses: number;
  /** Distinct departments named as lead or support. */
  departments: number;
  /** Clauses that name a lead department. */
  clausesWithLead: number;
  amounts: number;
  thresholds: number;
  targets: number;
  sanctions: number;
  /** Awards, caps and ratios with an eligibility rule the benefit finder can read, and those whose condition it cannot. */
  rules: { readable: number; unreadable: number };
  warnings: string[];
}

export function documentReport(doc: PolicyDocument, facts: readonly Fact[]): DocumentReport {
  const own = facts.filter((f) => f.docId === doc.docId);
  const amounts = own.filter((f) => f.type === 'amount');
  return {
    docId: doc.docId,
    file: doc.file,
    format: doc.format,
    title: doc.title,
    shortTitle: doc.shortTitle,
    docNumber: doc.docNumber,
    issuers: doc.issuers,
    region: doc.region,
    level: doc.level,
    published: doc.published,
    effective: doc.effective,
    validUntil: doc.validUntil,
    structure: doc.structure,
    clauses: doc.clauses.length,
    departments: new Set(doc.clauses.flatMap((c) => [...c.lead, ...c.support].map((d) => d.key))).size,
    clausesWithLead: doc.clauses.filter((c) => c.lead.length).length,
    amounts: amounts.filter((f) => f.type === 'amount' && f.role !== 'threshold').length,
    thresholds: amounts.filter((f) => f.type === 'amount' && f.role === 'threshold').length,
    targets: own.filter((f) => f.type === 'target').length,
    sanctions: own.filter((f) => f.type === 'sanction').length,
    rules: {
      readable: amounts.filter((f) => f.type === 'amount' && f.rule?.readable).length,
      unreadable: amounts.filter((f) => f.type === 'amount' && f.rule && !f.rule.readable).length,
    },
    warnings: doc.warnings,
  };
}

/** The report as the CLI prints it: one line of counts, one of metadata, then each warning. */
export function formatReport(r: DocumentReport): string {
  const meta = [r.docNumber, r.issuers.join('、'), r.published && `发布 ${r.published}`, r.effective && `施行 ${r.effective}`, r.validUntil && `有效期至 ${r.validUntil}`]
    .filter(Boolean)
    .join(' · ');
  return [
    `  ${r.docId} (${r.format}): 《${r.title}》`,
    `    ${r.structure}; ${r.clauses} clauses (${r.clausesWithLead} with a lead department), ${r.departments} departments, ${r.amounts} amounts, ${r.thresholds} thresholds, ${r.targets} targets, ${r.sanctions} sanctions; eligibility read for ${r.rules.readable} awards, unreadable for ${r.rules.unreadable}`,
    meta ? `    ${meta}` : '',
    ...r.warnings.map((w) => `    warning: ${w}`),
  ]
    .filter(Boolean)
    .join('\n');
}
