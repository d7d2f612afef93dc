import { createHash } from 'node:crypto';
import { blocksToText } from '../corpus/blocks.js';
import { sourceFromText } from '../corpus/readers/txt.js';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, statSync, truncateSync, unlinkSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isAppError } from '../errors.js';
import { lexicon, sources, tokenizer } from '../testing/fixtures.js';
import { buildAndSave, loadIndex, loadOrBuildIndex } from './index-store.js';

const root = mkdtempSync(join(tmpdir(), 'policy-index-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

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
    writeFileSync(join(dir, 'kb.json'), '{"documents": [');
    await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
    await buildAndSave(dir, sources, lexicon, tokenizer);
    writeFileSync(join(dir, 'hnsw', 'hnswlib.index'), 'garbage');
    await expectCode(loadOrBuildIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
  });

  // Issue 17, defect 3: each kind of damage stops the load with INDEX_CORRUPT, before anything is parsed.
  describe('an index that cannot lie', () => {
    const fresh = async (name: string) => {
      const dir = join(root, name);
      await buildAndSave(dir, sources, lexicon, tokenizer);
      return dir;
    };

    it('refuses a kb.json with one figure changed, though it is still valid JSON', async () => {
      const dir = await fresh('figure');
      const path = join(dir, 'kb.json');
      const text = readFileSync(path, 'utf8');
      expect(text).toContain('50万元');
      writeFileSync(path, text.replaceAll('50万元', '80万元'));
      JSON.parse(readFileSync(path, 'utf8'));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await expectCode(loadOrBuildIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
    });

    it('refuses an HNSW file with 4 KB overwritten (hnswlib would crash on it), truncated, or missing', async () => {
      const dir = await fresh('hnsw');
      const path = join(dir, 'hnsw', 'hnswlib.index');
      const fd = openSync(path, 'r+');
      writeSync(fd, Buffer.alloc(4096, 0xff), 0, 4096, 1024);
      closeSync(fd);
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await buildAndSave(dir, sources, lexicon, tokenizer);
      truncateSync(path, statSync(path).size - 100);
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await buildAndSave(dir, sources, lexicon, tokenizer);
      unlinkSync(join(dir, 'hnsw', 'docstore.json'));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
      await buildAndSave(dir, sources, lexicon, tokenizer);
      unlinkSync(join(dir, 'kb.json'));
      await expectCode(loadIndex(dir, sources, lexicon, tokenizer), 'INDEX_CORRUPT');
    });

    it('refuses a kb.json without bm25 with a coded error, even when its hash was updated to match', async () => {
      const dir = await fresh('bm25');
      const path = join(dir, 'kb.json');
      const { bm25: _gone, ...rest } = JSON.parse(readFileSync(path, 'utf8'));
      const text = JSON.stringify(rest);
      writeFileSync(path, text);
      const mPath = join(dir, 'manifest.json');
      const m = JSON.parse(readFileSync(mPath, 'utf8'));
      m.files['kb.json'] = createHash('sha256').update(text).digest('hex');
      writeFileSync(mPath, JSON.stringify(m));
      const e = await loadIndex(dir, sources, lexicon, tokenizer).then(() => undefined, (x) => x);
      expect(isAppError(e, 'INDEX_CORRUPT'), String(e)).toBe(true);
      expect((e as Error).message).toMatch(/lacks bm25/);
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
      expect(Object.keys(r.kb.manifest.files ?? {}).sort()).toEqual(['hnsw/args.json', 'hnsw/docstore.json', 'hnsw/hnswlib.index', 'kb.json']);
    });
  });
});
