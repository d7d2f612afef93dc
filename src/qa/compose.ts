// Answer text: a direct first sentence (figure or department), conditions, the source line, then 牵头/配合.
// Every figure printed here comes from a fact or the clause text, and the citation quotes the sentence it came from.
import type { AmountFact, Clause, Fact, PolicyDocument, TargetFact } from '../corpus/types.js';
import { sourceLine as citationLine } from './citation.js';
import type { Citation } from './types.js';

export function sourceLine(doc: PolicyDocument, clause: Clause): string {
  return citationLine({ docTitle: doc.title, clause: clause.cite, title: clause.title });
}

export function citation(doc: PolicyDocument, clause: Clause, quote: string): Citation {
  return { docId: doc.docId, docTitle: doc.title, clause: clause.cite, number: clause.number, title: clause.title, quote };
}

export function departmentsLine(clause: Clause): string {
  if (!clause.lead.length) return '';
  const lead = clause.lead.map((d) => d.name).join('、');
  const support = clause.support.map((d) => d.name).join('、');
  return support ? `牵头：${lead}；配合：${support}` : `牵头：${lead}`;
}

const ORDER = ['每家', '每年', '一次性', '最高不超过', '不超过', '最高'];

/** "每年最高不超过1000万元经费支持", "上限7%（不得突破）", "提高至15%". */
export function figurePhrase(f: AmountFact): string {
  if (f.kind === 'percent') {
    if (f.qualifiers.includes('上限')) return `上限${f.display}（不得突破）`;
    if (f.qualifiers.includes('至')) return `提高至${f.display}`;
    return f.display;
  }
  if (f.kind === 'ratio') return `按国家支持资金${f.display}配套`;
  const q = ORDER.filter((w) => f.qualifiers.includes(w) && !(w === '最高' && f.qualifiers.includes('最高不超过')));
  return `${q.join('')}${f.display}${f.form ?? ''}`;
}

export function amountLine(f: AmountFact): string {
  return `${f.subject}：${figurePhrase(f)}`;
}

export function targetLine(f: TargetFact): string {
  return `${f.year ? `到${f.year}年，` : ''}${f.subject}`;
}

/** The verbatim sentences behind a set of facts, in clause order, each once. */
export function quoteOf(facts: Fact[]): string {
  return [...new Set(facts.map((f) => f.sentence))].join('');
}

export function joinLines(...lines: (string | undefined | false)[]): string {
  return lines.filter(Boolean).join('\n');
}
