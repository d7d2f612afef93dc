// Node side of the Worker bundle: gather the artifacts from disk (data/index from `npm run build:index`,
// corpus/lexicon, nodejieba's own dictionary files), check they belong together, and write them as one JSON
// text file (data/worker/artifacts.txt) that the Worker imports as a Text module (wrangler's default rule for .txt).
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { DEFAULT_CORPUS_DIR, DEFAULT_INDEX_DIR, PROJECT_ROOT, readCorpus } from './loaders.js';
import { createError } from '../errors.js';
import { embedderId } from '../index/embeddings.js';
import { lexiconHash } from '../index/knowledge-base.js';
import { checkManifest, corpusHash, type Manifest } from '../index/manifest.js';
import { readIndexData } from './index-store.js';
import { hashText } from '../text/lexicon.js';
import type { WorkerArtifacts } from '../worker/artifacts.js';
import { lexiconFromFiles, type LexiconFiles } from '../text/lexicon.js';

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/** The bundled manifest: it carries the hash of the kb.json bundled beside it (which may have no vectors). */
export const sealManifest = (manifest: Manifest, kbJson: string) => JSON.stringify({ ...manifest, files: { 'kb.json': sha256(kbJson) } });

export const WORKER_ARTIFACTS_FILE = join(PROJECT_ROOT, 'data', 'worker', 'artifacts.txt');

/** The files nodejieba loads by default (its cut() uses them with our user dictionary). */
export function nodejiebaDictFiles(): { dict: string; hmmModel: string } {
  const nj = createRequire(import.meta.url)('nodejieba') as { DEFAULT_DICT: string; DEFAULT_HMM_DICT: string };
  return { dict: nj.DEFAULT_DICT, hmmModel: nj.DEFAULT_HMM_DICT };
}

export function readLexiconFiles(dir = join(DEFAULT_CORPUS_DIR, 'lexicon')): LexiconFiles {
  const read = (f: string) => readFileSync(join(dir, f), 'utf8');
  return { userDict: read('userdict.txt'), stopWords: read('stopwords.txt'), synonyms: read('synonyms.json'), departments: read('departments.json'), places: read('places.json'), language: read('language.json'), pinyin: read('pinyin.txt') };
}

/** Drops the part-of-speech column: the segmenter needs words and frequencies only (saves ~10% of the bundle). */
export function compactDictionary(text: string): string {
  return text
    .split('\n')
    .filter((l) => l)
    .map((l) => {
      const [word, freq] = l.split(' ');
      if (!word || !freq) throw new Error(`bad dictionary line: ${JSON.stringify(l)}`);
      return `${word} ${freq}`;
    })
    .join('\n');
}

export interface ReadArtifactsOptions {
  indexDir?: string;
  corpusDir?: string;
  lexiconDir?: string;
  /** Leave the vectors out (a Vectorize index serves them). */
  withoutVectors?: boolean;
}

/** Reads and cross-checks everything the Worker bundles; a stale index is an error that names the fix. */
export async function readWorkerArtifacts(opts: ReadArtifactsOptions = {}): Promise<WorkerArtifacts> {
  const indexDir = opts.indexDir ?? DEFAULT_INDEX_DIR;
  const lexicon = readLexiconFiles(opts.lexiconDir);
  const jieba = nodejiebaDictFiles();
  if (!existsSync(join(indexDir, 'manifest.json'))) throw createError('INDEX_MISSING', `no index at ${indexDir}: run npm run build:index`);
  const manifest: Manifest = JSON.parse(readFileSync(join(indexDir, 'manifest.json'), 'utf8'));
  const hash = corpusHash(await readCorpus(opts.corpusDir));
  try {
    checkManifest(manifest, { tokenizer: `jieba-hmm@${hashText(lexicon.userDict)}`, lexiconHash: lexiconHash(lexiconFromFiles(lexicon)), embedder: embedderId(), corpusHash: hash });
  } catch (e) {
    (e as Error).message += ' (run npm run build:index)';
    throw e;
  }
  // A damaged index is not bundled: the Worker would refuse it anyway, after the deploy. The Worker gets the
  // library assembled from the parts, as one kb.json sealed by its own hash.
  const { manifest: _m, vectors, ...rest } = await readIndexData(indexDir);
  const kbJson = JSON.stringify(opts.withoutVectors ? rest : { ...rest, vectors });
  const { parts: _p, hnswDir: _h, files: _f, ...bundled } = manifest;
  return {
    manifestJson: sealManifest({ ...bundled, vectorIndex: 'exact' }, kbJson),
    kbJson,
    corpusHash: hash,
    lexicon,
    jiebaDict: compactDictionary(readFileSync(jieba.dict, 'utf8')),
    hmmModel: readFileSync(jieba.hmmModel, 'utf8'),
  };
}

export async function writeWorkerArtifacts(a: WorkerArtifacts, file = WORKER_ARTIFACTS_FILE): Promise<{ file: string; bytes: number }> {
  // A Text module, not JS: it needs no parsing as code, bundles without escaping, and workerd loads it natively.
  const text = JSON.stringify(a);
  await mkdir(dirname(file), { recursive: true });
  const tmp = `${file}.tmp-${process.pid}`;
  await writeFile(tmp, text);
  await rename(tmp, file);
  return { file, bytes: Buffer.byteLength(text) };
}
