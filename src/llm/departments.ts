// Department mentions in free text: every registry name or alias, plus anything that looks like a government
// body (…厅, …局, …委, …委员会, …办公室, …人民政府, a ministry …部) that the registry does not know.
import type { DepartmentRegistry, DeptContext } from '../corpus/departments.js';

export interface DeptMention {
  /** As written in the text (for unknown bodies: the words before the suffix, best effort). */
  written: string;
  /** Canonical key when the registry knows the name. */
  key?: string;
  name: string;
  /** The text names it as the lead (X牵头, 牵头的是X). */
  asLead: boolean;
  start: number;
  end: number;
}

const SUFFIX = /委员会|办公室|人民政府|管委会|厅|局|委|部/g;
// Ordinary words that end in a suffix character: 格局 is no bureau, 大厅 no department.
const NOT_BEFORE: Record<string, RegExp> = {
  局: /[格布全大结开出当赌棋饭骗]$/,
  厅: /[餐大客展舞歌门前]$/,
};
const NOT_AFTER: Record<string, RegExp> = { 局: /^[面部限势]/, 委: /^[托派屈婉实员]/ };
// 部 only as a ministry or a party department: 商务部, 科技部, 组织部; never 全部, 内部, 北部湾, 部门.
const MINISTRY = /(?:科学技术|科技|商务|财政|教育|工业和信息化|工信|人力资源和社会保障|人社|自然资源|生态环境|住房和城乡建设|住建|交通运输|水利|农业农村|文化和旅游|卫生健康|应急管理|民政|司法|公安|外交|国防|组织|宣传|统战)$/;
const STOP_CHAR = /[由和与及的是为向到在对从请找或被给让各该其并、，。；：:,;！？!?\s“”"'（）()《》【】]/;
const STOP_WORD = /(?:牵头|配合|负责|联系|会同|咨询|申请|包括|以及|或者|并由|主要)$/;
const LEAD_AFTER = /^(?:负责)?牵头/;
const LEAD_BEFORE = /牵头(?:部门|单位)?(?:是|为|的是|:|：)\s*$/;

function wordsBefore(text: string, end: number, max = 10): string {
  let i = end;
  while (i > 0 && end - i < max && !STOP_CHAR.test(text[i - 1]) && !STOP_WORD.test(text.slice(0, i))) i--;
  return text.slice(i, end);
}

export function scanDepartments(text: string, registry: DepartmentRegistry, ctx?: DeptContext): DeptMention[] {
  const names = registry.allNames().filter((n) => n.length >= 2);
  const out: DeptMention[] = [];
  const covered = new Array<boolean>(text.length).fill(false);
  for (let i = 0; i < text.length; ) {
    const hit = names.find((n) => text.startsWith(n, i));
    if (!hit) {
      i++;
      continue;
    }
    // A level or place written before the body belongs to the name: 国家科技部, 广州市财政局.
    const body = registry.bodyOf(hit);
    let from = i;
    for (let k = Math.min(8, i); k > 0; k--) {
      if (!covered[i - k] && registry.bodyOf(text.slice(i - k, i + hit.length)) === body) {
        from = i - k;
        break;
      }
    }
    const written = text.slice(from, i + hit.length);
    const entry = registry.resolve(written, ctx) ?? registry.resolve(hit, ctx)!;
    const end = i + hit.length;
    out.push({ written, key: entry.key, name: entry.name, asLead: LEAD_AFTER.test(text.slice(end)) || LEAD_BEFORE.test(text.slice(0, from)), start: from, end });
    for (let k = from; k < end; k++) covered[k] = true;
    i = end;
  }
  for (const m of text.matchAll(SUFFIX)) {
    const start = m.index!;
    const end = start + m[0].length;
    if (covered.slice(start, end).some(Boolean)) continue;
    const before = text.slice(0, start);
    const after = text.slice(end);
    const suffix = m[0];
    if (NOT_BEFORE[suffix]?.test(before) || NOT_AFTER[suffix]?.test(after)) continue;
    if (suffix === '部' && (!MINISTRY.test(before) || /^[门分署落件位队湾长]/.test(after))) continue;
    const words = wordsBefore(text, start);
    if (!words) continue;
    out.push({ written: words + suffix, name: words + suffix, asLead: LEAD_AFTER.test(after), start: start - words.length, end });
  }
  return out.sort((a, b) => a.start - b.start);
}
