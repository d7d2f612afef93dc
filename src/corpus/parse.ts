// A read document (blocks) → PolicyDocument: zones, the clause tree, departments and metadata. The parser never
// knows the file format; readers (src/corpus/readers/) turn every format into the same blocks.
import type { Gazetteer } from '../text/places.js';
import type { SourceDocument } from './blocks.js';
import { trailingNote, parseNote, inlineResponsibility, RESPONSIBILITY_SECTION, sectionResponsibility } from './dept-notes.js';
import { parseDepartmentList, type DepartmentRegistry, type DeptContext } from './departments.js';
import { readMetadata } from './metadata.js';
import { buildTree, describe, selectClauses, type ClauseDraft, type TreeNode } from './structure.js';
import type { Clause, DeptRef, Group, PolicyDocument } from './types.js';
import { blockText, findZones } from './zones.js';

export interface ParseContext {
  registry: DepartmentRegistry;
  gazetteer: Gazetteer;
}

/** Splits text into sentences at 。！？； keeping the terminator; drops empty pieces. */
export function splitSentences(text: string): string[] {
  return (text.match(/[^。！？；!?;\n]+[。！？；!?;]?/g) ?? []).map((s) => s.trim()).filter((s) => s.length > 1);
}

/** Stable id from a file name: "guangxi-hitech-zones-2021.txt" → "guangxi-hitech-zones-2021". */
export function docIdFromFile(file: string): string {
  const base = file.split(/[\\/]/).pop() ?? file;
  return base.replace(/\.(txt|md|markdown|html?|docx|pdf)$/i, '').toLowerCase().replace(/[^a-z0-9\u4e00-\u9fa5_-]+/g, '-');
}

// Stray spaces inside running Chinese text come from the site's or the PDF's layout, not the author.
const tidy = (s: string) =>
  s
    .replace(/[\u00a0]/g, ' ')
    .replace(/([\u4e00-\u9fa5，、。；：“”（）《》])[ \u3000]+(?=[\u4e00-\u9fa5，、。；：“”（）《》])/g, '$1')
    // …and between a figure and the Chinese around it (给予企业20 万元, 超过 2000万元, 2021 年): a quote must hold its
    // figure as the answer shows it.
    .replace(/(\d)[ \u3000]+(?=[\u4e00-\u9fa5])/g, '$1')
    .replace(/([\u4e00-\u9fa5])[ \u3000]+(?=\d)/g, '$1')
    .replace(/^[ \u3000]+/gm, '')
    .trim();

/** Paragraphs after a clause's own text that say something about the whole document (本意见由…负责解释). */
const SELF_REFERENCE = /^(本意见|本办法|本通知|本措施|本规定|本细则|本方案|本公告|本政策|本清单|本实施意见|本若干措施)/;

export function parseDocument(source: SourceDocument, ctx: ParseContext): PolicyDocument {
  const docId = docIdFromFile(source.fileName);
  const warnings = [...source.warnings];
  const zones = findZones(source.blocks);
  const tree = buildTree(zones.body);
  const body = selectClauses(tree);
  const drafts: ClauseDraft[] = [...body.clauses];
  const groups = [...body.groups];
  const attachments: PolicyDocument['attachments'] = [];
  for (const a of zones.attachments) {
    const t = selectClauses(buildTree(a.blocks), { pathPrefix: [`${a.label}${a.title ? ` ${a.title}` : ''}`], labelPrefix: `${a.label}/` });
    const rows = t.clauses.filter((c) => c.kind === 'row');
    drafts.push(...rows);
    const text = a.blocks.filter((b) => b.kind !== 'row' || !rows.some((r) => r.node.row === b)).map(blockText).join('\n');
    attachments.push({ label: a.label, title: a.title, text: tidy(text) });
  }

  const meta = readMetadata({ zones, source: source.meta, bodyText: zones.body.map(blockText).join('\n'), gazetteer: ctx.gazetteer });
  if (!meta.title) {
    warnings.push('no title found: set one in a sidecar <file>.meta.json ({"title": "…"})');
    meta.title = docId;
    meta.shortTitle = docId;
  }

  // The prefix this document writes before its own level's departments (自治区, 省, 市, 区, 县).
  const notesText = drafts.map((d) => d.lines.at(-1) ?? '').join('\n');
  // Only a prefix of the document's own level counts: a national document writes its ministries bare (财政部),
  // and its "各省、自治区" or "市场监管总局" are not its own prefix.
  const PREFIX_LEVEL: Record<string, string> = { 自治区: 'province', 省: 'province', 市: 'city', 区: 'district', 县: 'county' };
  const prefixCounts = Object.keys(PREFIX_LEVEL)
    .filter((p) => !meta.level || PREFIX_LEVEL[p] === meta.level)
    .map((p) => [p, (notesText.match(new RegExp(`[（(、，,:：]${p}(?!场|级|域|内)`, 'g')) ?? []).length] as const);
  const ownPrefix = prefixCounts.sort((a, b) => b[1] - a[1])[0]?.[1] ? prefixCounts[0][0] : undefined;
  const deptCtx: DeptContext = { level: meta.level, ownPrefix };
  // Notes list departments (split them); a unit named in running text is one name as written (市、区财政部门).
  const refs = (names: string[], whole = false): DeptRef[] => {
    const out: DeptRef[] = [];
    const add = (r: DeptRef) => {
      if (!out.some((o) => o.key === r.key)) out.push(r);
    };
    for (const n of names) {
      if (!whole) for (const r of parseDepartmentList(n, ctx.registry, deptCtx)) add(r);
      else {
        const hit = /[、和及与]/.test(n) ? undefined : ctx.registry.resolve(n, deptCtx);
        add(hit ? { written: n, key: hit.key, name: hit.asWritten } : { written: n, key: n, name: n });
      }
    }
    return out;
  };

  // A note on a group heading ("一、强化企业培育（牵头单位：市科技局）") covers the group's items.
  const groupNotes = new Map<TreeNode, { lead: string[]; support: string[] }>();
  let convention = false;
  for (const g of groups) {
    const n = trailingNote(g.node.rest);
    if (!n) continue;
    const p = parseNote(n.note, convention);
    convention ||= p.setsConvention;
    groupNotes.set(g.node, p);
    g.title = g.title.replace(n.note, '').trim();
  }
  const inherited = (node: TreeNode) => {
    for (let p = node.parent; p; p = p.parent) if (groupNotes.has(p)) return groupNotes.get(p)!;
    return undefined;
  };
  const inResponsibilitySection = (d: ClauseDraft) => d.path.some((p) => RESPONSIBILITY_SECTION.test(p));

  const closing: string[] = [];
  const ordinals = new Map<number, number>();
  for (const d of drafts) ordinals.set(d.ordinal, (ordinals.get(d.ordinal) ?? 0) + 1);
  const unique = [...ordinals.values()].every((n) => n === 1);
  const labelCount = new Map<string, number>();
  for (const d of drafts) labelCount.set(d.label, (labelCount.get(d.label) ?? 0) + 1);
  const citeOf = (d: ClauseDraft) => {
    if (d.kind === 'row') return `${d.pathLabel.split('/')[0]} 序号${d.label}`.trim();
    return (labelCount.get(d.label) ?? 0) > 1 ? d.pathLabel.replace(/\/(?=\S)/g, ' ') : d.label;
  };
  const noteStyle = drafts.filter((d) => d.lines.some((l) => trailingNote(l))).length * 2 >= drafts.length;

  // The outermost groups (chapters), in order: a clause's chapter number is its top group's position.
  const topOf = (n: TreeNode): TreeNode => (n.parent && n.parent.kind !== 'root' ? topOf(n.parent) : n);
  const topGroups = groups.map((g) => g.node).filter((n) => n.parent?.kind === 'root');
  const clauses: Clause[] = drafts.map((d, k) => {
    let lines = [...d.lines];
    let deptNote = '';
    let lead: DeptRef[] = [];
    let support: DeptRef[] = [];
    // The note is the last line that ends with one (a note may sit on its own line).
    const at = lines.map((l) => !!trailingNote(l)).lastIndexOf(true);
    if (at !== -1) {
      const n = trailingNote(lines[at])!;
      const p = parseNote(n.note, convention);
      convention ||= p.setsConvention;
      deptNote = n.note.replace(/[\s\u3000]+/g, '');
      lead = refs(p.lead);
      support = refs(p.support);
      if (!lead.length) warnings.push(`${d.pathLabel}: could not read the department note ${deptNote}`);
      lines[at] = n.before;
      // In a document whose items close with a note, text after the note is outside every clause.
      if (noteStyle && at < lines.length - 1) {
        closing.push(...lines.slice(at + 1));
        lines = lines.slice(0, at + 1);
      }
    } else if (inherited(d.node)) {
      const p = inherited(d.node)!;
      lead = refs(p.lead);
      support = refs(p.support);
    }
    // The document's last clause may run into paragraphs about the whole document.
    if (k === drafts.length - 1 || drafts[k + 1].kind === 'row' && d.kind !== 'row') {
      const from = lines.findIndex((l, i) => i > 0 && SELF_REFERENCE.test(l.trim()));
      if (from !== -1 && d.kind !== 'row') {
        closing.push(...lines.slice(from));
        lines = lines.slice(0, from);
      }
    }
    let text = tidy(lines.filter(Boolean).join('\n'));
    if (!lead.length) {
      const r = inResponsibilitySection(d) ? sectionResponsibility(text) : inlineResponsibility(text);
      lead = refs(r.lead, true);
      support = refs(r.support, true);
    }
    if (d.row) text = tidy(d.lines.join('\n'));
    const number = unique ? d.ordinal : k + 1;
    const chapter = d.path[0] ?? '';
    return {
      docId,
      id: `${docId}#${number}`,
      number,
      ordinal: d.ordinal,
      label: d.label,
      path: d.path,
      pathLabel: d.pathLabel,
      cite: citeOf(d),
      chapter,
      chapterNumber: topGroups.indexOf(topOf(d.node)) + 1,
      title: d.title,
      text,
      sentences: splitSentences(text),
      deptNote,
      lead,
      support,
      row: d.row,
    };
  });

  if (!clauses.length) warnings.push('no numbered clauses found: the document yields no citable units');
  warnings.push(...numberingWarnings(drafts));
  if (closing.length) warnings.push(`${closing.length} paragraph(s) after the last clause kept as closing text`);

  const outGroups: Group[] = groups.map((g) => ({ docId, label: g.label, title: g.title, path: g.path, text: tidy(g.text) }));
  return {
    ...meta,
    docId,
    file: source.fileName,
    format: source.format,
    preamble: tidy(body.preamble.join('\n')),
    notice: zones.notice.length ? tidy(zones.notice.map((b) => b.text).join('\n')) : undefined,
    closing: tidy(closing.join('\n')),
    attachments,
    groups: outGroups,
    clauses,
    structure: describe(drafts, groups),
    warnings,
    deptContext: deptCtx,
  };
}

/** Gaps and repeats in each run of sibling numbers (1, 2, 4 → "3 missing"). */
function numberingWarnings(drafts: ClauseDraft[]): string[] {
  const out: string[] = [];
  const bySiblings = new Map<TreeNode | undefined, ClauseDraft[]>();
  for (const d of drafts) {
    if (d.kind === 'row') continue;
    // Articles number on across chapters (第十一条 follows 第十条 in the next chapter); other items per parent.
    const key = d.kind === 'article' ? undefined : d.node.parent;
    bySiblings.set(key, [...(bySiblings.get(key) ?? []), d]);
  }
  for (const list of bySiblings.values()) {
    for (let i = 1; i < list.length; i++) {
      const [a, b] = [list[i - 1], list[i]];
      if (a.kind !== b.kind) continue;
      if (b.ordinal === a.ordinal) out.push(`${b.pathLabel}: number repeats`);
      else if (b.ordinal > a.ordinal + 1) out.push(`${b.pathLabel}: numbering skips from ${a.label} to ${b.label}`);
    }
  }
  return out;
}
