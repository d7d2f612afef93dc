// A profile: how an enterprise (or a caller, for one) describes itself, read into statements, places, figures and
// ranks. Free text is the primary form; a structured profile is written out as the same kind of text, so both take
// one path through the matcher.
import type { KnowledgeBase } from '../index/knowledge-base.js';
import { chineseAmountsToDigits } from '../text/numerals.js';
import type { Place } from '../text/places.js';
import type { MatchWords } from './words.js';

export interface StructuredProfile {
  /** What the applicant is: 科技企业孵化器, 高新区内企业, 旅行社 … */
  type?: string;
  level?: string;
  /** What happened to it: 新认定, 备案, 首次进入独角兽企业培育库 … */
  events?: string[];
  /** Its own figures, named as the user names them: { "国家支持资金（万元）": 600, "排名": { "from": 50, "to": 38 } }. */
  figures?: Record<string, number | string | number[] | { from: number; to: number }>;
  place?: string;
}

export interface ProfileNumber {
  /** As the profile writes it (600万, 1200人). */
  raw: string;
  /** In base units: 元 for money. */
  value: number;
  /** 元 for money, else the measure word (人, 亩, 张 …); '' when none. */
  unit: string;
  /** Index of the statement it is in. */
  statement: number;
  /** The words before it in its statement (what it counts). */
  before: string;
}

export interface Profile {
  /** The description as one text (digits for counts written in words). */
  text: string;
  /** What it states about itself: its statements, without the questions it asks. */
  evidence: string;
  statements: string[];
  places: Place[];
  numbers: ProfileNumber[];
  rank: { now?: number; before?: number; list: number[] };
}

const SCALE: Record<string, number> = { 亿: 1e8, 万: 1e4 };
const NUMBER = /(\d+(?:\.\d+)?)\s*(?:多|来|余)?\s*(亿|万)?\s*(元|块钱|人次|平方米|平米|㎡|个人|[\u4e00-\u9fa5])?/g;

/** A structured profile as the sentence a user would write. */
export function profileText(p: StructuredProfile): string {
  const who = [p.place && `${p.place}的`, p.level, p.type].filter(Boolean).join('');
  const events = (p.events ?? []).join('，');
  const figures = Object.entries(p.figures ?? {}).map(([k, v]) => {
    if (Array.isArray(v)) return `${k}分别是${v.map((n) => `第${n}`).join('、')}`;
    if (v && typeof v === 'object') return `${k}从去年第${v.from}到今年第${v.to}，去年第${v.from}，今年第${v.to}`;
    // 国家支持资金（万元）: 600 → 国家支持资金600万元.
    const unit = k.match(/[（(]([^）)]+)[）)]/)?.[1] ?? '';
    return `${k.replace(/[（(][^）)]*[）)]/, '')}${v}${unit}`;
  });
  return [who ? `我们是${who}` : '', events, ...figures].filter(Boolean).join('。');
}

export function readProfile(kb: KnowledgeBase, input: string, words: MatchWords): Profile {
  // 三万六千人次 reads as 3万6000人次 after the digit pass: one number, 36000.
  const text = chineseAmountsToDigits(input.normalize('NFKC'))
    .replace(/(\d+)万(\d{1,4})(?![\d.万])/g, (_, w: string, r: string) => String(Number(w) * 1e4 + Number(r)))
    .replace(/\s+/g, ' ')
    .trim();
  // What the asker asks (是不是跟国家高新区一样给1000万？) is not what the asker is: question pieces are no evidence.
  const statements = text
    .split(/[。！？!?；;\n]+/)
    .flatMap((s) => s.split(words.statementBreak))
    // A question piece keeps what comes before its question word (国家级孵化器新认定给 | 多少).
    .map((s) => s.split(/[，,]/).map((piece) => { const at = piece.search(words.question); return at === -1 ? piece : piece.slice(0, at); }).filter((piece) => piece.trim()).join('，').trim())
    .filter(Boolean);
  const placesIn = (t: string) => {
    const found = new Map<string, Place>();
    for (const w of kb.tokenizer.cut(t)) {
      const p = kb.gazetteer.lookup(w);
      if (p && p.level !== 'foreign' && p.level !== 'zone') found.set(p.name, p);
    }
    return [...found.values()];
  };
  // Where the asker is: the places of its self-description (我们是广东湛江的企业), when it gives one; a place named
  // elsewhere may be the policy's (广西这个1000万的奖励).
  const own = statements.flatMap((s) => s.split(/[，,]/)).filter((piece) => words.self.test(piece)).flatMap(placesIn);
  const places = own.length ? own : placesIn(statements.join('，'));
  const numbers: ProfileNumber[] = [];
  for (const [i, s] of statements.entries()) {
    for (const m of s.matchAll(NUMBER)) {
      const unitWord = m[3] ?? '';
      const money = unitWord === '元' || unitWord === '块钱' || (m[2] !== undefined && !/[人亩家张个]/.test(unitWord));
      const value = Number(m[1]) * (SCALE[m[2] ?? ''] ?? 1);
      // As written, without a word that only follows it (600万专项 → 600万).
      const raw = money ? `${m[1]}${m[2] ?? ''}${unitWord === '元' ? '元' : ''}` : m[0].replace(/\s+/g, '');
      numbers.push({ raw, value, unit: money ? '元' : unitWord, statement: i, before: s.slice(Math.max(0, m.index! - 12), m.index!) });
    }
  }
  const evidence = statements.join('。');
  // Ranks are read only where a statement speaks of ranks (今年新招了22个 is no rank).
  const ranked = statements.filter((s) => words.rankWords.test(s)).join('。');
  const now = ranked.match(words.rankNow);
  const before = ranked.match(words.rankBefore);
  const change = ranked.match(words.rankChange);
  const list = statements.flatMap((s) => {
    const ranks = [...s.matchAll(/第\s*(\d+)/g)].map((m) => Number(m[1]));
    return ranks.length >= 2 ? ranks : [];
  });
  return {
    text,
    evidence,
    statements,
    places,
    numbers,
    rank: {
      now: change ? Number(change[2]) : now ? Number(now[1]) : undefined,
      before: change ? Number(change[1]) : before ? Number(before[1]) : undefined,
      list,
    },
  };
}
