// Who leads and who supports, in every way documents write it: closing notes ((牵头:…,配合:…), （牵头单位：…；配合
// 单位：…）, （X、Y负责）, 【…】, a note on its own line), the convention "列第一位者为牵头单位，下同" that one note sets
// for all later ones, a unit made responsible in the text (由区委统战部牵头负责, X负责本办法组织实施), and a section
// that lists the responsible units (申请受理责任部门).

/** The words that make a parenthetical a responsibility note. */
const RESPONSIBILITY = /负责|牵头|配合|责任单位|责任部门|主办单位|协办单位|承办单位/;
const LEAD_LABEL = '(?:牵头单位|牵头部门|责任单位|责任部门|主办单位|主责单位|牵头)';
const SUPPORT_LABEL = '(?:配合单位|配合部门|协办单位|参与单位|配合)';
const CONVENTION = /[。.，,；;]?\s*(?:列|排)(?:第一位|首位|在首位)(?:者|的)?(?:为|是)牵头(?:单位|部门)[，,]?\s*(?:下同)?[。.]?$/;
const OPEN = '（(【[';
const CLOSE = '）)】]';

export interface NoteParse {
  lead: string[];
  support: string[];
  /** The note stated the first-listed convention (it applies to this note and every later one). */
  setsConvention: boolean;
}

/** The responsibility note a text ends with, as written, and the text before it; undefined when none. */
export function trailingNote(text: string): { note: string; before: string } | undefined {
  const t = text.replace(/[\s\u3000]+$/, '').replace(/[。.]$/, '');
  const last = t.at(-1);
  if (!last || !CLOSE.includes(last)) return undefined;
  // Walk back to the bracket that opens the final one (names may hold brackets of their own: 各县（区）人民政府).
  let depth = 0;
  for (let i = t.length - 1; i >= 0; i--) {
    if (CLOSE.includes(t[i])) depth++;
    else if (OPEN.includes(t[i])) {
      depth--;
      if (depth === 0) {
        const inner = t.slice(i + 1, -1);
        if (!RESPONSIBILITY.test(inner) || inner.length > 300) return undefined;
        return { note: t.slice(i), before: text.slice(0, i).replace(/[\s\u3000]+$/, '') };
      }
    }
  }
  return undefined;
}

/** A note's lead and support lists, names as written. */
export function parseNote(note: string, convention: boolean): NoteParse {
  let inner = note.replace(/^[（(【[]\s*|\s*[）)】\]]\s*[。.]?$/g, '').trim();
  const setsConvention = CONVENTION.test(inner);
  inner = inner.replace(CONVENTION, '').trim();
  const labelled = new RegExp(`${LEAD_LABEL}\\s*[:：]`).test(inner);
  if (labelled) {
    const lead: string[] = [];
    const support: string[] = [];
    const re = new RegExp(`(${LEAD_LABEL}|${SUPPORT_LABEL})\\s*[:：]\\s*`, 'g');
    const hits = [...inner.matchAll(re)];
    for (const [k, m] of hits.entries()) {
      const end = k + 1 < hits.length ? hits[k + 1].index : inner.length;
      const value = inner.slice(m.index! + m[0].length, end).replace(/[，,；;。.\s]+$/, '');
      (new RegExp(`^${LEAD_LABEL}$`).test(m[1]) ? lead : support).push(value);
    }
    return { lead, support, setsConvention };
  }
  // "X牵头，Y配合" without colons.
  const pair = inner.match(/^(.+?)牵头(?:负责)?[，,；;](.+?)(?:配合|协助|参与)$/);
  if (pair) return { lead: [pair[1]], support: [pair[2]], setsConvention };
  let body = inner.replace(/[，,]?\s*(?:按职责分工|按照职责分工|分别|共同|各自)?\s*(?:负责|牵头负责)\s*$/, '').replace(/^由/, '').trim();
  const support: string[] = [];
  // "国家发展改革委会同有关部门": the party after 会同 supports.
  const with_ = body.match(/^(.+?)(?:会同|联合|协同)(.+)$/);
  if (with_) {
    body = with_[1];
    support.push(with_[2]);
  }
  // "人力资源社会保障部等有关部门和单位": 等 separates the named from the rest.
  body = body.replace(/等(有关部门和单位|有关部门|有关单位|相关部门|相关单位)$/, '、$1');
  if (convention || setsConvention) {
    const items = splitNames(body);
    return { lead: items.slice(0, 1), support: [...items.slice(1), ...support], setsConvention };
  }
  return { lead: [body], support, setsConvention };
}

/** Top-level list items (commas inside brackets do not split): 各县（区、市）人民政府 stays one. */
export function splitNames(list: string): string[] {
  const out: string[] = [];
  let cur = '';
  let depth = 0;
  for (const ch of list) {
    if (OPEN.includes(ch)) depth++;
    if (CLOSE.includes(ch)) depth = Math.max(0, depth - 1);
    if (depth === 0 && '、，,；;'.includes(ch)) {
      if (cur.trim()) out.push(cur.trim());
      cur = '';
    } else cur += ch;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

// An organisation name ending in a unit word, directly before a delimiter or a verb of responsibility.
const ORG = '[\\u4e00-\\u9fa5（）()]{1,30}?(?:委员会|办公室|办公厅|领导小组|人民政府|管委会|局|厅|委|部|办|院|署|中心|科|处|室|所|站|政府|机构|部门|单位|小组|支行|分行)';

/** Responsibility stated in a clause's own text: lead and support names as written. */
export function inlineResponsibility(text: string): { lead: string[]; support: string[] } {
  const lead: string[] = [];
  const support: string[] = [];
  for (const sentence of text.split(/(?<=[。；\n])/)) {
    for (const m of sentence.matchAll(new RegExp(`由(${ORG})(?:牵头)?负责(?!解释)`, 'g'))) lead.push(m[1]);
    for (const m of sentence.matchAll(new RegExp(`(${ORG})牵头(?:负责)?[，,](${ORG})(?:配合|协助|参与)`, 'g'))) {
      lead.push(m[1]);
      support.push(m[2]);
    }
    // "X是…主管部门，负责本办法组织实施": the sentence's subject leads the whole document's work.
    let subject = sentence.match(new RegExp(`^(?:[\\s\\u3000]*)(${ORG})(?=是|为|按照|负责|应当|协同|配合)`))?.[1];
    if (subject && /由|对|将|在|向/.test(subject)) subject = undefined;
    if (subject && /负责(?:本办法|本细则|本规定|本意见|本通知|本措施)?的?(?:组织实施|组织落实)/.test(sentence)) lead.push(subject);
    else if (subject && /协同实施|配合实施|协助实施|按照职责[，,]?\s*协同/.test(sentence)) support.push(subject);
    else if (subject && /负责/.test(sentence) && !/负责解释/.test(sentence)) support.push(subject);
  }
  // "X负责…" for a part of the work says who supports only beside a unit that leads; alone it is a task, not a
  // responsibility assignment.
  if (!lead.length) return { lead: [], support: [] };
  return { lead: [...new Set(lead)], support: [...new Set(support.filter((s) => !lead.includes(s)))] };
}

/** A section whose heading says it lists the responsible units (申请受理责任部门, 经办机构). */
export const RESPONSIBILITY_SECTION = /责任部门|责任单位|受理部门|负责部门|联系部门|受理机构|经办机构|办理部门|咨询部门|承办部门/;

/**
 * In a responsibility section, each item names its unit first ("天河区委组织部人才工作科，天河区天府路1号…"); a
 * unit that collects or assists ("由天河中央商务区管委会企业服务处汇总") supports.
 */
export function sectionResponsibility(text: string): { lead: string[]; support: string[] } {
  const first = text.match(new RegExp(`^[\\s\\u3000]*(${ORG})(?=[，,。；;：:（(]|具体|负责|受理|$)`))?.[1];
  const support = [...text.matchAll(new RegExp(`由(${ORG})(?:汇总|协助|配合|复核|统筹)`, 'g'))].map((m) => m[1]);
  return { lead: first ? [first] : [], support };
}
