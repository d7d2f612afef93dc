// A DOM subtree → blocks, the way a browser lays it out: block elements and <br> end a paragraph, inline elements
// join into one, ASCII whitespace collapses (a non-breaking or full-width space is text and stays), headings keep
// their level, and data tables become rows with spans resolved. Shared by the HTML and DOCX readers (mammoth
// hands us HTML).
import type { AnyNode, Element } from 'domhandler';
import type { Block } from '../blocks.js';
import { resolveTable, type SourceCell } from './table-grid.js';

/** Elements whose content is never document text. */
const SKIP = new Set([
  'script', 'style', 'noscript', 'template', 'head', 'title', 'meta', 'link', 'iframe', 'frame', 'object', 'embed',
  'svg', 'math', 'canvas', 'input', 'button', 'select', 'option', 'textarea', 'img', 'video', 'audio', 'map', 'area',
]);

/** Elements that start and end a paragraph. Anything else is inline. */
const BLOCK = new Set([
  'address', 'article', 'aside', 'blockquote', 'body', 'center', 'dd', 'details', 'dialog', 'dir', 'div', 'dl', 'dt',
  'fieldset', 'figcaption', 'figure', 'footer', 'form', 'header', 'hgroup', 'hr', 'html', 'legend', 'li', 'main',
  'menu', 'nav', 'ol', 'p', 'pre', 'section', 'summary', 'ul', 'caption', 'tr', 'td', 'th', 'tbody', 'thead', 'tfoot',
]);

const HEADING = /^h([1-6])$/;

const isElement = (n: AnyNode): n is Element => 'name' in n && 'attribs' in n;

/** Two pieces of one cell or paragraph meet without a space between Chinese text, with one between Latin words. */
const CJK_EDGE = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
export function joinPieces(pieces: string[]): string {
  let out = '';
  for (const p of pieces) {
    if (!p) continue;
    if (out && !CJK_EDGE.test(out.at(-1)!) && !CJK_EDGE.test(p[0])) out += ' ';
    out += p;
  }
  return out;
}

export interface WalkState {
  /** The next table's index: shared across calls so one document's tables stay apart. */
  nextTable: number;
}

class Walker {
  readonly blocks: Block[] = [];
  private buffer = '';
  constructor(private readonly state: WalkState) {}

  flush(): void {
    const text = this.buffer.replace(/^[ \t\n\r\f\u00a0\u3000]+|[ \t\n\r\f\u00a0\u3000]+$/g, '').normalize('NFC');
    if (text) this.blocks.push({ kind: 'paragraph', text });
    this.buffer = '';
  }

  walk(nodes: AnyNode[], pre = false): void {
    for (const node of nodes) {
      if (node.type === 'text') {
        const data = (node as unknown as { data: string }).data;
        if (pre) {
          const lines = data.split(/\r\n?|\n/);
          lines.forEach((line, i) => {
            if (i > 0) this.flush();
            this.buffer += line;
          });
        } else {
          this.buffer += data.replace(/[ \t\n\r\f]+/g, ' ');
        }
        continue;
      }
      if (!isElement(node)) continue; // comments, doctype, CDATA
      const name = node.name.toLowerCase();
      if (SKIP.has(name)) continue;
      if (name === 'br') {
        this.flush();
        continue;
      }
      if (name === 'table') {
        this.flush();
        this.table(node);
        continue;
      }
      const heading = name.match(HEADING);
      if (heading) {
        this.flush();
        const inner = new Walker(this.state);
        inner.walk(node.children);
        inner.flush();
        for (const b of inner.blocks) this.blocks.push(b.kind === 'paragraph' ? { ...b, kind: 'heading', level: Number(heading[1]) } : b);
        continue;
      }
      if (BLOCK.has(name)) {
        this.flush();
        this.walk(node.children, pre || name === 'pre');
        this.flush();
        continue;
      }
      this.walk(node.children, pre);
    }
  }

  /** A layout table (one cell per row, or cells holding tables) is read as flow; a data table as rows. */
  private table(table: Element): void {
    const rows = tableRows(table);
    const layout = rows.every((r) => r.length <= 1) || rows.some((r) => r.some((c) => hasDescendant(c, 'table')));
    if (layout) {
      for (const row of rows) for (const cell of row) this.walk(cell.children);
      this.flush();
      return;
    }
    const source: SourceCell[][] = rows.map((row) =>
      row.map((cell) => ({
        text: cellText(cell, this.state),
        rowspan: Number(cell.attribs.rowspan ?? 1),
        colspan: Number(cell.attribs.colspan ?? 1),
        header: cell.name === 'th' || cell.parent?.parent?.type === 'tag' && (cell.parent.parent as Element).name === 'thead',
      })),
    );
    const { header, rows: body } = resolveTable(source);
    if (body.length === 0) return;
    if (rows.length === 1 && body.length === 1) {
      // One row is a line laid out in cells (a signature block, gov.cn's lone 主题词 row), not a table.
      this.buffer = body[0].filter((c) => c.trim() !== '').join(' ');
      this.flush();
      return;
    }
    const index = this.state.nextTable++;
    for (const cells of body) this.blocks.push({ kind: 'row', table: index, cells, header });
  }
}

function hasDescendant(el: Element, name: string): boolean {
  return el.children.some((c) => isElement(c) && (c.name === name || hasDescendant(c, name)));
}

/** The rows of this table (not of tables nested in its cells), through thead/tbody/tfoot, each as its cells. */
function tableRows(table: Element): Element[][] {
  const rows: Element[] = [];
  const collect = (el: Element) => {
    for (const c of el.children) {
      if (!isElement(c)) continue;
      if (c.name === 'tr') rows.push(c);
      else if (c.name === 'thead' || c.name === 'tbody' || c.name === 'tfoot') collect(c);
    }
  };
  collect(table);
  return rows.map((tr) => tr.children.filter((c): c is Element => isElement(c) && (c.name === 'td' || c.name === 'th')));
}

/** A cell's paragraphs joined into one line: "审核确认" + "有效期" → "审核确认有效期". */
function cellText(cell: Element, state: WalkState): string {
  const inner = new Walker(state);
  inner.walk(cell.children);
  inner.flush();
  return joinPieces(inner.blocks.map((b) => (b.kind === 'row' ? b.cells.filter(Boolean).join(' ') : b.text)));
}

/** Blocks of the given nodes, in order. */
export function nodesToBlocks(nodes: AnyNode[], state: WalkState = { nextTable: 0 }): Block[] {
  const w = new Walker(state);
  w.walk(nodes);
  w.flush();
  return w.blocks;
}
