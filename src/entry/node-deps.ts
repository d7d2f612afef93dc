// Node-only loading: read the corpus and lexicon from disk and build the native tokenizer.
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { lexiconFromFiles, type Lexicon } from '../text/lexicon.js';
import { createNodeJiebaTokenizer } from '../text/jieba-node.js';
import type { Tokenizer } from '../text/tokenizer.js';

export const PROJECT_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
export const DEFAULT_INDEX_DIR = join(PROJECT_ROOT, 'data', 'index');

export interface SourceFile {
  file: string;
  text: string;
}

/** Every .txt or .md file directly in the corpus folder is a document (the lexicon lives in a subfolder). */
export function readCorpus(dir = DEFAULT_CORPUS_DIR): SourceFile[] {
  return readdirSync(dir)
    .filter((f) => /\.(txt|md)$/i.test(f) && !/^readme\.md$/i.test(f))
    .sort()
    .map((file) => ({ file, text: readFileSync(join(dir, file), 'utf8') }));
}

export function readLexicon(dir = join(DEFAULT_CORPUS_DIR, 'lexicon')): Lexicon & { userDictPath: string } {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const lex = lexiconFromFiles({
    userDict: read('userdict.txt'),
    stopWords: read('stopwords.txt'),
    synonyms: read('synonyms.json'),
    departments: read('departments.json'),
    places: read('places.json'),
  });
  return { ...lex, userDictPath: join(dir, 'userdict.txt') };
}

export function nodeTokenizer(lex: Lexicon & { userDictPath: string }): Tokenizer {
  return createNodeJiebaTokenizer(lex.userDictPath, lex.userDict);
}
