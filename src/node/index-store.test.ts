import { createHash } from 'node:crypto';
import { blocksToText } from '../corpus/blocks.js';
import { sourceFromText } from '../corpus/readers/txt.js';
import { closeSync, existsSync, mkdtempSync, readdirSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { createExactIndex } from '../index/vector-index.js';
import { lexicon, sources, tokenizer } from '../testing/fixtures.js';
import { readFixture, realdocFiles } from '../testing/realdocs.js';
import { buildKnowledgeBaseData } from '../index/knowledge-base.js';
import { buildAndSave, chooseVectorIndex, HNSW_EXACT_LIMIT, loadIndex, loadOrBuildIndex, updateIndex, vectorIndexFromEnv } from './index-store.js';

const root = mkdtempSync(join(tmpdir(), 'policy-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const manifestOf = (dir: string) => JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8'));
/** The seed's part file, and a file of the HNSW folder, as the manifest names them. */
const partFile = (dir: string) => join(dir, manifestOf(dir).parts[0].path);
const hnswFile = (dir: string, f: string) => join(dir, manifestOf(dir).hnswDir, f);
/** The same neighbours; scores agree to float32 (HNSW computes in float32). */
const sameHits = (a: { index: number; score: number }[], b: { index: number; score: number }[]) => {
  expect(a.map((h) => h.index)).toEqual(b.map((h) => h.index));
  for (const [i, h] of a.entries()) expect(h.score).toBeCloseTo(b[i].score, 4);
};

async function expectCode(p: Promise<unknown>, code: string) {
  const e = await p.then(() => undefined, (x) => x);
  expect(isAppError(e) && e.code, String(e)).toBe(code);
}

describe('index artifacts', () => {
  it('round-trips save → load with identical data and search results', async () => {
    const dir = join(root, 'a');
    const built = await buildAndSave(dir, sources, lexicon, tokenizer);
    const loaded = await loadIndex(dir, sources, lexicon, tokenizer);
    expect(loaded.manifest).toEqual(built.manifest);
    expect(loaded.manifest.counts).toEqual({ documents: 1, clauses: 27, chunks: loaded.chunks.length, facts: loaded.facts.length });
    expect(loaded.facts).toEqual(built.facts);
    const q = loaded.embedder.embedDense('自治区级孵化器补助');
    expect(await loaded.vectors.search(q, 5)).toEqual(await built.vectors.search(q, 5));
    expect(loaded.vectors.id).toBe('hnswlib');
  });

  it('rejects a manifest of another format version or embedder loudly', async () => {
    const dir = join(root, 'b');
    await buildAndSave(dir, sources, lexicon, tokenizer);
    const path = join(dir, 'manifest.json');
    const m = JSON.parse(readFileSync(path, 'utf8'));
    writeFileSync(path, JSON.stringify({ ...m, formatVersion: 999 }));
    await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_MISMATCH');
    await expectCode(loadOrBuildIndex(dir, sources, lexicon, tokenizer), 'INDEX_MISMATCH');
    writeFileSync(path, JSON.stringify({ ...m, embedder: 'openai/text-embedding-3-small' }));
    await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_MISMATCH');
  });

  it('treats a changed corpus as stale and rebuilds it; a missing index is built', async () => {
    const dir = join(root, 'c');
    const missing = await loadOrBuildIndex(dir, sources, lexicon, tokenizer);
    expect(missing.built).toBe(true);
    const changed = [sourceFromText(sources[0].fileName, blocksToText(sources[0].blocks).replace('1000万元的经费支持', '1200万元的经费支持'))];
    await expectCode(loadIndex(dir, changed, lexicon, tokenizer), 'INDEX_STALE');
    const rebuilt = await loadOrBuildIndex(dir, changed, lexicon, tokenizer);
    expect(rebuilt.built).toBe(true);
    expect(rebuilt.kb.facts.some((f) => f.type === 'amount' && f.display === '1200万元')).toBe(true);
    const again = await loadOrBuildIndex(dir, changed, lexicon, tokenizer);
    expect(again.built).toBe(false);
  });

  it('reports corrupt artifacts as INDEX_CORRUPT, never loading them', async () => {
    const dir = join(root, 'd');
    await buildAndSave(dir, sources, lexicon, tokenizer);
    writeFileSync(partFile(dir), '{"documents": [');
    await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
    await buildAndSave(dir, sources, lexicon, tokenizer);
    writeFileSync(hnswFile(dir, 'hnswlib.index'), 'garbage');
    await expectCode(loadOrBuildIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
  });

  // Issue 17, defect 3: each kind of damage stops the load with INDEX_CORRUPT, before anything is parsed.
  describe('an index that cannot lie', () => {
    const fresh = async (name: string) => {
      const dir = join(root, name);
      await buildAndSave(dir, sources, lexicon, tokenizer);
      return dir;
    };

    it('refuses a part with one figure changed, though it is still valid JSON', async () => {
      const dir = await fresh('figure');
      const path = partFile(dir);
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('50万元');
      writeFileSync(path, text.replaceAll('50万元', '80万元'));
      JSON.parse(readFileSync(path, 'utf8'));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await expectCode(loadOrBuildIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
    });

    it('refuses an HNSW file with 4 KB overwritten (hnswlib would crash on it), truncated, or missing', async () => {
      const dir = await fresh('hnsw');
      const fd = openSync(hnswFile(dir, 'hnswlib.index'), 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 1024);
      closeSync(fd);
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await buildAndSave(dir, sources, lexicon, tokenizer);
      truncateSync(hnswFile(dir, 'hnswlib.index'), statSync(hnswFile(dir, 'hnswlib.index')).size - 100);
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await buildAndSave(dir, sources, lexicon, tokenizer);
      unlinkSync(hnswFile(dir, 'docstore.json'));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await buildAndSave(dir, sources, lexicon, tokenizer);
      unlinkSync(partFile(dir));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
    });

    it('refuses a part without its words with a coded error, even when its hash was updated to match', async () => {
      const dir = await fresh('words');
      const path = partFile(dir);
      const { words: _gone, ...rest } = JSON.parse(readFileSync(path, 'utf8'));
      const text = JSON.stringify(rest);
      writeFileSync(path, text);
      const mPath = join(dir, 'manifest.json');
      const m = JSON.parse(readFileSync(mPath, 'utf8'));
      m.files[m.parts[0].path] = createHash('sha256').update(text).digest('hex');
      writeFileSync(mPath, JSON.stringify(m));
      const e = await loadIndex(dir, sources, lexicon, tokenizer).then(() => undefined, (x) => x);
      expect(isAppError(e, 'INDEX_CORRUPT'), String(e)).toBe(true);
      expect((e as Error).message).toMatch(/lacks words/);
    });

    it('never builds or loads an index with no documents', async () => {
      await expectCode(buildAndSave(join(root, 'empty'), [], lexicon, tokenizer), 'INDEX_EMPTY');
      await expectCode(loadOrBuildIndex(join(root, 'empty'), [], lexicon, tokenizer), 'INDEX_EMPTY');
    });

    it('rebuilds an index written by an older format version (no hashes yet) instead of refusing to start', async () => {
      const dir = await fresh('old-format');
      const mPath = join(dir, 'manifest.json');
      const { files: _f, ...m } = JSON.parse(readFileSync(mPath, 'utf8'));
      writeFileSync(mPath, JSON.stringify({ ...m, formatVersion: 1 }));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_STALE');
      const r = await loadOrBuildIndex(dir, sources, lexicon, tokenizer);
      expect(r.built).toBe(true);
      const got = r.kb.manifest;
      expect(Object.keys(got.files ?? {}).sort()).toEqual([got.parts![0].path, `${got.hnswDir}/args.json`, `${got.hnswDir}/docstore.json`, `${got.hnswDir}/hnswlib.index`]);
    });
  });

  // Issue 19: one part per document; adding, replacing or removing one document parses that one only.
  describe('a library updated one document at a time', async () => {
    const seed = sources[0];
    const [a, b] = await Promise.all(realdocFiles().slice(0, 2).map(readFixture));
    const strip = (d: ReturnType<typeof buildKnowledgeBaseData>) => ({ ...d, manifest: { ...d.manifest, builtAt: '' } });
    const same = async (dir: string, docs: typeof sources) => {
      const loaded = await loadIndex(dir, docs, lexicon, tokenizer);
      const full = buildKnowledgeBaseData(docs, lexicon, tokenizer);
      const { files: _f, parts: _p, hnswDir: _h, vectorIndex: _v, ...m } = loaded.manifest;
      const { vectorIndex: _fv, ...want } = strip(full).manifest;
      expect({ ...m, builtAt: '' }).toEqual(want);
      expect(loaded.documents).toEqual(full.documents);
      expect(loaded.facts).toEqual(full.facts);
      expect(loaded.chunks).toEqual(full.chunks);
      expect(loaded.bm25.toJSON()).toEqual(full.bm25);
      expect(loaded.embedder.toJSON()).toEqual(full.embedder);
      const q = loaded.embedder.embedDense('孵化器补助多少');
      const exact = hydrateFull(full);
      sameHits(await loaded.vectors.search(q, 10), await exact.search(q, 10));
      return loaded;
    };
    const hydrateFull = (full: ReturnType<typeof buildKnowledgeBaseData>) => createExactIndex(full.vectors);

    it('adds a document by writing its part only, and answers as a build from scratch does', async () => {
      const dir = join(root, 'incremental');
      await buildAndSave(dir, [seed, a], lexicon, tokenizer);
      const before = manifestOf(dir);
      const seedPart = readFileSync(join(dir, before.parts[0].path), 'utf8');
      const added = await updateIndex(dir, [seed, a, b], lexicon, tokenizer);
      expect([added.reused, added.built]).toEqual([2, 1]);
      const after = manifestOf(dir);
      expect(after.parts.map((p: { docId: string }) => p.docId)).toEqual([seed, a, b].map((s) => added.kb.documents.find((d) => d.file === s.fileName)!.docId));
      // The untouched parts are the same files, unchanged.
      expect(after.parts.slice(0, 2)).toEqual(before.parts);
      expect(readFileSync(join(dir, after.parts[0].path), 'utf8')).toBe(seedPart);
      await same(dir, [seed, a, b]);
    });

    it('replaces and removes a document, deleting the part it no longer needs', async () => {
      const dir = join(root, 'replace');
      await buildAndSave(dir, [seed, a, b], lexicon, tokenizer);
      const old = manifestOf(dir).parts[1].path;
      const edited = sourceFromText(a.fileName, `${blocksToText(a.blocks)}\n（此件为修改后的版本）`);
      const replaced = await updateIndex(dir, [seed, edited, b], lexicon, tokenizer);
      expect([replaced.reused, replaced.built]).toEqual([2, 1]);
      expect(existsSync(join(dir, old))).toBe(false);
      await same(dir, [seed, edited, b]);
      const removed = await updateIndex(dir, [seed, b], lexicon, tokenizer);
      expect([removed.reused, removed.built]).toEqual([2, 0]);
      expect(readdirSync(join(dir, 'docs'))).toHaveLength(2);
      await same(dir, [seed, b]);
    });

    it('builds a damaged part again from its source instead of failing the update', async () => {
      const dir = join(root, 'damaged-part');
      await buildAndSave(dir, [seed, a], lexicon, tokenizer);
      writeFileSync(join(dir, manifestOf(dir).parts[1].path), '{}');
      const r = await updateIndex(dir, [seed, a, b], lexicon, tokenizer);
      expect([r.reused, r.built]).toEqual([1, 2]);
      await same(dir, [seed, a, b]);
    });

    it('a dictionary change builds every part again', async () => {
      const dir = join(root, 'dictionary');
      await buildAndSave(dir, [seed, a], lexicon, tokenizer);
      const other = { ...lexicon, stopWords: [...lexicon.stopWords, '某某'] };
      const r = await updateIndex(dir, [seed, a], other, tokenizer);
      expect([r.reused, r.built]).toEqual([0, 2]);
    });
  });

  describe('the vector index by size', () => {
    it('uses the HNSW graph while its search is exact, and the inverted lists beyond; both answer alike', async () => {
      expect([vectorIndexFromEnv(undefined), vectorIndexFromEnv(' exact ')]).toEqual(['auto', 'exact']);
      expect(() => vectorIndexFromEnv('faiss')).toThrow(/VECTOR_INDEX must be auto, hnsw or exact/);
      expect(chooseVectorIndex(HNSW_EXACT_LIMIT, false)).toBe('hnswlib');
      expect(chooseVectorIndex(HNSW_EXACT_LIMIT + 1, false)).toBe('exact');
      expect(chooseVectorIndex(HNSW_EXACT_LIMIT + 1, true)).toBe('hnswlib');
      const graph = await buildAndSave(join(root, 'graph'), sources, lexicon, tokenizer, undefined, { vectorIndex: 'hnsw' });
      const dir = join(root, 'lists');
      const lists = await buildAndSave(dir, sources, lexicon, tokenizer, undefined, { vectorIndex: 'exact' });
      expect([graph.vectors.id, lists.vectors.id]).toEqual(['hnswlib', 'exact']);
      expect(readdirSync(dir).sort()).toEqual(['docs', 'manifest.json']);
      for (const q of ['自治区级孵化器补助', '独角兽企业', '高新区考核评价排名']) {
        const v = graph.embedder.embedDense(q);
        sameHits(await lists.vectors.search(v, 10), await graph.vectors.search(v, 10));
      }
      // A restart reads the choice from the manifest.
      expect((await loadIndex(dir, sources, lexicon, tokenizer)).vectors.id).toBe('exact');
    });
  });
});
