// Facts of a clause: amounts (src/corpus/amounts.ts), development targets (到2025年 … 20家) and measurable
// sanctions (约谈, 黄牌警告, 摘牌), each with its subject and source sentence.
import { extractAmounts } from './amounts.js';
import type { Clause, Fact, SanctionFact, TargetFact, ValueKind } from './types.js';

const TARGET_NUM = /(\d+(?:\.\d+)?(?:\s*-\s*\d+)?)\s*(万亿元|亿元|万元|家|个|%|％)/g;
const TARGET_YEAR = /到\s*(\d{4})\s*年/g;
const PIECE_BREAK = /[，,；;。：:]/;
const MEASURES = ['摘牌警示', '黄牌警告', '约谈', '摘牌', '通报批评', '取消资格', '追回', '不得享受'];
const GOVERNING_STOP = /的?(给予|从|由|进行|予以)|[，,；;]/;
const LEAD_VERBS = /^(并|要|进一步)?(提高|加大|加强|提升|推动|支持|实现|力争|建成)/;

function pieceStart(s: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (PIECE_BREAK.test(s[j])) return j + 1;
  return 0;
}

function governingSubject(s: string, i: number): string | undefined {
  const at = s.lastIndexOf('对', i);
  if (at === -1) return undefined;
  const tail = s.slice(at + 1, i);
  const stop = tail.search(GOVERNING_STOP);
  const phrase = (stop === -1 ? tail : tail.slice(0, stop)).replace(/的$/, '');
  return phrase.length >= 2 ? phrase : undefined;
}

const cleanSubject = (s: string) => s.replace(LEAD_VERBS, '').replace(/(的|至|超|给予|不得突破规定|规定)+$/, '').replace(/^[，,]/, '').trim();

export function extractFacts(clause: Clause): Fact[] {
  const facts: Fact[] = [];
  let n = 0;
  const id = () => `${clause.docId}#${clause.number}#${++n}`;
  const base = { docId: clause.docId, clause: clause.number, label: clause.label };
  // A clause that sets goals for a year (到2025年…) states targets, not grants.
  if (/到\s*\d{4}\s*年/.test(clause.text) && !/给予|奖励|补助|补贴|资助/.test(clause.text)) {
    let year: number | undefined;
    for (const sentence of clause.sentences) {
      const years = [...sentence.matchAll(TARGET_YEAR)];
      for (const m of sentence.matchAll(TARGET_NUM)) {
        const y = years.filter((x) => x.index! < m.index!).at(-1);
        if (y) year = Number(y[1]);
        const start = pieceStart(sentence, m.index!);
        const endRel = sentence.slice(m.index!).search(PIECE_BREAK);
        const piece = sentence.slice(start, endRel === -1 ? undefined : m.index! + endRel);
        const unit = m[2];
        const kind: ValueKind = unit === '%' || unit === '％' ? 'percent' : /元/.test(unit) ? 'money' : 'count';
        const t: TargetFact = { ...base, id: id(), type: 'target', year, subject: cleanSubject(piece), display: m[0].replace(/\s+/g, ''), kind, sentence };
        facts.push(t);
      }
    }
    return facts;
  }
  for (const a of extractAmounts(clause, id)) facts.push(a);
  for (const sentence of clause.sentences) {
    for (const sanction of sanctionsOf(sentence)) facts.push({ ...base, id: id(), type: 'sanction', ...sanction, sentence });
  }
  return facts;
}

/**
 * Walks the pieces of a sentence: a piece "对X的…" or "X的" names who is concerned, and a later piece with
 * 约谈/黄牌警告/摘牌 says what happens to them.
 */
function sanctionsOf(sentence: string): Pick<SanctionFact, 'measure' | 'display' | 'subject'>[] {
  if (!MEASURES.some((m) => sentence.includes(m))) return [];
  const out: Pick<SanctionFact, 'measure' | 'display' | 'subject'>[] = [];
  let subject: string | undefined;
  for (const piece of sentence.split(/[，,；;]/)) {
    if (piece.startsWith('对')) subject = governingSubject(piece, piece.length) ?? subject;
    else if (/的$/.test(piece)) subject = piece.replace(/的$/, '');
    const hit = MEASURES.map((m) => ({ m, i: piece.indexOf(m) })).filter((x) => x.i !== -1).sort((a, b) => a.i - b.i)[0];
    if (!hit || !subject || /机制|制度/.test(piece.slice(hit.i))) continue;
    // The subject stays for the sentence: "予以黄牌警告，并由…约谈" applies both to the same 高新区.
    if (!out.some((o) => o.subject === subject && o.measure === hit.m)) out.push({ measure: hit.m, display: subject, subject });
  }
  return out;
}
