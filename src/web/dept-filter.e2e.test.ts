// The 部门 filter (issue 18) finds a department by its name, by an alias callers use (发改委) and by a topic its
// clauses deal with (孵化器 is in clause 14's text, not in any title) — starting with the placeholder's own examples.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openTab, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

/** Type q into the filter and wait until the list shows the result for q (the topic search is asynchronous). */
async function filter(page: Page, q: string) {
  await page.getByLabel(/按部门/).fill(q);
  await page.waitForFunction((want) => document.getElementById('dept-list')?.dataset.filtered === want, q);
  return {
    shown: await page.locator('.dept-card:visible h3').allTextContents(),
    count: await page.locator('#dept-count').textContent(),
  };
}

describe('department filter (Chromium)', { timeout: 90_000 }, () => {
  it('finds something for every example its placeholder gives', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '部门');
      await page.locator('.dept-card').first().waitFor();
      const placeholder = (await page.getByLabel(/按部门/).getAttribute('placeholder')) ?? '';
      const examples = placeholder.replace(/^.*?[：:]/, '').split('、').map((s) => s.trim()).filter(Boolean);
      expect(examples.length).toBeGreaterThanOrEqual(3);
      for (const q of examples) expect((await filter(page, q)).shown.length, q).toBeGreaterThan(0);
    });
  });

  it('finds by alias (发改委), by topic in the clause text (孵化器) and by topic in a title (土地), leader first', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '部门');
      await page.locator('.dept-card').first().waitFor();
      const all = await page.locator('.dept-card').count();

      const alias = await filter(page, '发改委');
      expect(alias.shown).toEqual(['自治区发展改革委']);
      expect(alias.count).toBe('找到 1 个部门');
      expect(await page.locator('.dept-card:visible .aliases').textContent()).toContain('发改委');

      const topic = await filter(page, '孵化器');
      expect(topic.shown[0]).toBe('自治区发展改革委'); // leads clause 14, whose text funds incubators
      expect(topic.shown).toContain('自治区科技厅'); // supports clause 14
      expect(topic.shown.length).toBeLessThan(all);
      const card = page.getByRole('article', { name: '自治区发展改革委' });
      expect(await card.locator('li.match').allTextContents()).toEqual([expect.stringContaining('（十四）')]);

      const land = await filter(page, '土地');
      expect(land.shown[0]).toBe('自治区自然资源厅');

      const none = await filter(page, '无此部门');
      expect(none.shown).toEqual([]);
      expect(none.count).toBe('找到 0 个部门');
      expect(await page.locator('#dept-list .note').textContent()).toContain('没有');

      const cleared = await filter(page, '');
      expect(cleared.shown.length).toBe(all);
    });
  });
});
