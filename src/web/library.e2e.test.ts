// The 文件 view (issue 15) in Chromium, over a real document admin on a temporary corpus: the list with 文号, issuer,
// dates, validity and clause count; a wrong key refused; a DOCX checked by a dry run whose report the operator reads
// while nothing changes; publishing it, after which the picker offers it and a question is answered from it; a
// duplicate refused with its reason; removing it again; and the view at phone width.
import { copyFileSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { configFromEnv } from '../config.js';
import { createDocumentAdmin } from '../node/document-admin.js';
import { loadOrBuildIndex } from '../node/index-store.js';
import { DEFAULT_CORPUS_DIR, readCorpus } from '../node/loaders.js';
import { createRuntime, type Runtime } from '../runtime.js';
import { ask, layoutProblems, openConsole, openTab, screenshot, useConsole } from '../testing/browser.js';
import { lexicon, tokenizer } from '../testing/fixtures.js';
import { REALDOCS_DIR } from '../testing/realdocs.js';

const SEED = 'guangxi-hitech-zones-2021';
const NEW = 'national-iit-special-deductions-2018';
const KEY = 'correct-horse-battery';
const root = mkdtempSync(join(tmpdir(), 'policy-console-docs-'));
const corpusDir = join(root, 'corpus');
afterAll(() => rmSync(root, { recursive: true, force: true }));

const harness = useConsole(async () => {
  mkdirSync(corpusDir, { recursive: true });
  copyFileSync(join(DEFAULT_CORPUS_DIR, `${SEED}.txt`), join(corpusDir, `${SEED}.txt`));
  const indexDir = join(root, 'index');
  const sources = await readCorpus(corpusDir);
  const { kb } = await loadOrBuildIndex(indexDir, sources, lexicon, tokenizer);
  let runtime: Runtime | undefined;
  const documents = createDocumentAdmin({ corpusDir, indexDir, lex: lexicon, tokenizer, sources, swap: (next) => runtime!.swap(next), auditFile: join(root, 'audit.log') });
  runtime = createRuntime({ kb, documents, config: configFromEnv({ RATE_LIMIT_PER_MIN: '0', ADMIN_KEYS: `ops:${KEY}` }), logError: () => {} });
  return runtime.app;
});

const corpusFiles = () => readdirSync(corpusDir).sort();
/** Chromium logs every 4xx response of fetch as a console error; the refusals this suite provokes are expected. */
const unexpected = (problems: string[]) => problems.filter((p) => !/Failed to load resource: the server responded with a status of 4\d\d/.test(p));

describe('文件 view: list, dry run, publish, remove (Chromium)', { timeout: 120_000 }, () => {
  it('lists the documents, checks a DOCX by dry run, publishes it, refuses its duplicate and removes it', async () => {
    const { page, problems, close } = await openConsole(harness());
    page.setDefaultTimeout(20_000);
    try {
      await openTab(page, '文件');
      const rows = page.locator('#files-table tbody tr');
      await expect.poll(() => rows.count()).toBe(1);
      const seedRow = rows.first();
      expect(await seedRow.locator('td[data-label=文件]').innerText()).toContain('关于促进高新技术产业开发区高质量发展的若干措施');
      expect(await seedRow.locator('td[data-label=条款]').innerText()).toBe('27');
      expect(await seedRow.locator('td[data-label=状态]').innerText()).toContain('现行有效');
      expect(await page.locator('#files-count').innerText()).toBe('共 1 份文件');
      // No key, no 删除: the list is for everyone, changes are for admins.
      expect(await page.getByRole('button', { name: /^删除/ }).count()).toBe(0);

      await page.locator('#files-admin summary').click();
      const file = join(REALDOCS_DIR, `${NEW}.docx`);
      await page.getByLabel('管理密钥').fill('not-the-key-at-all');
      await page.locator('#upload-file').setInputFiles(file);
      await page.getByRole('button', { name: '检查文件' }).click();
      await expect.poll(() => page.locator('#upload-report [role=alert]').innerText()).toContain('管理密钥不正确');

      // The dry run: a report to read, the document not yet in the library, the corpus untouched.
      await page.getByLabel('管理密钥').fill(KEY);
      await page.getByRole('button', { name: '检查文件' }).click();
      const report = page.locator('#upload-report .report');
      await report.waitFor();
      const text = await report.innerText();
      expect(text).toContain('个人所得税专项附加扣除暂行办法');
      expect(text).toContain('国发〔2018〕41号');
      expect(text).toContain('尚未发布');
      expect(text).toMatch(/条款\s*\d{2} 条/);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('publish');
      expect(await rows.count()).toBe(1);
      expect(corpusFiles()).toEqual([`${SEED}.txt`]);
      await screenshot(page, 'files-dry-run.png');

      // Publish: the list, the picker and the chat know the new document at once.
      await page.getByRole('button', { name: '发布' }).click();
      await expect.poll(() => page.locator('#upload-result').innerText()).toContain('已发布《');
      await expect.poll(() => rows.count()).toBe(2);
      const newRow = page.locator(`#files-table tr[data-doc="${NEW}"]`);
      expect(await newRow.locator('td[data-label=文号]').innerText()).toBe('国发〔2018〕41号');
      expect(await newRow.locator('td[data-label=发文机关]').innerText()).toContain('国务院');
      expect(corpusFiles()).toEqual([`${SEED}.txt`, `${NEW}.docx`]);
      expect(await page.locator('#doc-scope-box').isVisible()).toBe(true);
      expect(await page.locator('#doc-scope option').allInnerTexts()).toHaveLength(3);

      // The same file again: refused, with the reason, and nothing changes.
      await page.locator('#upload-file').setInputFiles(file);
      await page.getByRole('button', { name: '检查文件' }).click();
      await expect.poll(() => page.locator('#upload-report [role=alert]').innerText()).toContain('本库已有这份文件');
      expect(corpusFiles()).toEqual([`${SEED}.txt`, `${NEW}.docx`]);

      await openTab(page, '问答');
      const answer = await ask(page, '子女教育专项附加扣除每个子女每月扣多少？');
      expect(await answer.innerText()).toContain('1000元');
      expect(await answer.innerText()).toContain('个人所得税专项附加扣除暂行办法');

      // Remove: two steps on the button, then the row, the file and the picker are gone.
      await openTab(page, '文件');
      const remove = newRow.getByRole('button', { name: /^删除/ });
      await remove.click();
      expect(await remove.innerText()).toBe('确认删除');
      expect(corpusFiles()).toHaveLength(2);
      await remove.click();
      await expect.poll(() => rows.count()).toBe(1);
      expect(await page.locator('#upload-result').innerText()).toContain('已删除');
      expect(corpusFiles()).toEqual([`${SEED}.txt`]);
      expect(await page.locator('#doc-scope-box').isVisible()).toBe(false);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });

  it('fits a phone: the list becomes cards, the upload form one column', async () => {
    const { page, problems, close } = await openConsole(harness(), { viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true });
    try {
      await openTab(page, '文件');
      await page.locator('#files-table tbody tr').first().waitFor();
      await page.locator('#files-admin summary').click();
      await page.getByLabel('管理密钥').fill(KEY);
      await page.locator('#upload-file').setInputFiles(join(REALDOCS_DIR, 'liuhe-tourism-2019.txt'));
      await page.getByRole('button', { name: '检查文件' }).click();
      await page.locator('#upload-report .report').waitFor();
      expect(await layoutProblems(page)).toEqual([]);
      await screenshot(page, 'files-phone.png');
      expect(corpusFiles()).toEqual([`${SEED}.txt`]);
      expect(unexpected(problems)).toEqual([]);
    } finally {
      await close();
    }
  });
});
