// .txt and .md: one block per non-empty line, as the corpus has always been read. Runs of TAB-separated lines are
// tables (that is how realdocs/*.txt render a page's tables); a .md file also gets its #-headings, pipe tables and
// emphasis markers handled. Text is otherwise kept as written: the parser decides what a stray space means.
import type { Block, DocumentReader, SourceDocument } from '../blocks.js';
import { decodeText } from './decode.js';
import { gridRows } from './text-table.js';

/** A first row written as "label:" cells or with empty cells is a form or a metadata block, not column names. */
const isHeaderRow = (cells: string[]) => cells.every((c) => c !== '' && !/[:：]$/.test(c));

const pad = (cells: string[], width: number) => [...cells, ...Array<string>(Math.max(0, width - cells.length)).fill('')];

/** Emits one table: the first row names the columns (unless it reads as a form), later rows padded to one width. */
function tableBlocks(rows: string[][], table: number): Block[] {
  const width = Math.max(...rows.map((r) => r.length));
  const hasHeader = rows.length > 1 && isHeaderRow(rows[0]);
  const header = hasHeader ? pad(rows[0], width) : [];
  return rows.slice(hasHeader ? 1 : 0).map((cells) => ({ kind: 'row' as const, table, cells: pad(cells, width), header }));
}

/** Markdown inline markup that carries no text: **bold**, __bold__, *em*, ~~strike~~, `code`, [text](url), \escapes. */
function stripInline(s: string): string {
  return s
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|~~)(?=\S)(.+?)(?<=\S)\1/g, '$2')
    .replace(/(?<![*\w])\*(?=\S)([^*]+?)(?<=\S)\*(?!\*)/g, '$1')
    .replace(/`([^`]+)`/g, '$1')
    .replace(/\\([\\`*_{}[\]()#+\-.!|~>])/g, '$1');
}

const PIPE_ROW = /^\s*\|.*\|\s*$/;
const PIPE_RULE = /^\s*\|?\s*:?-{3,}:?\s*(\|\s*:?-{3,}:?\s*)*\|?\s*$/;
const pipeCells = (line: string) => line.trim().replace(/^\||\|$/g, '').split('|').map((c) => stripInline(c.trim()));

export interface TextReaderOptions {
  /** Read markdown markup (headings, emphasis, pipe tables). On for .md. */
  markdown?: boolean;
}

/** Lines → blocks. Exported for tests and for other readers that meet plain text. */
export function textToBlocks(text: string, { markdown = false }: TextReaderOptions = {}): Block[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r\n?|\n/);
  const blocks: Block[] = [];
  let table = 0;
  let rows: string[][] = [];
  let pipe = false;
  const flush = () => {
    // A TAB table lost its merged cells when it became text: its grid is rebuilt from the header (text-table.ts).
    if (rows.length > 0) blocks.push(...(pipe ? tableBlocks(rows, table++) : gridRows(rows, table++)));
    rows = [];
    pipe = false;
  };
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (markdown && PIPE_ROW.test(line) && (pipe || PIPE_RULE.test(lines[i + 1] ?? ''))) {
      if (!pipe) flush();
      pipe = true;
      rows.push(pipeCells(line));
      if (PIPE_RULE.test(lines[i + 1] ?? '')) i++; // the |---| rule under the header row
      continue;
    }
    const cells = line.split('\t').map((c) => c.trim());
    if (!pipe && cells.length >= 2 && cells.some((c) => c !== '')) {
      rows.push(cells);
      continue;
    }
    flush();
    if (line.trim() === '') continue;
    if (markdown) {
      const heading = line.match(/^\s{0,3}(#{1,6})\s+(.*?)\s*#*\s*$/);
      if (heading) {
        blocks.push({ kind: 'heading', level: heading[1].length, text: stripInline(heading[2]).trim() });
        continue;
      }
      if (/^\s*([-*_])(\s*\1){2,}\s*$/.test(line)) continue; // a thematic break (---)
      const text = stripInline(line.replace(/^\s*(>\s*)+/, '').replace(/^\s*[-*+]\s+/, '')).trim();
      if (text) blocks.push({ kind: 'paragraph', text });
      continue;
    }
    blocks.push({ kind: 'paragraph', text: line.trim() });
  }
  flush();
  return blocks;
}

function reader(format: 'txt' | 'md', extensions: string[]): DocumentReader {
  return {
    extensions,
    async read(bytes: Uint8Array, fileName: string): Promise<SourceDocument> {
      const blocks = textToBlocks(decodeText(bytes), { markdown: format === 'md' });
      return { fileName, format, blocks, meta: {}, warnings: [] };
    },
  };
}

export const txtReader = reader('txt', ['txt']);
export const mdReader = reader('md', ['md', 'markdown']);

/** A text document as the txt reader reads it, for callers that already hold the text (tests, scripts). */
export function sourceFromText(fileName: string, text: string): SourceDocument {
  const format = /\.(md|markdown)$/i.test(fileName) ? 'md' : 'txt';
  return { fileName, format, blocks: textToBlocks(text, { markdown: format === 'md' }), meta: {}, warnings: [] };
}
