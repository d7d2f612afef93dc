// Node-only loading: read the corpus and lexicon from disk and build the native tokenizer.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { SourceDocument } from '../corpus/blocks.js';
import { isDocumentFile, readDocument } from '../corpus/readers/index.js';
import { lexiconFromFiles, type Lexicon } from '../text/lexicon.js';
import { createNodeJiebaTokenizer } from './jieba.js';
import { createCppJiebaTokenizer } from '../text/jieba-ts/tokenizer.js';
import { createRequire } from 'node:module';
import type { Tokenizer } from '../text/tokenizer.js';

/** The folder holding package.json, found from this module whether it runs from src/ (tsx) or dist/ (bundled). */
function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'corpus'))) return dir;
    if (dirname(dir) === dir) throw new Error(`no project root (package.json + corpus/) above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
export const DEFAULT_CORPUS_DIR = join(PROJECT_ROOT, 'corpus');
export const DEFAULT_INDEX_DIR = join(PROJECT_ROOT, 'data', 'index');

/**
 * Every file directly in the corpus folder that a reader reads is a document (the lexicon lives in a subfolder).
 * A sidecar <file>.meta.json supplies metadata the text does not carry ({"title": "…", "issuer": "…"}).
 */
export async function readCorpus(dir = DEFAULT_CORPUS_DIR): Promise<SourceDocument[]> {
  const files = readdirSync(dir).filter(isDocumentFile).sort();
  return Promise.all(files.map((file) => readCorpusFile(dir, file)));
}

export async function readCorpusFile(dir: string, file: string): Promise<SourceDocument> {
  const doc = await readDocument(readFileSync(join(dir, file)), file);
  const sidecar = join(dir, `${file.replace(/\.[^.]+$/, '')}.meta.json`);
  if (existsSync(sidecar)) doc.meta = { ...doc.meta, ...JSON.parse(readFileSync(sidecar, 'utf8')) };
  return doc;
}

export function readLexicon(dir = join(DEFAULT_CORPUS_DIR, 'lexicon')): Lexicon & { userDictPath: string } {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  const lex = lexiconFromFiles({
    userDict: read('userdict.txt'),
    stopWords: read('stopwords.txt'),
    synonyms: read('synonyms.json'),
    departments: read('departments.json'),
    places: read('places.json'),
    language: read('language.json'),
    pinyin: read('pinyin.txt'),
  });
  return { ...lex, userDictPath: join(dir, 'userdict.txt') };
}

/**
 * nodejieba by default. TOKENIZER=ts runs the TypeScript port of the same algorithm over nodejieba's own
 * dictionary files (the Worker's segmenter, tested token for token against nodejieba): the same tokens and index,
 * in about a third of the memory (nodejieba's native dictionaries take ~250 MB) and a fifth of the load time.
 */
export function nodeTokenizer(lex: Lexicon & { userDictPath: string }, kind = process.env.TOKENIZER ?? 'nodejieba'): Tokenizer {
  if (kind === 'ts') {
    const nj = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string };
    return createCppJiebaTokenizer({ dict: readFileSync(nj.DEFAULT_DICT, 'utf8'), hmmModel: readFileSync(nj.DEFAULT_HMM_DICT, 'utf8'), userDict: lex.userDict });
  }
  if (kind !== 'nodejieba') throw new Error(`TOKENIZER must be nodejieba or ts, not ${kind}`);
  return createNodeJiebaTokenizer(lex.userDictPath, lex.userDict);
}
