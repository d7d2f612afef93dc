// One unit style (issue 18): money as the document mostly writes it, 300万元 — clause 27 once writes "300万", and
// the funding table, the facts tables, the answers and the copied script all say 300万元.
import { describe, expect, it } from 'vitest';
import { ask, openTab, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();
const BARE = /\d(?:万|亿)(?!元)/;

describe('unit style (Chromium)', { timeout: 90_000 }, () => {
  it('writes every sum of money in 资金一览 with 元', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '资金一览');
      const rows = page.locator('#funding-table tbody tr');
      await rows.first().waitFor();
      const amounts = await rows.locator('td:first-child .amt').allTextContents();
      expect(amounts).toContain('300万元');
      expect(amounts.filter((a) => BARE.test(a))).toEqual([]);
    });
  });

  it('says 300万元 in the answer, in what it copies and in the clause facts', async () => {
    await withPage(harness(), { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      const bot = await ask(page, '连续3年位居全区前3名的自治区级高新区有什么奖励');
      expect(await bot.locator('.answer .amt').allTextContents()).toContain('300万元');
      expect(await bot.locator('.answer').textContent()).not.toMatch(BARE);
      await bot.getByRole('button', { name: /复制答案/ }).click();
      await page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied).toContain('300万元经费支持');
      expect(copied).not.toMatch(BARE);

      await bot.locator('a.cite').first().click();
      const facts = page.locator('#clause-dialog table.facts');
      await facts.waitFor();
      const shown = await facts.locator('td:first-child .amt').allTextContents();
      expect(shown).toContain('300万元');
      expect(shown.filter((a) => BARE.test(a))).toEqual([]);
    });
  });
});
