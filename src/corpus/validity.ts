// Whether a document is in force on a date: expired (its validUntil has passed), repealed (a later document of the
// corpus names it among those it repeals), not yet in force (its effective date is ahead), or active. Answers from
// a document that is not in force say so first, with the date: a hotline must not promise money from a dead policy.
import type { PolicyDocument } from './types.js';

export type ValidityStatus = 'active' | 'expired' | 'repealed' | 'pending';

export interface Validity {
  status: ValidityStatus;
  /** One line for the user: "本文件已于2024年10月15日失效。" */
  note?: string;
  /** The date the status turned (validUntil for expired, the repealing document's date for repealed). */
  since?: string;
  /** The document that repealed this one. */
  repealedBy?: string;
}

const cn = (d: string) => {
  const [y, m, day] = d.split('-').map(Number);
  return `${y}年${m}月${day}日`;
};

/** Today as YYYY-MM-DD (UTC+8, the documents' own time zone). */
export const today = (now = Date.now()) => new Date(now + 8 * 3600_000).toISOString().slice(0, 10);

export function validityOf(doc: PolicyDocument, asOf: string, corpus: readonly PolicyDocument[]): Validity {
  const repealer = doc.docNumber ? corpus.find((d) => d !== doc && d.repeals.includes(doc.docNumber!)) : undefined;
  if (repealer) {
    const since = repealer.effective ?? repealer.published ?? repealer.signed;
    if (!since || since <= asOf) {
      return {
        status: 'repealed',
        since,
        repealedBy: repealer.docId,
        note: `本文件已被《${repealer.title}》${repealer.docNumber ? `（${repealer.docNumber}）` : ''}废止${since ? `（${cn(since)}起）` : ''}。`,
      };
    }
  }
  if (doc.validUntil && doc.validUntil < asOf) {
    return { status: 'expired', since: doc.validUntil, note: `本文件已于${cn(doc.validUntil)}失效（有效期至${cn(doc.validUntil)}），以下内容仅供参考，不应据此承诺补贴。` };
  }
  if (doc.effective && doc.effective > asOf) return { status: 'pending', since: doc.effective, note: `本文件自${cn(doc.effective)}起施行，目前尚未生效。` };
  return { status: 'active' };
}
