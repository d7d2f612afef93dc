// Figures in a clause and what each does: a fixed benefit (award), a maximum (cap), a proportion the benefit is
// computed with (ratio), a figure the applicant must reach (threshold) or anything else (fund sizes, rents). One
// grammar for every document: money in 元/万元/亿元 (digits or Chinese numerals), per-unit figures (元/月, 元/人/夜,
// 每人每月), ranges (500万元—5000万元, 5%—20%), percentages, ratios (1:1, 2/3), rates (LPR+50BP), counts (人, 家, 亩).
import { parseChineseNumber } from '../text/numerals.js';
import type { AmountFact, AmountRole, Clause, Level, ValueKind } from './types.js';

const NUM = '(?:\\d+(?:\\.\\d+)?|[零〇一二两三四五六七八九十百千]+(?:点[零一二三四五六七八九]+)?)';
const DASH = '\\s*(?:—|–|－|-|～|~|至|到)+\\s*';
const MONEY_UNIT = '(?:万亿元|亿元|万元|元|亿|万)';
const PER = '(?:\\s*/\\s*(?:平方米|人|户|亩|月|年|次|天|日|夜|间|床|套|家|项|个|小时|平米)){0,3}';
const COUNT_UNIT = '(?:人次|人|名|家|张|亩|平方米|批次|次|个|项|套|间|户|床位|床|位|所|只|辆|台|种)';

interface Token {
  index: number;
  end: number;
  display: string;
  kind: ValueKind;
  value: number;
  valueMax?: number;
  unit: string;
  per?: string;
}

const toNumber = (s: string) => {
  const t = s.replace(/\s+/g, '');
  if (/^\d/.test(t)) return Number(t);
  const [i, f] = t.split('点');
  const n = parseChineseNumber(i);
  return n === undefined ? NaN : f ? Number(`${n}.${[...f].map((c) => '零一二三四五六七八九'.indexOf(c)).join('')}`) : n;
};
const SCALE: Record<string, number> = { 万亿元: 1e12, 亿元: 1e8, 亿: 1e8, 万元: 1e4, 万: 1e4, 元: 1 };

const PATTERNS: { kind: ValueKind; re: RegExp; make(m: RegExpMatchArray): Omit<Token, 'index' | 'end' | 'display'> | undefined }[] = [
  {
    // LPR+50BP: a rate, as written.
    kind: 'rate',
    re: /(?:LPR|贷款市场报价利率)\s*[+＋-]\s*\d+(?:\.\d+)?\s*(?:BP|bp|个基点)/g,
    make: () => ({ kind: 'rate', value: 0, unit: 'rate' }),
  },
  {
    kind: 'money',
    re: new RegExp(`(${NUM})\\s*(${MONEY_UNIT})?${DASH}(${NUM})\\s*(${MONEY_UNIT})(${PER})`, 'g'),
    make: (m) => {
      const unit = m[4];
      const a = toNumber(m[1]) * SCALE[m[2] ?? unit];
      const b = toNumber(m[3]) * SCALE[unit];
      return Number.isFinite(a) && Number.isFinite(b) && b > a ? { kind: 'money', value: a, valueMax: b, unit: '元', per: perOf(m[5]) } : undefined;
    },
  },
  {
    kind: 'percent',
    re: new RegExp(`(\\d+(?:\\.\\d+)?)\\s*[%％]?${DASH}(\\d+(?:\\.\\d+)?)\\s*[%％]`, 'g'),
    make: (m) => (Number(m[2]) > Number(m[1]) ? { kind: 'percent', value: Number(m[1]), valueMax: Number(m[2]), unit: '%' } : undefined),
  },
  {
    kind: 'count',
    re: new RegExp(`(\\d+(?:\\.\\d+)?)${DASH}(\\d+(?:\\.\\d+)?)\\s*(${COUNT_UNIT})`, 'g'),
    make: (m) => (Number(m[2]) > Number(m[1]) ? { kind: 'count', value: Number(m[1]), valueMax: Number(m[2]), unit: m[3] } : undefined),
  },
  {
    kind: 'money',
    re: new RegExp(`(${NUM})\\s*(${MONEY_UNIT})(?![\\u4e00-\\u9fa5]*?(?:人次|人口))(${PER})`, 'g'),
    make: (m) => {
      const v = toNumber(m[1]);
      // Chinese numerals are money only with 元 (一万元); 百万青年 is a headcount, and so is 1万名.
      if (!Number.isFinite(v) || (!/^\d/.test(m[1]) && !m[2].includes('元'))) return undefined;
      if (!m[2].includes('元') && new RegExp(`^${COUNT_UNIT}`).test(m.input!.slice(m.index! + m[0].length))) return undefined;
      return { kind: 'money', value: v * SCALE[m[2]], unit: '元', per: perOf(m[3]) };
    },
  },
  {
    kind: 'percent',
    re: /(\d+(?:\.\d+)?)\s*[%％]|百分之([零一二两三四五六七八九十百]+)/g,
    make: (m) => ({ kind: 'percent', value: m[1] ? Number(m[1]) : toNumber(m[2]), unit: '%' }),
  },
  {
    kind: 'ratio',
    re: /(?<![\d:：.-])(\d{1,3})\s*[:：]\s*(\d{1,3})(?![\d:：])/g,
    make: (m) => ({ kind: 'ratio', value: Number(m[1]) / Number(m[2]), unit: 'ratio' }),
  },
  {
    // 1.5倍 of a standard: a multiplier, used like a ratio.
    kind: 'ratio',
    re: /(\d+(?:\.\d+)?)\s*倍/g,
    make: (m) => ({ kind: 'ratio', value: Number(m[1]), unit: '倍' }),
  },
  {
    // 2/3 of something; not a date (2019/12) or a phone extension.
    kind: 'ratio',
    re: /(?<![\d/.-])([1-9])\s*\/\s*([1-9]\d?)(?![\d/])/g,
    make: (m) => (Number(m[1]) < Number(m[2]) ? { kind: 'ratio', value: Number(m[1]) / Number(m[2]), unit: 'fraction' } : undefined),
  },
  {
    kind: 'count',
    re: new RegExp(`(${NUM})\\s*(万)?\\s*(${COUNT_UNIT})(?!性|[\\u4e00-\\u9fa5]{0,1}(?:以内的?时间|工作日))`, 'g'),
    make: (m) => {
      const v = toNumber(m[1]);
      return Number.isFinite(v) ? { kind: 'count', value: v * (m[2] ? 1e4 : 1), unit: m[3] } : undefined;
    },
  },
];

const perOf = (s: string | undefined) => {
  const t = (s ?? '').replace(/\s+/g, '').replace(/^\//, '');
  return t || undefined;
};

/** The figures of a sentence, left to right; a span taken by an earlier pattern is not read again. */
export function figuresIn(s: string): Token[] {
  const out: Token[] = [];
  const taken = new Array<boolean>(s.length).fill(false);
  for (const p of PATTERNS) {
    for (const m of s.matchAll(p.re)) {
      const index = m.index!;
      const end = index + m[0].length;
      if (taken.slice(index, end).some(Boolean)) continue;
      // A figure glued to a longer number or a date/time word is not a figure of its own (2019年, 3个月, 20:00);
      // one repeated in "（含250000元）" restates the bound before it.
      if (/\d/.test(s[index - 1] ?? '') || /^[年月日号时]/.test(s.slice(end)) || /[（(]含$/.test(s.slice(Math.max(0, index - 2), index))) continue;
      // 一个/一项/一位 + noun is the article "a" (在一个纳税年度内), not a count to reach: unless a bound follows (一位及以上).
      if (p.kind === 'count' && m[1] === '一' && !m[2] && !/^\s*(?:及|或)?以上/.test(s.slice(end))) continue;
      const made = p.make(m);
      if (!made) continue;
      taken.fill(true, index, end);
      out.push({ ...made, index, end, display: m[0].replace(/\s+/g, '') });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}

const QUALIFIERS = ['最高不超过', '不超过', '不高于', '最高', '最多', '一次性', '每年', '每人每月', '每人每年', '每月', '每人', '每家', '每户', '分别', '上限', '不得突破', '至', '超', '以内', '封顶', '限额'];
const FORMS = ['奖励性后补助', '奖励补助', '配套资助', '配套支持', '经费支持', '财政资金补助', '财政贴息', '贴息', '资助', '补助', '补贴', '奖励', '经费', '扣除', '贷款'];
const PIECE_BREAK = /[，,；;。：:]/;
const GOVERNING_STOP = /的?(给予|从|由|进行|予以|按|可|实行)|[，,；;]/;
const LEAD_VERBS = /^(并|要|进一步|可|可以)?(提高|加大|加强|提升|推动|支持|实现|力争|建成)/;

/** Start of the sentence piece before the one that starts at `from` (the subject of "…，为每人每月X元"). */
function pieceStartOf(s: string, from: number): number {
  return from > 0 ? pieceStart(s, from - 1) : 0;
}

/** Start of the comma-delimited piece that contains position i. */
function pieceStart(s: string, i: number): number {
  for (let j = i - 1; j >= 0; j--) if (PIECE_BREAK.test(s[j])) return j + 1;
  return 0;
}
function pieceEnd(s: string, i: number): number {
  for (let j = i; j < s.length; j++) if (PIECE_BREAK.test(s[j])) return j;
  return s.length;
}

/** The "对…的" phrase that governs position i, if the sentence has one before it. */
/** The position of the 对 that opens a "对…的" phrase before i (对象, 对外, 对接 … are words, not that 对). */
function governingAt(s: string, i: number): number {
  for (let at = s.lastIndexOf('对', i); at !== -1; at = s.lastIndexOf('对', at - 1)) {
    if (!/^(象|外|接|比|照|应|口|标|称|话|待)/.test(s.slice(at + 1))) return at;
    if (at === 0) break;
  }
  return -1;
}

function governingSubject(s: string, i: number): string | undefined {
  const at = governingAt(s, i);
  if (at === -1 || /[应要将]$/.test(s.slice(Math.max(0, at - 1), at))) return undefined;
  const tail = s.slice(at + 1, i);
  const stop = tail.search(GOVERNING_STOP);
  const phrase = (stop === -1 ? tail : tail.slice(0, stop)).replace(/的$/, '');
  return phrase.length >= 2 ? phrase : undefined;
}

function insideGoverningPhrase(s: string, i: number): boolean {
  const at = governingAt(s, i);
  if (at === -1) return false;
  const stop = s.slice(at + 1).search(GOVERNING_STOP);
  return stop !== -1 && i < at + 1 + stop;
}

const LEVEL_WORDS: [RegExp, Level][] = [
  [/自治区级|省级|省部级|自治区(?!内)|省(?!内|外|会)/, 'province'],
  // 国家科技重大专项 / 国家重点研发计划 are national programmes a local recipient wins, not the recipient's level.
  [/国家级|国家(?!税务|科技重大专项|专项|(?:重点)?研发计划|支持资金)|国字号|全国性|国际性/, 'national'],
  [/市级|地市级|设区市/, 'city'],
  [/区级(?!高新区)/, 'district'],
  [/县级(?!人民政府|市)|县(?!区|域)/, 'county'],
];

/** The level a subject names (国家级 / 自治区级 / 市级 …); the first named wins. */
export function levelOfSubject(subject: string): Level | undefined {
  let best: { at: number; level: Level } | undefined;
  for (const [re, level] of LEVEL_WORDS) {
    const m = subject.match(re);
    if (m && (best === undefined || m.index! < best.at)) best = { at: m.index!, level };
  }
  return best?.level;
}

const LEVEL_PREFIX = /^(.*?)(国家级|自治区级|省级|市级|县级|区级|国家|自治区)$/;
const LEVEL_HEAD = /^(国家级|自治区级|省级|市级|县级|区级|国家|自治区)/;

/**
 * "新认定为国家级和自治区级科技企业孵化器" with 分别 and 2 figures → one subject per figure; also lists of
 * 3 or more ("新评定为三星级、四星级、五星级的酒店") and ranges of grades ("国家2—5星级的…单位" with 4 figures).
 */
export function distribute(subject: string, n: number): string[] | undefined {
  const range = subject.match(/^(.*?)(\d+)\s*[—–－-]\s*(\d+)(\S*?级)(.*)$/);
  if (range && Number(range[3]) - Number(range[2]) + 1 === n) {
    return Array.from({ length: n }, (_, k) => `${range[1]}${Number(range[2]) + k}${range[4]}${range[5]}`);
  }
  const parts = subject.split(/和|、|及|与/).filter(Boolean);
  if (parts.length !== n || n < 2) return undefined;
  const last = parts[n - 1];
  const lvl = last.match(LEVEL_HEAD);
  if (lvl) {
    const head = last.slice(lvl[0].length);
    const lead = parts[0].match(LEVEL_PREFIX);
    if (lead) return parts.map((p, k) => (k === 0 ? p + head : k === n - 1 ? lead[1] + p : lead[1] + p + head));
  }
  // Items as long as the middle ones (or, for two, ending alike): the first part's head and the last's tail
  // are shared by all.
  const itemLen = n > 2 ? Math.round(parts.slice(1, -1).reduce((t, p) => t + p.length, 0) / (n - 2)) : undefined;
  const lens = itemLen ? [itemLen] : Array.from({ length: Math.min(parts[0].length, last.length) }, (_, k) => k + 1).reverse();
  for (const L of lens) {
    if (L > parts[0].length || L > last.length) continue;
    const item0 = parts[0].slice(-L);
    const itemN = last.slice(0, L);
    if (!itemLen && item0.at(-1) !== itemN.at(-1)) continue;
    const prefix = parts[0].slice(0, -L);
    const tail = last.slice(L);
    return parts.map((p, k) => `${k === 0 ? '' : prefix}${p}${k === n - 1 ? '' : tail}`);
  }
  return parts;
}

/**
 * 分别 with N figures and no N-item list in its own subject: the figures go, in order, to the nearest list of N
 * items before it in the sentence (黄埔区、番禺区、南沙区的…，其农村…每人每月分别为2413元、2512元、2121元; 评估为优秀、
 * 良好、合格等级的，每年每个分别给予40万元、30万元、20万元). A list in a condition ("…的") gives that condition with the
 * one item in it; otherwise the item goes before the figure's own subject.
 */
function respectiveList(sentence: string, start: number, subject: string, n: number): string[] | undefined {
  for (let to = start; to > 0; ) {
    const from = pieceStart(sentence, to - 1);
    const piece = sentence.slice(from, to - 1).trim();
    const parts = piece.split('、');
    // Items as long as the middle ones: the first part's head and the last part's tail are the piece's own words.
    if (parts.length === n && n > 2) {
      const len = Math.round(parts.slice(1, -1).reduce((t, p) => t + p.length, 0) / (n - 2));
      const last = parts[n - 1];
      if (len >= 1 && len <= parts[0].length && len <= last.length) {
        const items = [parts[0].slice(-len), ...parts.slice(1, -1), last.slice(0, len)];
        // The item's own enumerator ((一)) is the clause's numbering, not words of whom it is for.
        const head = parts[0].slice(0, -len).replace(/^[（(][一二三四五六七八九十\d]+[）)]/, '');
        const tail = last.slice(len);
        if (/的$/.test(piece)) return items.map((x) => cleanSubject(`${head}${x}${tail}`));
        return items.map((x) => `${x}${subject.replace(/^其/, '')}`);
      }
    }
    to = from;
  }
  return undefined;
}

function cleanSubject(s: string): string {
  return s.replace(LEAD_VERBS, '').replace(/(的|至|超|给予|不得突破规定|规定|按|可申请|可|以上)+$/, '').replace(/^[，,]/, '').trim();
}

// Words around a figure that make it a condition to reach, not the benefit itself.
const THRESHOLD_BEFORE = /(达到|超过|不低于|不少于|高于|满|累计|首次突破|突破|在|投资|投入|总投入|营业额|销售额|产值|纳税额|税收|营业收入|面积|人数|收入|规模|资金投入|年薪|发展|建设|组团达|人口|招用|吸纳|以上至|以下至)\s*$/;
const THRESHOLD_AFTER = /^(?:（含[^）]*）|\(含[^)]*\))?\s*(?:(?:及|或)?以上|(?:及|或)?以下|以内|（含）以上|及其以上)\s*(?:（含[^）]*）|\(含[^)]*\))?\s*(的|且|或|并且|至)|^\s*(?:及|或)?(?:以上|以下)|^\s*的(?![\u4e00-\u9fa5]{0,4}?(标准|比例))/;
const BENEFIT_AFTER = /^\s*的[\u4e00-\u9fa5]{0,4}?(标准|比例|奖励|补贴|补助|资助|经费|配套|扶持|贴息|费用|资金|支持|贷款|额度|限额|上限|一次性)/;
const CAP_BEFORE = /(最高不超过|不超过|不能超过|不高于|最高可|最高为|最高|最多|上限为?|限额为?|封顶|控制在|降至|降低至|压降至|不得超过|不得突破|最长不超过)\s*[^，,；;。]{0,12}$/;
const CAP_AFTER = /^\s*(以内|为限|封顶|限额)/;
const GRANTED_AFTER = /^(?:的)?(?:予以|给予)|^的?(?:补贴|补助|奖励|资助|贴息)/;
const MEASURE_HEAD = /^(?:每[月年人户]?)?(?:扣除|补贴|补助|奖励|资助|贴息|发放|支付)?(?:标准|金额|额度|数额)(?:为|是|按)?(?:每[月年人户天])?$/;
const OTHER_CONTEXT = /(安排|设立|规模|租金|收取|支付工作补贴|招聘数量|招录|指标)/;

function roleOf(s: string, t: Token, pieceFrom: number, pieceTo: number, header?: string): AmountRole {
  const before = s.slice(pieceFrom, t.index);
  const after = s.slice(t.end, pieceTo);
  const near = s.slice(Math.max(pieceFrom, t.index - 8), t.index);
  if (header && /限额|上限|最高/.test(header)) return 'cap';
  // A minimum the applicant must meet or pay (不低于最低工资80%的标准) is a condition; a floor on a share
  // (风险责任比例均不低于20%) is still a share.
  if (/不低于|不少于|不得低于/.test(before)) {
    if (t.kind === 'percent' && (/比例/.test(before) || /给予|补贴|补助|奖励|支持/.test(before))) return 'ratio';
    return 'threshold';
  }
  if (CAP_BEFORE.test(before) || CAP_AFTER.test(after)) {
    // "不低于…80%的标准" is a condition; "最高不超过15万元的贷款" a cap; "户籍人口不超过100万的城市" says which
    // cities, a condition: a measured quantity before it and no benefit word after its 的.
    if (/不低于|不少于/.test(near)) return 'threshold';
    if (THRESHOLD_BEFORE.test(before.replace(/(?:不超过|不能超过|不高于|不得超过)\s*$/, '')) && /^\s*的/.test(after) && !BENEFIT_AFTER.test(after)) return 'threshold';
    return 'cap';
  }
  if (THRESHOLD_BEFORE.test(near) && !/按|给予|奖励|补贴|补助|资助/.test(near.slice(-3))) return t.kind === 'percent' && /按/.test(before) ? 'ratio' : 'threshold';
  if (THRESHOLD_AFTER.test(after) && !BENEFIT_AFTER.test(after)) return 'threshold';
  if (t.kind === 'count') return 'threshold';
  // An eligibility line (认定标准…为每人每月1963.5元) is the figure an applicant's income is measured against.
  if (t.kind === 'money' && /(认定标准|收入标准|准入标准|申请条件|资格条件|认定条件)/.test(s.slice(pieceStartOf(s, pieceFrom), t.index))) return 'threshold';
  if (t.kind === 'money' && OTHER_CONTEXT.test(before) && !/给予|奖励|补贴|补助/.test(before)) return 'other';
  if (t.kind === 'percent' || t.kind === 'ratio') return 'ratio';
  if (t.kind === 'rate') return 'cap';
  return 'award';
}

export function extractAmounts(clause: Clause, nextId: () => string): AmountFact[] {
  const facts: AmountFact[] = [];
  const base = { docId: clause.docId, clause: clause.number, label: clause.label };
  if (clause.row) return rowAmounts(clause, base, nextId);
  for (const sentence of clause.sentences) {
    const values = figuresIn(sentence);
    if (!values.length) continue;
    const groups = new Map<number, Token[]>();
    for (const v of values) {
      const start = pieceStart(sentence, v.index);
      groups.set(start, [...(groups.get(start) ?? []), v]);
    }
    const conditions = values
      .filter((v) => roleOf(sentence, v, pieceStart(sentence, v.index), pieceEnd(sentence, v.end)) === 'threshold')
      .map((v) => sentence.slice(pieceStart(sentence, v.index), pieceEnd(sentence, v.end)).trim());
    for (const [start, all] of groups) {
      const end = pieceEnd(sentence, all.at(-1)!.end);
      // The subject is governed up to the first figure that is granted, not a threshold inside "对…的".
      const firstGrant = all.find((v) => roleOf(sentence, v, start, end) !== 'threshold') ?? all[0];
      const governing = governingSubject(sentence, firstGrant.index);
      const head = sentence.slice(start, all[0].index);
      const localHead = head.split(/给予|从|由|按照|按/)[0];
      let subject = governing ?? cleanSubject(localHead);
      if (!governing && /^(比例|占比)/.test(subject || head) && start > 0) subject = cleanSubject(sentence.slice(pieceStart(sentence, start - 1), start - 1));
      // A head that is one function word (…，在80000元限额内据实扣除) names nobody: the piece before it may.
      if (subject && /^[在于按为对向以可将从并]$/.test(subject)) subject = '';
      // Back over pieces that only say when (由纳税人在办理年度汇算清缴时) to the one that says what; the first piece
      // of the sentence is taken whatever it says.
      for (let from = start; !subject && from > 0; ) {
        const prevStart = pieceStart(sentence, from - 1);
        const prev = cleanSubject(sentence.slice(prevStart, from - 1));
        subject = prevStart === 0 || !/时$/.test(prev) ? prev : '';
        from = prevStart;
      }
      // "…超过100万的城市，扣除标准为每月1100元": a head that only names the measure (扣除标准为) is no subject;
      // the piece before it says whom the figure is for.
      if (!governing && start > 0 && MEASURE_HEAD.test(subject ?? '')) {
        const prev = cleanSubject(sentence.slice(pieceStart(sentence, start - 1), start - 1));
        if (prev) subject = prev;
      }
      const local = cleanSubject(localHead);
      const condition =
        governing && start > sentence.indexOf(governing) + governing.length && (/的$/.test(localHead.trim()) || /^单个|^每个/.test(local)) ? local : undefined;
      const awards = all.filter((v) => {
        const r = roleOf(sentence, v, start, end);
        return r !== 'threshold' && !(insideGoverningPhrase(sentence, v.index) && r !== 'cap' && !GRANTED_AFTER.test(sentence.slice(v.end, v.end + 6)));
      });
      const after分别 = head.includes('分别') ? head.slice(head.indexOf('分别') + 2).replace(/^(给予|按|奖励)/, '') : '';
      const split =
        head.includes('分别') && awards.length > 1
          ? /和|、|与/.test(after分别)
            ? distribute(after分别.replace(/(的)?(标准|比例)$/, ''), awards.length)?.map((p) => (governing ? `${governing}（${p}）` : p))
            : (distribute(subject, awards.length) ?? respectiveList(sentence, start, subject, awards.length))
          : undefined;
      // "富力大厦32.5元/平方米/月、珠江嘉苑18元/平方米/月、…": a list of name–figure pairs gives each figure the name
      // written just before it. The names stand alone when the first one is the subject; under a subject of their own
      // (一类门诊特定病种：按指定基层医疗机构85%、其他医疗机构65%) they qualify it.
      const firstName = head.split(/按|为|：|:|，|,|给予/).pop()!.trim();
      const isList = !split && awards.length > 1 && listName(sentence, awards[0].end, awards[1].index) !== undefined;
      const formOf = (v: Token) => {
        const after = sentence.slice(v.end, v.end + 8).replace(/^的/, '');
        return FORMS.find((f) => after.startsWith(f)) ?? FORMS.find((f) => sentence.slice(start, v.index).includes(f));
      };
      for (const v of all) {
        const role = roleOf(sentence, v, start, end);
        // "…租金总额的50%予以补贴": the figure right before the grant is what is granted, inside "对…" or not.
        const granted = GRANTED_AFTER.test(sentence.slice(v.end, v.end + 6));
        const isCondition = role === 'threshold' || (insideGoverningPhrase(sentence, v.index) && role !== 'cap' && !granted);
        const k = awards.indexOf(v);
        const before = sentence.slice(start, v.index);
        const qualifiers = QUALIFIERS.filter((q) => before.includes(q)).filter((q, _, a) => !a.some((o) => o !== q && o.includes(q)));
        let subj = (k !== -1 ? split?.[k] : undefined) ?? subject;
        const listed = isList && k !== -1 ? (k > 0 ? listName(sentence, awards[k - 1].end, v.index) : firstName) : undefined;
        if (listed) subj = firstName === subject || !subject ? listed : `${subject}（${listed}）`;
        if (isCondition) subj = sentence.slice(start, end).trim();
        else if (condition && condition !== subj && condition.length > 1) subj = `${subj}（${condition}）`;
        facts.push({
          ...base, id: nextId(), type: 'amount', kind: v.kind, role: isCondition ? 'threshold' : role, display: v.display, value: v.value, valueMax: v.valueMax,
          unit: v.unit, per: v.per ?? perFromWords(before), qualifiers, subject: subj, level: levelOfSubject((k !== -1 ? split?.[k] : undefined) ?? subject), form: isCondition ? undefined : formOf(v),
          sentence, conditions: isCondition ? [] : conditions,
        });
      }
    }
  }
  // "…的旅行社、户外团队进行奖励。每满一万人奖励一万元。": a benefit whose own sentence names nobody (每满, 每) is
  // for whom the sentence before named.
  for (const [i, f] of facts.entries()) {
    if (f.role === 'threshold' || !/^(?:每[满达增多]?[到加]?|[在于按])?$/.test(f.subject)) continue;
    const prev = facts.slice(0, i).reverse().find((x) => x.sentence !== f.sentence && x.subject.length > 2);
    if (!prev) continue;
    f.subject = prev.subject;
    // The quote must hold the words the subject came from.
    f.sentence = `${prev.sentence}${f.sentence}`;
  }
  return facts;
}

/** The name between the previous figure of a list and this one ("、珠江嘉苑"), or undefined when words other than a
 * name stand there (给予, 分别, 奖励 …). */
function listName(sentence: string, from: number, to: number): string | undefined {
  const between = sentence.slice(from, to).replace(/^[、，,；;和及与]\s*/, '').trim();
  if (!/^[、，,；;和及与]/.test(sentence.slice(from, to).trim())) return undefined;
  return /^[\u4e00-\u9fa5A-Za-z0-9（）()·]{2,16}$/.test(between) && !/给予|奖励|补贴|补助|分别|最高|不超过|每|按|标准|为$/.test(between) ? between : undefined;
}

/** 每人每月 → 人/月. */
function perFromWords(before: string): string | undefined {
  const m = before.match(/每(人|户|家|亩|平方米|间|床|个)?(?:每)?(月|年|天|日|次)?[^每]{0,6}$/);
  if (!m || (!m[1] && !m[2])) return undefined;
  return [m[1], m[2]].filter(Boolean).join('/');
}

/** A funding-table row: each figure cell is a fact whose subject combines the row's name and the column's header. */
function rowAmounts(clause: Clause, base: Pick<AmountFact, 'docId' | 'clause' | 'label'>, nextId: () => string): AmountFact[] {
  const { header, cells } = clause.row!;
  const out: AmountFact[] = [];
  const seen = new Map<string, number[]>();
  for (const [i, cell] of cells.entries()) {
    if (i === 0 && /^\d+$/.test(cell)) continue;
    for (const v of figuresIn(cell)) {
      if (v.kind === 'count' && !/[元%]/.test(cell)) continue;
      const key = `${cell}`;
      // A merged cell (one limit for both columns) is one figure with both columns as its subject.
      const cols = seen.get(key);
      if (cols) {
        cols.push(i);
        continue;
      }
      seen.set(key, [i]);
      out.push({
        ...base, id: nextId(), type: 'amount', kind: v.kind, role: roleOf(cell, v, 0, cell.length, header[i]), display: v.display, value: v.value,
        valueMax: v.valueMax, unit: v.unit, per: v.per, qualifiers: [], subject: '', level: undefined, sentence: cell, conditions: [],
      });
      (out.at(-1) as AmountFact & { cols?: number[] }).cols = seen.get(key);
    }
  }
  for (const f of out as (AmountFact & { cols?: number[] })[]) {
    const cols = f.cols ?? [];
    delete f.cols;
    const names = cols.map((c) => header[c]?.split('/').at(-1) ?? '').filter(Boolean);
    const group = header[cols[0]]?.includes('/') ? header[cols[0]].split('/')[0] : '';
    f.subject = `${clause.title}（${names.join('、')}${group ? group : ''}）`;
    f.sentence = clause.text;
  }
  return out;
}
