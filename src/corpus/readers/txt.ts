// Plain text and markdown: one block per non-empty line. Lines of TAB-separated cells are tables (that is how
// saved pages and the .txt renderings of government pages keep them); markdown headings keep their level.
import type { Block, DocumentReader, SourceDocument } from '../blocks.js';
import { gridRows } from './text-table.js';

const MD_HEADING = /^(#{1,6})\s+(.*)$/;

export function textToBlocks(text: string, markdown = false): Block[] {
  const lines = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n').split('\n');
  const blocks: Block[] = [];
  let table: string[][] = [];
  let tables = 0;
  const flush = () => {
    if (!table.length) return;
    blocks.push(...gridRows(table, tables++));
    table = [];
  };
  for (const raw of lines) {
    const line = raw.normalize('NFC');
    if (line.includes('\t') && line.split('\t').filter((c) => c.trim()).length >= 2) {
      table.push(line.split('\t'));
      continue;
    }
    flush();
    if (!line.trim()) continue;
    const h = markdown ? line.trim().match(MD_HEADING) : null;
    if (h) blocks.push({ kind: 'heading', level: h[1].length, text: stripEmphasis(h[2]) });
    else blocks.push({ kind: 'paragraph', text: markdown ? stripEmphasis(line) : line });
  }
  flush();
  return blocks;
}

const stripEmphasis = (s: string) => s.replace(/\*\*|__/g, '').replace(/(^|[^*])\*(?!\s)([^*]+)\*/g, '$1$2');

/** A text document as the txt reader reads it, for callers that already hold the text (tests, scripts). */
export function sourceFromText(fileName: string, text: string): SourceDocument {
  const markdown = /\.(md|markdown)$/i.test(fileName);
  return { fileName, format: markdown ? 'md' : 'txt', blocks: textToBlocks(text, markdown), meta: {}, warnings: [] };
}

export const txtReader: DocumentReader = {
  extensions: ['txt', 'md', 'markdown'],
  async read(bytes, fileName): Promise<SourceDocument> {
    return sourceFromText(fileName, new TextDecoder('utf-8').decode(bytes));
  },
};
