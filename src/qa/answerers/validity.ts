// When a document takes effect and until when, and whether it is still in force (as of today or the asked date).
import { validityOf } from '../../corpus/validity.js';
import { citation, joinLines } from '../compose.js';
import type { Answerer } from './context.js';

const cn = (d: string) => d.replace(/^(\d{4})-(\d{2})-(\d{2})$/, (_, y, m, day) => `${y}年${Number(m)}月${Number(day)}日`);

export const answerValidity: Answerer = (_ask, ctx) => {
  const { kb } = ctx;
  const docId = ctx.r.docScope?.[0] ?? ctx.top?.docId;
  const doc = docId ? kb.document(docId) : undefined;
  if (!doc) return undefined;
  const v = validityOf(doc, ctx.asOf, kb.documents);
  const lines = [
    v.status === 'active' ? (doc.validUntil ? `本文件目前有效，有效期至${cn(doc.validUntil)}。` : '本文件目前有效，未写明失效日期。') : v.note,
    doc.effective ? `施行日期：${cn(doc.effective)}。` : '',
    doc.validityNote ? `原文：${doc.validityNote}` : '',
  ];
  const clause = doc.clauses.find((c) => doc.validityNote && c.text.includes(doc.validityNote.slice(0, 12))) ?? doc.clauses.at(-1)!;
  return {
    answer: joinLines(...lines, `来源：《${doc.title}》${doc.docNumber ? `（${doc.docNumber}）` : ''}`),
    intent: 'search',
    citations: [citation(doc, clause, doc.validityNote ?? clause.sentences.at(-1) ?? '')],
    facts: [],
  };
};

/** Who issued a document, its 文号 and dates. */
export const answerDocinfo: Answerer = (_ask, ctx) => {
  const { kb } = ctx;
  const docId = ctx.r.docScope?.[0] ?? ctx.top?.docId;
  const doc = docId ? kb.document(docId) : undefined;
  if (!doc) return undefined;
  const lines = [
    `《${doc.title}》`,
    doc.docNumber ? `文号：${doc.docNumber}` : '文号：本文件未载明文号',
    doc.issuers.length ? `发文单位：${doc.issuers.join('、')}` : '',
    doc.signed ? `成文日期：${cn(doc.signed)}` : '',
    doc.published ? `发布日期：${cn(doc.published)}` : '',
    doc.effective ? `施行日期：${cn(doc.effective)}` : '',
  ];
  const first = doc.clauses[0];
  return { answer: joinLines(...lines), intent: 'search', citations: [citation(doc, first, first.sentences[0] ?? '')], facts: [] };
};
