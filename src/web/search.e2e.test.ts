// Search results (issue 18): one entry per clause, however many of its chunks (sentences, the whole clause) match,
// with the matching sentences shown and the words marked.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

async function search(page: Page, q: string) {
  await page.getByLabel('搜索条款原文').fill(q);
  await page.getByLabel('搜索条款原文').press('Enter');
  await page.locator('#search-results .meta').waitFor();
  return page.locator('.hit');
}

describe('search results (Chromium)', { timeout: 90_000 }, () => {
  it('lists clause 15 once for 独角兽, with both matching sentences marked', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '搜索');
      const hits = await search(page, '独角兽');
      expect(await hits.count()).toBe(1);
      expect(await page.locator('#search-results .meta').textContent()).toBe('找到 1 条包含“独角兽”的条款');
      const hit = hits.first();
      expect(await hit.getAttribute('data-clause')).toBe('15');
      const sentences = await hit.locator('.hit-sentence').allTextContents();
      expect(sentences).toEqual([
        expect.stringContaining('对首次进入独角兽企业培育库的企业'),
        expect.stringContaining('对进入专业机构发布的独角兽企业榜单的企业'),
      ]);
      expect(await hit.locator('mark').allTextContents()).toEqual(['独角兽', '独角兽']);
      // The matching sentences, not the whole clause again.
      expect(await hit.textContent()).not.toContain('完善高新技术企业培育长效机制');
    });
  });

  it('never lists a clause twice', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '搜索');
      for (const q of ['土地', '孵化器', '高新区', '人才']) {
        const hits = await search(page, q);
        const clauses = await hits.evaluateAll((els) => els.map((e) => `${e.getAttribute('data-doc')}#${e.getAttribute('data-clause')}`));
        expect(clauses.length, q).toBeGreaterThan(0);
        expect(new Set(clauses).size, q).toBe(clauses.length);
        expect(await page.locator('.hit:not(:has(mark))').count(), q).toBe(0);
      }
    });
  });
});
