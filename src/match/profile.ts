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
  statements: string[];
  places: Place[];
  numbers: ProfileNumber[];
  rank: { now?: number; before?: number; list: number[] };
}

const SCALE: Record<string, number> = { 亿: 1e8, 万: 1e4 };
const NUMBER = /(\d+(?:\.\d+)?)\s*(?:多|来|余)?\s*(亿|万)?\s*(元|块钱|人次|平方米|平米|㎡|[\u4e00-\u9fa5])?/g;

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
  const text = chineseAmountsToDigits(input.normalize('NFKC')).replace(/\s+/g, ' ').trim();
  const statements = text
    .split(/[。！？!?；;\n]+/)
    .flatMap((s) => s.split(words.statementBreak))
    .map((s) => s.trim())
    .filter(Boolean);
  const places = new Map<string, Place>();
  for (const t of kb.tokenizer.cut(text)) {
    const p = kb.gazetteer.lookup(t);
    if (p && p.level !== 'foreign' && p.level !== 'zone') places.set(p.name, p);
  }
  const numbers: ProfileNumber[] = [];
  for (const [i, s] of statements.entries()) {
    for (const m of s.matchAll(NUMBER)) {
      const unitWord = m[3] ?? '';
      const money = unitWord === '元' || unitWord === '块钱' || (m[2] !== undefined && !/[人亩家张]/.test(unitWord));
      const value = Number(m[1]) * (SCALE[m[2] ?? ''] ?? 1);
      numbers.push({ raw: m[0].trim(), value, unit: money ? '元' : unitWord, statement: i, before: s.slice(Math.max(0, m.index! - 12), m.index!) });
    }
  }
  const now = text.match(words.rankNow);
  const before = text.match(words.rankBefore);
  const change = text.match(words.rankChange);
  const list = statements.flatMap((s) => {
    const ranks = [...s.matchAll(/第\s*(\d+)/g)].map((m) => Number(m[1]));
    return ranks.length >= 2 ? ranks : [];
  });
  return {
    text,
    statements,
    places: [...places.values()],
    numbers,
    rank: {
      now: change ? Number(change[2]) : now ? Number(now[1]) : undefined,
      before: change ? Number(change[1]) : before ? Number(before[1]) : undefined,
      list,
    },
  };
}
