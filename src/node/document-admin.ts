// Documents added, replaced and removed while the Node server answers. A change is read and parsed first (a bad
// file is refused with its code and nothing changes), then, one change at a time: the file is written into the
// corpus folder, that document's index part written and a new manifest swapped in on disk (the other parts reused), and the runtime switched to the new
// knowledge base once its self-check answers. Questions meanwhile are answered from the old one. Every change is
// logged with who (the admin key's id), what and when.
import { existsSync } from 'node:fs';
import { appendFile, copyFile, mkdir, rename, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { blocksToText, type SourceDocument } from '../corpus/blocks.js';
import { createDepartmentRegistry } from '../corpus/departments.js';
import { extractFacts } from '../corpus/facts.js';
import { docIdFromFile, parseDocument } from '../corpus/parse.js';
import { readDocument } from '../corpus/readers/index.js';
import type { DocumentAdmin } from '../api/documents.js';
import { createError } from '../errors.js';
import { documentReport } from '../index/build-report.js';
import type { KnowledgeBase, RemoteEmbeddings } from '../index/knowledge-base.js';
import type { Lexicon } from '../text/lexicon.js';
import { createGazetteer } from '../text/places.js';
import type { Tokenizer } from '../text/tokenizer.js';
import { updateIndex, type IndexOptions } from './index-store.js';
import { readCorpusFile } from './loaders.js';

export interface DocumentAdminDeps {
  corpusDir: string;
  indexDir: string;
  lex: Lexicon;
  tokenizer: Tokenizer;
  embeddings?: RemoteEmbeddings;
  indexOptions?: IndexOptions;
  /** The documents the running index was built from. */
  sources: SourceDocument[];
  /** Switches the runtime to the new knowledge base (after its self-check). */
  swap: (kb: KnowledgeBase) => Promise<void>;
  /** One JSON line per change (who, what, when); defaults to data/audit.log beside the index. */
  auditFile?: string;
  log?: (line: Record<string, unknown>) => void;
  now?: () => number;
}

const normalized = (s: SourceDocument) => blocksToText(s.blocks).replace(/\s+/g, '');

export function createDocumentAdmin(deps: DocumentAdminDeps): DocumentAdmin & { sources(): SourceDocument[] } {
  let sources = [...deps.sources];
  const gazetteer = createGazetteer(deps.lex.places);
  const registry = createDepartmentRegistry(deps.lex.departments, gazetteer);
  const auditFile = deps.auditFile ?? join(dirname(deps.indexDir), 'audit.log');
  const now = deps.now ?? Date.now;
  // One change at a time: a second upload waits for the first to be swapped in.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(run: () => Promise<T>): Promise<T> => {
    const next = queue.then(run, run);
    queue = next.catch(() => undefined);
    return next;
  };

  const audit = async (entry: Record<string, unknown>) => {
    const line = { ts: new Date(now()).toISOString(), ...entry };
    deps.log?.({ level: 'info', event: 'document-change', ...line });
    await mkdir(dirname(auditFile), { recursive: true });
    await appendFile(auditFile, `${JSON.stringify(line)}\n`);
  };

  /** Rebuilds from `next` and swaps it in; on failure the corpus folder is put back as it was. */
  async function rebuild(next: SourceDocument[], undo: () => Promise<void>): Promise<void> {
    try {
      // Only the changed document is parsed and segmented: the others keep their parts (index-store.ts).
      const { kb } = await updateIndex(deps.indexDir, next, deps.lex, deps.tokenizer, deps.embeddings, deps.indexOptions);
      await deps.swap(kb);
      sources = next;
    } catch (e) {
      await undo();
      // The index on disk may already be the new one: rebuild it from the restored corpus so a restart agrees.
      await updateIndex(deps.indexDir, sources, deps.lex, deps.tokenizer, deps.embeddings, deps.indexOptions).catch(() => undefined);
      throw e;
    }
  }

  return {
    sources: () => sources,

    async add(file, opts) {
      const source = await readDocument(file.bytes, file.fileName);
      const doc = parseDocument(source, { registry, gazetteer });
      if (!doc.clauses.length) throw createError('DOC_NO_CLAUSES', `${file.fileName}: no clauses found (${doc.warnings.join('; ') || 'no numbered items'})`);
      const report = documentReport(doc, doc.clauses.flatMap(extractFacts));
      const text = normalized(source);
      // The same text under any name, its own included: re-sending a file unchanged is not a replacement.
      const same = sources.find((s) => normalized(s) === text);
      if (same) throw createError('DOC_DUPLICATE', `the same text is already in the library as ${same.fileName} (${docIdFromFile(same.fileName)})`);
      const other = sources.find((s) => s.fileName !== file.fileName && docIdFromFile(s.fileName) === doc.docId);
      if (other) throw createError('DOC_DUPLICATE', `${other.fileName} already has the document id ${doc.docId}; rename the file or replace ${other.fileName}`);
      const replaced = sources.find((s) => s.fileName === file.fileName);
      if (opts.dryRun) return { report, dryRun: true, replaced: replaced && doc.docId };

      return serial(async () => {
        const path = join(deps.corpusDir, file.fileName);
        const backup = `${path}.bak-${process.pid}`;
        if (existsSync(path)) await copyFile(path, backup);
        await writeFile(`${path}.tmp-${process.pid}`, file.bytes);
        await rename(`${path}.tmp-${process.pid}`, path);
        // Read back as a restart will read it (with its sidecar metadata, if there is one).
        const stored = await readCorpusFile(deps.corpusDir, file.fileName).catch(() => source);
        const next = [...sources.filter((s) => s.fileName !== file.fileName), stored].sort((a, b) => a.fileName.localeCompare(b.fileName));
        await rebuild(next, async () => {
          if (existsSync(backup)) await rename(backup, path);
          else await rm(path, { force: true });
        });
        await rm(backup, { force: true });
        await audit({ actor: opts.actor, action: replaced ? 'replace' : 'add', docId: doc.docId, file: file.fileName, bytes: file.bytes.length, clauses: report.clauses });
        return { report, dryRun: false, replaced: replaced && doc.docId };
      });
    },

    async remove(docId, actor) {
      return serial(async () => {
        const source = sources.find((s) => docIdFromFile(s.fileName) === docId);
        if (!source) throw createError('DOC_NOT_FOUND', `no document ${docId}; GET /api/documents lists them`);
        if (sources.length === 1) throw createError('DOC_LAST');
        const path = join(deps.corpusDir, source.fileName);
        const aside = `${path}.removed-${process.pid}`;
        await rename(path, aside);
        const sidecar = path.replace(/\.[^.]+$/, '.meta.json');
        await rebuild(
          sources.filter((s) => s !== source),
          () => rename(aside, path),
        );
        await rm(aside, { force: true });
        if (existsSync(sidecar)) await rm(sidecar, { force: true });
        await audit({ actor, action: 'remove', docId, file: source.fileName });
        return { docId, file: source.fileName };
      });
    },
  };
}
