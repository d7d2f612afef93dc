// Department names: expand elided prefixes in lists, and resolve any alias to one canonical department.
import type { DeptRef } from './types.js';

export interface DepartmentLexicon {
  prefixes: string[];
  departments: { name: string; aliases: string[] }[];
}

export interface DepartmentRegistry {
  /** Canonical entry for a name or alias, or undefined when unknown. */
  resolve(name: string): { key: string; name: string } | undefined;
  /** Every name and alias, longest first, for finding departments in free text. */
  allNames(): string[];
}

const clean = (s: string) => s.replace(/\s+/g, '').replace(/[。.]+$/, '');

export function createDepartmentRegistry(lex: DepartmentLexicon): DepartmentRegistry {
  const byName = new Map<string, { key: string; name: string }>();
  const prefixes = [...lex.prefixes].sort((a, b) => b.length - a.length);
  const bare = (s: string) => {
    for (const p of prefixes) if (s.startsWith(p) && s.length > p.length + 1) return s.slice(p.length);
    return s;
  };
  for (const d of lex.departments) {
    const entry = { key: d.name, name: d.name };
    for (const n of [d.name, ...d.aliases]) {
      byName.set(n, entry);
      byName.set(bare(n), entry);
    }
  }
  const names = [...byName.keys()].sort((a, b) => b.length - a.length);
  return {
    resolve(name) {
      const s = clean(name);
      return byName.get(s) ?? byName.get(bare(s));
    },
    allNames: () => names,
  };
}

// A list item that already names its own level keeps it; anything else inherits the list's 自治区 prefix.
// 市 is a level (市科技局) except in 市场监管局, where it is part of the name.
const OWN_LEVEL = /^(自治区|广西|国家|中国|人民银行|设区|县|各|市(?!场))/;

/**
 * Splits a department list such as "设区市人民政府、自治区发展改革委、工业和信息化厅" and expands the
 * elided prefix: after "自治区发展改革委", "工业和信息化厅" means 自治区工业和信息化厅.
 */
export function parseDepartmentList(list: string, registry: DepartmentRegistry): DeptRef[] {
  const items = clean(list)
    .split(/[，、；,;]/)
    .map((s) => s.trim())
    .filter(Boolean);
  const out: DeptRef[] = [];
  let prefix = '';
  for (const item of items) {
    let written = item;
    if (item.startsWith('自治区')) prefix = '自治区';
    else if (prefix && !OWN_LEVEL.test(item)) written = prefix + item;
    const hit = registry.resolve(written);
    const ref = hit ? { written, ...hit } : { written, key: written, name: written };
    if (!out.some((d) => d.key === ref.key)) out.push(ref);
  }
  return out;
}
