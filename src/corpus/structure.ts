// The body as a tree, and which of its nodes are clauses. A marker opens a node and closes every open node of its
// rank or deeper; unmarked short lines that introduce a numbered list are groups. The clause is the finest
// numbered unit that carries content: the 第X条 article in 条-style documents (its （一） items stay inside); in
// outline documents the deepest heading level (一、/（一）/1.), enumerations below it ((1), ①, a.) staying inside.
// Rows of a table that carries figures are clauses of their own.
import type { Block, RowBlock } from './blocks.js';
import { MARKER_RANK, markerOf, type MarkerKind } from './markers.js';

export interface TreeNode {
  kind: MarkerKind | 'heading' | 'root' | 'row';
  label: string;
  ordinal: number;
  /** Text after the marker on its line. */
  rest: string;
  rank: number;
  /** Content blocks and child nodes in document order. */
  items: (Block | TreeNode)[];
  parent?: TreeNode;
  row?: RowBlock;
}

/** A clause as the tree found it; the parser turns it into a Clause (departments, sentences, facts). */
export interface ClauseDraft {
  kind: TreeNode['kind'];
  label: string;
  ordinal: number;
  title: string;
  /** Lines of the clause's own text (after its heading), enumerations with their markers. */
  lines: string[];
  /** Ancestor headings, outermost first: label + title. */
  path: string[];
  pathLabel: string;
  row?: { header: string[]; cells: string[] };
  /** The node itself, so notes on its ancestors can be found. */
  node: TreeNode;
}

export interface GroupDraft {
  label: string;
  title: string;
  path: string;
  text: string;
  node: TreeNode;
}

export interface Structure {
  preamble: string[];
  groups: GroupDraft[];
  clauses: ClauseDraft[];
  /** "26 条（第N条），分 6 组", "45 项（1.），分 7 组", "58 行（表格）". */
  summary: string;
  warnings: string[];
}

const ENUMERATION: ReadonlySet<string> = new Set(['numParen', 'circled', 'latin']);
const GROUPING: ReadonlySet<string> = new Set(['part', 'chapter', 'section']);
const isNode = (x: Block | TreeNode): x is TreeNode => 'items' in x;
const textOfBlock = (b: Block) => (b.kind === 'row' ? b.cells.join('\t') : b.text);
const squeeze = (s: string) => s.replace(/[\s\u3000\u00a0]+/g, '');
const FIGURE = /\d+(?:\.\d+)?\s*(?:万元|亿元|元|%|％)/;

/** A short unmarked line that introduces a numbered list (面向单位的扶持政策 → 一、…): a group heading. */
function isUnmarkedHeading(b: Block, next: Block | undefined): boolean {
  if (b.kind === 'row' || !next || next.kind === 'row') return false;
  const t = squeeze(b.text);
  if (!t || t.length > 25 || /[。；：，、！？,;:!?]/.test(t) || markerOf(b.text)) return false;
  const m = markerOf(next.text);
  return !!m && m.ordinal === 1 && !ENUMERATION.has(m.kind);
}

/** A marker line that only heads what follows (一、支持范围, （一）固定资产投资奖励): short, no sentence inside. */
const isHeadingLine = (rest: string) => squeeze(rest).length <= 25 && !/[。；！？;]/.test(rest);

/**
 * Ranks of the marker kinds in this document. The usual order (章 > 条 > 一、 > （一） > 1. > （1） > ① > a.) holds
 * unless the document shows otherwise: a heading line of one kind directly followed by a marker of another puts
 * the first above the second, so （一） groups over 第N条 articles (县 实施意见 grouped under （一）–（六）) rank
 * above them.
 */
export function markerRanks(blocks: Block[]): Record<MarkerKind, number> {
  const marks = blocks.map((b) => (b.kind === 'row' ? undefined : markerOf(b.text)));
  const present = [...new Set(marks.filter((m) => m).map((m) => m!.kind))];
  const order = (Object.keys(MARKER_RANK) as MarkerKind[]).filter((k) => present.includes(k)).sort((a, b) => MARKER_RANK[a] - MARKER_RANK[b]);
  const above = new Set<string>();
  for (let i = 0; i + 1 < marks.length; i++) {
    const [a, b] = [marks[i], marks[i + 1]];
    // The next marker starts a list under the heading (1., （一）…), or is an article (articles number on across groups).
    if (a && b && a.kind !== b.kind && isHeadingLine(a.rest) && (b.ordinal === 1 || b.kind === 'article')) above.add(`${a.kind}>${b.kind}`);
  }
  for (let pass = 0; pass < order.length * order.length; pass++) {
    let moved = false;
    for (const pair of above) {
      const [a, b] = pair.split('>') as MarkerKind[];
      // Both orders observed: the usual one stands.
      if (above.has(`${b}>${a}`)) continue;
      const [ia, ib] = [order.indexOf(a), order.indexOf(b)];
      if (ia > ib) {
        order.splice(ia, 1);
        order.splice(ib, 0, a);
        moved = true;
      }
    }
    if (!moved) break;
  }
  const ranks = { ...MARKER_RANK };
  for (const [k, kind] of order.entries()) ranks[kind] = k;
  return ranks;
}

/** Builds the tree of the body (and of attachment blocks, under their own root). */
export function buildTree(blocks: Block[]): TreeNode {
  const RANK = markerRanks(blocks);
  const root: TreeNode = { kind: 'root', label: '', ordinal: 0, rest: '', rank: -1, items: [] };
  const stack: TreeNode[] = [root];
  const open = (node: TreeNode) => {
    while (stack.at(-1)!.rank >= node.rank) stack.pop();
    node.parent = stack.at(-1)!;
    node.parent.items.push(node);
    stack.push(node);
  };
  let table: { index: number; rows: RowBlock[]; at: TreeNode } | undefined;
  const flushTable = () => {
    if (!table) return;
    const data = table.rows.filter((r) => r.header.length);
    // A table whose rows carry figures (a funding table): each row is a unit of its own.
    if (data.length && data.some((r) => r.cells.some((c) => FIGURE.test(c)))) {
      for (const [k, r] of data.entries()) {
        const first = r.cells[0]?.trim() ?? '';
        const ordinal = /^\d+$/.test(first) ? Number(first) : k + 1;
        table.at.items.push({ kind: 'row', label: /^\d+$/.test(first) ? first : `第${k + 1}行`, ordinal, rest: '', rank: 99, items: [], parent: table.at, row: r });
      }
    } else table.at.items.push(...table.rows);
    table = undefined;
  };

  for (let i = 0; i < blocks.length; i++) {
    const b = blocks[i];
    if (b.kind === 'row') {
      if (table && table.index !== b.table) flushTable();
      table ??= { index: b.table, rows: [], at: stack.at(-1)! };
      table.rows.push(b);
      continue;
    }
    flushTable();
    const m = markerOf(b.text);
    if (m) {
      open({ kind: m.kind, label: m.label, ordinal: m.ordinal, rest: m.rest, rank: RANK[m.kind], items: [] });
      continue;
    }
    const next = blocks.slice(i + 1).find((x) => x.kind === 'row' || squeeze(x.text));
    if (isUnmarkedHeading(b, next)) {
      const nm = markerOf((next as { text: string }).text)!;
      open({ kind: 'heading', label: '', ordinal: 0, rest: squeeze(b.text), rank: RANK[nm.kind] - 0.5, items: [] });
      continue;
    }
    stack.at(-1)!.items.push(b);
  }
  flushTable();
  return root;
}

const childNodes = (n: TreeNode) => n.items.filter(isNode);

function* walk(n: TreeNode): Generator<TreeNode> {
  for (const c of childNodes(n)) {
    yield c;
    yield* walk(c);
  }
}

/** The heading phrase a node's first line may carry: 加大稳岗支持力度。对… → 加大稳岗支持力度. */
function titleCandidate(n: TreeNode): { title: string; style: 'own-line' | 'inline' | 'alone' } | undefined {
  if (n.kind === 'row') return undefined;
  const rest = n.rest.trim();
  if (!rest) return undefined;
  const hasContent = n.items.some((x) => (isNode(x) ? true : !!squeeze(textOfBlock(x))));
  const first = rest.match(/^([^。！？；]*?)[。！？：:]?(?:$|(?<=[。！？])(.*)$)/s);
  const sentence = rest.split(/(?<=[。！？；])/)[0];
  const phrase = sentence.replace(/[。！？：:；]$/, '').trim();
  // A heading names a topic; a sentence states a rule with a modal or a responsibility (应当, 负责, 实行 …).
  const statement = /应当|可以|须|必须|负责|不得|按照|依照|根据|遵循|适用|是指|属于|参照|由.+?(审核|办理)/.test(phrase);
  const short = phrase.length >= 2 && phrase.length <= 30 && !/[，,；;：:]/.test(phrase) && !/[；;]$/.test(sentence) && !statement;
  if (!short || !first) return undefined;
  const after = rest.slice(sentence.length).trim();
  if (!after && hasContent && /[。：:]?$/.test(sentence)) return { title: phrase, style: 'own-line' };
  if (!after && !/[。！？；]/.test(rest) && hasContent) return { title: phrase, style: 'own-line' };
  if (after && /[。！？]$/.test(sentence)) return { title: phrase, style: 'inline' };
  if (!after && !hasContent) return { title: phrase, style: 'alone' };
  return undefined;
}

/** Titles decided among siblings: an inline first sentence is a heading only when that is the siblings' style. */
function titlesOf(siblings: TreeNode[]): Map<TreeNode, string> {
  // An article's lead-in ("见习单位应当履行以下职责：") introduces its items; it is not a heading.
  const cands = siblings.map((s) => [s, s.kind === 'article' && /[：:]$/.test(s.rest.trim()) && !/[。！？]/.test(s.rest) ? undefined : titleCandidate(s)] as const);
  const own = cands.filter(([, c]) => c?.style === 'own-line').length;
  const inline = cands.filter(([, c]) => c?.style === 'inline').length;
  const any = cands.filter(([, c]) => c).length;
  const out = new Map<TreeNode, string>();
  for (const [s, c] of cands) {
    if (!c) continue;
    if (c.style === 'own-line') out.set(s, c.title);
    // A short phrase before the first full stop (绩效支持奖励。对…) is a heading even when its siblings have none.
    else if (c.style === 'inline' && inline >= own && (inline * 2 >= siblings.length || inline >= 3 || c.title.length <= 8)) out.set(s, c.title);
    else if (c.style === 'alone' && any * 2 > siblings.length) out.set(s, c.title);
  }
  return out;
}

/** The node's text after its title, its enumerations and tables as lines. */
function linesOf(n: TreeNode, title: string): string[] {
  const out: string[] = [];
  if (n.row) out.push(rowLine(n.row));
  const rest = n.rest.trim();
  if (rest) {
    const sentence = rest.split(/(?<=[。！？；])/)[0];
    const remainder = title && sentence.replace(/[。！？：:；]$/, '').trim() === title ? rest.slice(sentence.length).trim() : rest;
    if (remainder) out.push(remainder);
  }
  for (const x of n.items) {
    if (isNode(x)) {
      const inner = linesOf(x, '');
      const head = `${x.label}${x.rest ? '' : ''}`;
      if (inner.length) out.push(`${head}${inner[0]}`, ...inner.slice(1));
      else if (head) out.push(head);
    } else {
      const t = textOfBlock(x).replace(/^[\s\u3000\u00a0]+/, '').trimEnd();
      if (t) out.push(x.kind === 'row' ? t.replace(/\t/g, '｜') : t);
    }
  }
  return out;
}

/** A table row as a line: 高血压病｜职工医保 200元/月｜城乡居民医保 50元/月 … (each cell with its column). */
function rowLine(r: RowBlock): string {
  return r.cells.map((c, i) => (r.header[i] && c ? `${r.header[i]}：${c}` : c)).filter(Boolean).join('；');
}

/** The name cell of a table row: the column named 名称/项目/病种/事项, else the first text cell after a 序号. */
function rowTitle(r: RowBlock): string {
  const named = r.header.findIndex((h) => /名称|项目|病种|事项|对象|险种|品种/.test(h.split('/').at(-1) ?? h));
  if (named !== -1 && r.cells[named]) return r.cells[named];
  return r.cells.find((c, i) => i > 0 && c && !/\d/.test(c) && c.length > 2) ?? r.cells[0] ?? '';
}

const headingOf = (n: TreeNode, titles: Map<TreeNode, string>) => (n.kind === 'heading' ? n.rest : `${n.label}${titles.get(n) ?? n.rest.replace(/[。：:]$/, '')}`);

export function selectClauses(root: TreeNode, opts: { pathPrefix?: string[]; labelPrefix?: string } = {}): Omit<Structure, 'summary' | 'warnings'> {
  const nodes = [...walk(root)];
  const articles = nodes.some((n) => n.kind === 'article');
  const isHeadingKind = (n: TreeNode) => n.kind === 'heading' || (!ENUMERATION.has(n.kind) && n.kind !== 'row' && n.kind !== 'root');
  const isClause = (n: TreeNode) => {
    if (n.kind === 'row') return true;
    if (articles) return n.kind === 'article';
    if (!isHeadingKind(n) || n.kind === 'heading' || GROUPING.has(n.kind)) return false;
    return !childNodes(n).some((c) => isHeadingKind(c) || c.kind === 'row');
  };

  // Titles per sibling set.
  const titles = new Map<TreeNode, string>();
  for (const n of [root, ...nodes]) for (const [k, v] of titlesOf(childNodes(n).filter((c) => c.kind !== 'row'))) titles.set(k, v);

  const clauses: ClauseDraft[] = [];
  const groups: GroupDraft[] = [];
  const visit = (n: TreeNode, path: string[], pathLabel: string) => {
    for (const c of childNodes(n)) {
      const ownLabel = c.kind === 'heading' ? `${c.rest}/` : c.kind === 'row' ? c.label : c.label;
      if (isClause(c)) {
        const title = c.row ? rowTitle(c.row) : (titles.get(c) ?? '');
        clauses.push({
          kind: c.kind, label: c.label, ordinal: c.ordinal, title, lines: linesOf(c, title), path, pathLabel: pathLabel + ownLabel, node: c,
          row: c.row ? { header: c.row.header, cells: c.row.cells } : undefined,
        });
        continue;
      }
      if (ENUMERATION.has(c.kind) && !articles) continue; // an enumeration outside any clause stays with its parent's text
      const heading = headingOf(c, titles);
      const own = c.items.filter((x): x is Block => !isNode(x)).map(textOfBlock).map((t) => t.trim()).filter(Boolean);
      groups.push({ label: c.label, title: c.kind === 'heading' ? c.rest : (titles.get(c) ?? c.rest.replace(/[。：:]$/, '')), path: pathLabel + ownLabel, text: own.join('\n'), node: c });
      visit(c, [...path, heading], pathLabel + (c.kind === 'heading' ? `${c.rest}/` : c.label));
    }
  };
  visit(root, opts.pathPrefix ?? [], opts.labelPrefix ?? '');
  const firstChild = root.items.findIndex(isNode);
  const preamble = root.items.slice(0, firstChild === -1 ? undefined : firstChild).filter((x): x is Block => !isNode(x)).map(textOfBlock).map((t) => t.trim()).filter(Boolean);
  return { preamble, groups, clauses };
}

/**
 * "26 条（第N条），分 6 组": what the build report says the parser found, in the words of the staff who check it
 * (the console shows it as is).
 */
export function describe(clauses: ClauseDraft[], groups: GroupDraft[]): string {
  const KIND: Record<string, string> = { article: '条（第N条）', cn: '项（一、）', cnParen: '项（（一））', num: '项（1.）', row: '行（表格）', heading: '节（标题）' };
  const counts = new Map<string, number>();
  for (const c of clauses) counts.set(c.kind, (counts.get(c.kind) ?? 0) + 1);
  const parts = [...counts.entries()].map(([k, n]) => `${n} ${KIND[k] ?? k}`);
  return `${parts.join('、') || '没有条款'}${groups.length ? `，分 ${groups.length} 组` : ''}`;
}
