import { blocksToText } from '../corpus/blocks.js';
import { sourceFromText } from '../corpus/readers/txt.js';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
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
});
