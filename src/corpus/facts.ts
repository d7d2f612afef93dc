// Rule-based fact extraction: amounts, targets and sanctions, each with its subject and source sentence.
import type { AmountFact, Clause, Fact, SanctionFact, TargetFact, ValueKind } from './types.js';

const MONEY = /(\d+(?:\.\d+)?)\s*(万亿元|亿元|万元|万)/g;
const PERCENT = /(\d+(?:\.\d+)?)\s*[%％]/g;
const RATIO = /(\d+)\s*[:：]\s*(\d+)(?!\d)/g;
const TARGET_NUM = /(\d+(?:\.\d+)?(?:\s*-\s*\d+)?)\s*(万亿元|亿元|万元|家|个|%|％)/g;
const TARGET_YEAR = /到\s*(\d{4})\s*年/g;
const PIECE_BREAK = /[，,；;。：:]/;
// Words that bound or shape a figure; longer forms first so 最高不超过 is not also read as 不超过.
const QUALIFIERS = ['最高不超过', '不超过', '最高', '一次性', '每年', '每家', '分别', '上限', '不得突破', '至', '超'];
const FORMS = ['奖励性后补助', '奖励补助', '配套资助', '配套支持', '经费支持', '财政资金补助', '资助', '补助', '奖励', '经费'];
const MEASURES = ['摘牌警示', '黄牌警告', '约谈', '摘牌'];
const GOVERNING_STOP = /的?(给予|从|由|进行|予以)|[，,；;]/;
const LEAD_VERBS = /^(并|要|进一步)?(提高|加大|加强|提升|推动|支持|实现|力争|建成)/;

interface Match { index: number; end: number; display: string; kind: ValueKind; value: number; unit: string }

function findValues(s: string): Match[] {
  const out: Match[] = [];
  for (const m of s.matchAll(MONEY)) {
    const unit = m[2];
    const scale = unit === '万亿元' ? 1e8 : unit === '亿元' ? 1e4 : 1;
    out.push({ index: m.index!, end: m.index! + m[0].length, display: m[0].replace(/\s+/g, ''), kind: 'money', value: Number(m[1]) * scale, unit: '万元' });
  }
  for (const m of s.matchAll(PERCENT)) {
    out.push({ index: m.index!, end: m.index! + m[0].length, display: m[0].replace(/\s+/g, ''), kind: 'percent', value: Number(m[1]), unit: '%' });
  }
  for (const m of s.matchAll(RATIO)) {
    out.push({ index: m.index!, end: m.index! + m[0].length, display: `${m[1]}:${m[2]}`, kind: 'ratio', value: Number(m[1]) / Number(m[2]), unit: 'ratio' });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Start of the comma-delimited piece that contains position i. */
function pieceStart(s: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (PIECE_BREAK.test(s[j])) return j + 1;
  return 0;
}

/** The "对…的" phrase that governs position i, if the sentence has one before it. */
function governingSubject(s: string, i: number): string | undefined {
  const at = s.lastIndexOf('对', i);
  if (at === -1) return undefined;
  const tail = s.slice(at + 1, i);
  const stop = tail.search(GOVERNING_STOP);
  const phrase = (stop === -1 ? tail : tail.slice(0, stop)).replace(/的$/, '');
  return phrase.length >= 2 ? phrase : undefined;
}

function insideGoverningPhrase(s: string, i: number): boolean {
  const at = s.lastIndexOf('对', i);
  if (at === -1) return false;
  const stop = s.slice(at + 1).search(GOVERNING_STOP);
  return stop !== -1 && i < at + 1 + stop;
}

function levelOf(subject: string): AmountFact['level'] {
  if (/自治区级/.test(subject)) return 'regional';
  if (/国家级|国家/.test(subject)) return 'national';
  if (/自治区/.test(subject)) return 'regional';
  return undefined;
}

/**
 * "新认定为国家级和自治区级科技企业孵化器" with 分别 and two figures → one subject per figure:
 * the shared head noun (科技企业孵化器) is borrowed from the last part.
 */
function distribute(subject: string, n: number): string[] | undefined {
  const parts = subject.split(/和|、|及/);
  if (parts.length !== n) return undefined;
  const last = parts[n - 1];
  const lvl = last.match(/^(国家级|自治区级|国家|自治区|市级|县级)/);
  if (!lvl) return parts;
  const head = last.slice(lvl[0].length);
  const lead = parts[0].match(/^(.*?)(国家级|自治区级|国家|自治区|市级|县级)$/);
  if (!lead) return parts;
  return parts.map((p, k) => (k === 0 ? p + head : k === n - 1 ? lead[1] + p : lead[1] + p + head));
}

function cleanSubject(s: string): string {
  return s.replace(LEAD_VERBS, '').replace(/(的|至|超|给予|不得突破规定|规定)+$/, '').replace(/^[，,]/, '').trim();
}

export function extractFacts(clause: Clause): Fact[] {
  const facts: Fact[] = [];
  const id = () => `${clause.docId}#${clause.number}#${facts.length + 1}`;
  const base = { docId: clause.docId, clause: clause.number, label: clause.label };
  const isTargetClause = /到\s*\d{4}\s*年/.test(clause.text);
  let year: number | undefined;

  for (const sentence of clause.sentences) {
    if (isTargetClause) {
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
      continue;
    }

    const values = findValues(sentence);
    const groups = new Map<number, Match[]>(); // values sharing one 分别 piece
    for (const v of values) {
      const start = pieceStart(sentence, v.index);
      groups.set(start, [...(groups.get(start) ?? []), v]);
    }
    for (const [start, all] of groups) {
      const governing = governingSubject(sentence, all[0].index);
      // A figure inside the "对…的" phrase is a condition (研发投入超过500万元的企业), not a grant.
      const vals = all.filter((v) => !insideGoverningPhrase(sentence, v.index));
      if (!vals.length) continue;
      const head = sentence.slice(start, vals[0].index);
      const localHead = head.split(/给予|从|由|按照/)[0];
      let subject = governing ?? cleanSubject(localHead);
      // A bare "比例不得突破…" borrows its subject from the preceding piece.
      if (!governing && /^(比例|占比)/.test(subject || head) && start > 0) {
        const prevStart = pieceStart(sentence, start - 1);
        subject = cleanSubject(sentence.slice(prevStart, start - 1));
      }
      // A local head such as "达到补助条件的" or "单个企业" narrows the governing subject.
      const local = cleanSubject(localHead);
      const condition =
        governing && start > sentence.indexOf(governing) + governing.length && (/的$/.test(localHead.trim()) || /^单个|^每个/.test(local))
          ? local
          : undefined;
      // 分别: "对国家级和自治区级孵化器…分别给予100万元和50万元" or "分别给予国家级和市级团队100万元和60万元".
      const after分别 = head.includes('分别') ? head.slice(head.indexOf('分别') + 2).replace(/^给予/, '') : '';
      const split =
        head.includes('分别') && vals.length > 1
          ? /和|、/.test(after分别)
            ? distribute(after分别, vals.length)?.map((p) => (governing ? `${governing}（${p}）` : p))
            : distribute(subject, vals.length)
          : undefined;
      const formOf = (v: Match) => {
        const after = sentence.slice(v.end, v.end + 8).replace(/^的/, '');
        return FORMS.find((f) => after.startsWith(f)) ?? FORMS.find((f) => sentence.slice(start, v.index).includes(f));
      };
      const groupForm = vals.map(formOf).find(Boolean);
      vals.forEach((v, k) => {
        const before = sentence.slice(start, v.index);
        const qualifiers: string[] = [];
        let rest = before;
        for (const q of QUALIFIERS) if (rest.includes(q)) { qualifiers.push(q); rest = rest.split(q).join(''); }
        const form = formOf(v) ?? groupForm;
        let subj = split?.[k] ?? subject;
        if (condition && condition !== subj && condition.length > 1) subj = `${subj}（${condition}）`;
        const fact: AmountFact = {
          ...base, id: id(), type: 'amount', kind: v.kind, display: v.display, value: v.value, unit: v.unit,
          qualifiers, subject: subj, level: levelOf(split?.[k] ?? subject), form, sentence,
        };
        facts.push(fact);
      });
    }

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
    out.push({ measure: hit.m, display: subject, subject });
    subject = undefined;
  }
  return out;
}
