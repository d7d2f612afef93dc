// What a reader hands the parser: a document as a stream of blocks, whatever its format. The parser never
// knows whether a block came from a .txt line, an HTML <p>, a DOCX paragraph or a PDF line run.

/** A paragraph or heading of running text, one per source paragraph (PDF lines already rejoined). */
export interface TextBlock {
  kind: 'paragraph' | 'heading';
  /** The text as written: NFC, no markup; inner whitespace kept (the parser decides what is a stray space). */
  text: string;
  /** Heading depth when the format marks it (h1 → 1, Word "Heading 2" → 2, markdown ## → 2). */
  level?: number;
  /** 1-based page, when the format has pages (PDF). */
  page?: number;
}

/** One row of a table, with the header cells that name its columns (merged cells already resolved). */
export interface RowBlock {
  kind: 'row';
  /** Which table of the document (0-based), so consecutive tables stay apart. */
  table: number;
  /** Cell texts in column order; a merged cell's text repeats in every column and row it spans. */
  cells: string[];
  /** The header row(s) of the table, joined per column ("统筹基金最高支付限额/职工医保"); [] when none. */
  header: string[];
  page?: number;
}

export type Block = TextBlock | RowBlock;

/** Metadata a format carries outside the text (a government page's 基本信息 table, DOCX core properties). */
export interface SourceMeta {
  title?: string;
  /** 发文字号 / 文号, e.g. 穗人社规字〔2019〕6号. */
  docNumber?: string;
  /** 索引号. */
  indexNumber?: string;
  issuer?: string;
  /** Dates as written (2019-10-16, 2019年10月16日); the parser normalises them. */
  published?: string;
  effective?: string;
  validUntil?: string;
}

/** A read document: blocks plus what the reader learned about it. */
export interface SourceDocument {
  /** The corpus file name (its docId comes from it). */
  fileName: string;
  /** The reader that produced it: txt, md, html, docx, pdf. */
  format: string;
  blocks: Block[];
  meta: SourceMeta;
  /** Problems the reader met but could work around (a dropped header line, an unreadable table cell). */
  warnings: string[];
}

/** One reader per format (src/corpus/readers/): bytes → blocks. */
export interface DocumentReader {
  /** File extensions it reads, lower case, without the dot. */
  extensions: string[];
  read(bytes: Uint8Array, fileName: string): Promise<SourceDocument>;
}

/** The plain text of blocks, one block per line and cells joined by TAB: what is hashed and what `.txt` holds. */
export function blocksToText(blocks: Block[]): string {
  return blocks.map((b) => (b.kind === 'row' ? b.cells.join('\t') : b.text)).join('\n');
}
