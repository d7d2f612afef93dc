// Department names: a name as a document writes it → its level (from its own prefix, or the document's level),
// its canonical body (发改委 = 发展和改革委员会 = 发展改革委) and a display name. 科技厅 in a Guangxi document is
// 自治区科技厅, in a Guangdong one 省科技厅; 财政局 in a Guangzhou document is 市财政局. Aliases are data
// (corpus/lexicon/departments.json); prefixes come from the document's own region and wording.
import type { Gazetteer } from '../text/places.js';
import type { DeptRef, Level } from './types.js';

export interface DepartmentLexicon {
  prefixes: Partial<Record<Level, string[]>>;
  bodies: { name: string; aliases: string[] }[];
  departments: { name: string; aliases: string[] }[];
}

/** How one document writes its departments: the prefix it uses for its own level (自治区, 省, 市, 区). */
export interface DeptContext {
  level?: Level;
  /** The prefix this document writes before its own level's departments (自治区 in the seed, 市 in a city's). */
  ownPrefix?: string;
}

export interface Resolved {
  key: string;
  name: string;
  /** The name in the words written, with an elided prefix restored (工信局 → 县工信局). */
  asWritten: string;
  /** The canonical body without any level (发展改革委): what a caller's 发改委 is compared by. */
  body: string;
}

export interface DepartmentRegistry {
  /** The canonical form of a name, in a document's context; undefined when it is not a department name. */
  resolve(name: string, ctx?: DeptContext): Resolved | undefined;
  /** The canonical body of a name or alias as a caller says it (发改委 → 发展改革委), level ignored. */
  bodyOf(name: string): string | undefined;
  /** Every body, alias and fixed name, longest first, for finding departments in free text. */
  allNames(): string[];
}

const clean = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '').replace(/[。.，,；;、]+$/, '');
/** The level word a key starts with, so 自治区科技厅 and 广西科技厅 share one key. */
const LEVEL_TAG: Record<Level, string> = { national: '国家', province: '省', city: '市', district: '区', county: '县' };
// 厅 exist only at province level, 部 (ministries) only nationally: a bare one says its level.
const BODY_LEVEL: [RegExp, Level][] = [
  [/厅$/, 'province'],
  [/(?<!(组织|统战|宣传|编))部$|总局$|^(银保监会|证监会|人民银行|国务院)/, 'national'],
];

export function createDepartmentRegistry(lex: DepartmentLexicon, gazetteer?: Gazetteer): DepartmentRegistry {
  const bodyOf = new Map<string, string>();
  for (const b of lex.bodies) for (const n of [b.name, ...b.aliases]) if (!bodyOf.has(n)) bodyOf.set(n, b.name);
  const fixed = new Map<string, string>();
  for (const d of lex.departments) for (const n of [d.name, ...d.aliases]) fixed.set(n, d.name);
  const prefixes: [string, Level][] = [];
  for (const [level, list] of Object.entries(lex.prefixes) as [Level, string[]][]) for (const p of list) prefixes.push([p, level]);
  prefixes.sort((a, b) => b[0].length - a[0].length);
  const bodies = [...bodyOf.keys()].sort((a, b) => b.length - a.length);

  /** Splits 广州市人力资源和社会保障局 into a prefix (广州市, city) and a body (人力资源和社会保障局). */
  const split = (s: string): { prefix: string; level?: Level; body: string } => {
    // A named place first: 广州市, 天河区, 广西壮族自治区, 广西.
    if (gazetteer) {
      for (let n = Math.min(8, s.length - 2); n >= 2; n--) {
        const head = s.slice(0, n);
        const place = gazetteer.lookup(head);
        if (!place || place.level === 'foreign' || place.level === 'zone') continue;
        const rest = s.slice(n);
        // 市场监管局 is a body, not 市 + 场监管局; 区委统战部 is 区 + 委统战部.
        if (!rest || /^(场|民|级)/.test(rest)) continue;
        const level = place.level as Level;
        const more = prefixes.find(([p]) => rest.startsWith(p) && rest.length > p.length + 1 && !/^(场)/.test(rest.slice(p.length)));
        if (more && more[1] !== level && !bodyOf.has(rest)) return { prefix: head + more[0], level: more[1], body: rest.slice(more[0].length) };
        return { prefix: head, level, body: rest };
      }
    }
    for (const [p, level] of prefixes) {
      if (!s.startsWith(p) || s.length <= p.length + 1) continue;
      const rest = s.slice(p.length);
      if (p === '市' && /^场/.test(rest)) continue;
      if (p === '区' && /^(县|内)/.test(rest)) continue;
      return { prefix: p, level, body: rest };
    }
    return { prefix: '', body: s };
  };

  const canonBody = (body: string) => {
    if (bodyOf.has(body)) return bodyOf.get(body)!;
    // A known body inside a longer name (天河区委组织部人才工作科 → 委组织部 + 人才工作科) keeps the rest as written.
    for (const b of bodies) if (body.startsWith(b) && body.length > b.length) return bodyOf.get(b)! + body.slice(b.length);
    return body;
  };

  return {
    resolve(name, ctx = {}) {
      const s = clean(name);
      if (!s) return undefined;
      const f = fixed.get(s);
      if (f) return { key: f, name: f, asWritten: s, body: f };
      // Several units written as one (镇人民政府、街道办事处; 各区、县级市) are one name as written.
      if (/[、]/.test(s)) return { key: s, name: s, asWritten: s, body: s };
      const { prefix, level: own, body } = split(s);
      const canon = canonBody(body);
      const known = bodyOf.has(body) || canon !== body || /(局|厅|委|部|办|院|署|会|政府|委员会|中心|科|处|室|机构|部门|单位|小组|支行|分行)$/.test(s);
      if (!known) return undefined;
      const implied = own ?? BODY_LEVEL.find(([re]) => re.test(canon))?.[1];
      const level = implied ?? ctx.level;
      const tag = level ? LEVEL_TAG[level] : '';
      // A bare known body (财政局) in a city's notes is that city's: 市财政局. Names that carry their own scope
      // (各县（区）人民政府, 有关部门) are left as written.
      const bare = bodyOf.has(body) || canon !== body;
      const shown = prefix || (bare && ctx.ownPrefix && level === ctx.level ? ctx.ownPrefix : '');
      // asWritten: the document's own words (工信局 stays 工信局) with an elided prefix restored, so a name an
      // answer shows can be found in its quote; name: the canonical form, for names a user types (发改委).
      return { key: `${tag}${canon}`, name: `${shown}${canon}`, asWritten: `${shown}${body}`, body: canon.replace(/^(委|党委)(?=组织部|统战部|编办)/, '') };
    },
    bodyOf(name) {
      const s = clean(name);
      if (fixed.has(s)) return fixed.get(s);
      const { body } = split(s);
      const canon = canonBody(body);
      return bodyOf.has(body) || canon !== body ? canon.replace(/^(委|党委)(?=组织部|统战部|编办)/, '') : undefined;
    },
    allNames: () => [...new Set([...fixed.keys(), ...bodyOf.keys()])].sort((a, b) => b.length - a.length),
  };
}

// A list item that names its own level keeps it; anything else inherits the prefix of the item before it.
const OWN_LEVEL = /^(自治区|广西|国家|中国|中央|人民银行|设区|县|各|省|市(?!场)|区(?!域))/;

/**
 * Splits a department list such as "设区市人民政府、自治区发展改革委、工业和信息化厅" and expands the
 * elided prefix: after "自治区发展改革委", "工业和信息化厅" means 自治区工业和信息化厅. Bare place words that
 * are one unit together (各区、县级市) stay one name.
 */
export function parseDepartmentList(list: string, registry: DepartmentRegistry, ctx: DeptContext = {}): DeptRef[] {
  const raw = clean(list)
    .split(/[，、；,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  // "各区、县级市": a bare level word (区, 县级市, 镇) is not a unit alone; it joins its neighbour.
  const items: string[] = [];
  for (const r of raw) {
    const bare = /^(各)?(区|县|市|县级市|县区|区县|镇|乡|街道|乡镇)$/.test(r);
    if (bare && items.length && /^各/.test(items.at(-1)!)) items[items.length - 1] += `、${r}`;
    else items.push(r);
  }
  const out: DeptRef[] = [];
  let prefix = '';
  for (const item of items) {
    let written = item;
    const m = item.match(/^(广西壮族自治区|自治区|省|市(?!场))/);
    if (m) prefix = m[1];
    else if (prefix && !OWN_LEVEL.test(item) && registry.bodyOf(item)) written = prefix + item;
    const hit = registry.resolve(written, ctx);
    const ref: DeptRef = hit ? { written, key: hit.key, name: hit.asWritten } : { written, key: written, name: written };
    if (!out.some((d) => d.key === ref.key)) out.push(ref);
  }
  return out;
}
