// The department to transfer a caller to (issue 18): the first line of every answer that has one, in its own style,
// on one line, with a copy button; the supporting departments wait, collapsed, on the line below.
import type { Locator } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

/** The bubble's first line a sighted operator sees (the screen-reader prefix "答：" aside). */
const firstLine = (bot: Locator) => bot.locator(':scope > :not(.sr-only)').first();
const lineCount = (el: Locator) => el.evaluate((e) => Math.round(e.getBoundingClientRect().height / parseFloat(getComputedStyle(e).lineHeight)));

describe('transfer line (Chromium)', { timeout: 90_000 }, () => {
  for (const viewport of [{ width: 1280, height: 800 }, { width: 390, height: 844 }]) {
    it(`leads the answer with 转接 and the lead department on one line at ${viewport.width} px, with a copy button`, async () => {
      await withPage(harness(), { viewport, permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
        const bot = await ask(page, '新认定的自治区级孵化器给多少钱？');
        const line = firstLine(bot);
        expect(await line.getAttribute('class')).toContain('transfer');
        expect(await line.locator('.transfer-to').textContent()).toBe('自治区发展改革委');
        expect((await line.textContent())?.startsWith('转接：自治区发展改革委')).toBe(true);
        expect(await lineCount(line.locator('.transfer-to'))).toBe(1);

        await line.getByRole('button', { name: '复制转接部门' }).click();
        await page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
        expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('自治区发展改革委');
      });
    });
  }

  it('looks unlike the light pill every department mention in the text gets', async () => {
    await withPage(harness(), {}, async (page) => {
      const bot = await ask(page, '土地这块归谁管？'); // "由自治区自然资源厅牵头。": the lead named in the text too
      const style = (el: Locator) => el.evaluate((e) => { const s = getComputedStyle(e); return { bg: s.backgroundColor, size: parseFloat(s.fontSize) }; });
      const lead = await style(firstLine(bot));
      const mention = await style(bot.locator('.answer .dept').first());
      expect(lead.bg).not.toBe(mention.bg);
      expect(lead.size).toBeGreaterThanOrEqual(mention.size);
      expect(await bot.locator('.transfer-to').evaluate((e) => Number(getComputedStyle(e).fontWeight))).toBeGreaterThanOrEqual(700);
    });
  });

  it('collapses the supporting departments on the second line, and does not repeat the 牵头/配合 line', async () => {
    await withPage(harness(), {}, async (page) => {
      const bot = await ask(page, '新认定的自治区级孵化器给多少钱？');
      const support = bot.locator(':scope > :not(.sr-only)').nth(1);
      expect(await support.evaluate((e) => e.tagName)).toBe('DETAILS');
      expect(await support.getAttribute('open')).toBeNull();
      expect(await support.locator('summary').textContent()).toContain('配合部门（10）');
      expect(await support.getByText('自治区科技厅').isVisible()).toBe(false);
      await support.locator('summary').click();
      expect(await support.getByText(/自治区科技厅/).isVisible()).toBe(true);
      expect(await bot.locator('.answer p').allTextContents()).not.toContainEqual(expect.stringMatching(/^牵头：/));
    });
  });

  it('names every joint lead, keeps a lead out of the support list, and has no transfer line without departments', async () => {
    await withPage(harness(), {}, async (page) => {
      const joint = await ask(page, '优化营商环境谁牵头？');
      expect(await joint.locator('.transfer-to').textContent()).toBe('自治区发展改革委、自治区商务厅、自治区大数据发展局');
      // 自治区科技厅 leads 13 clauses and supports 11: it is the transfer target, not also its own support.
      const own = await ask(page, '自治区科技厅牵头哪些？');
      expect(await own.locator('.transfer-to').textContent()).toBe('自治区科技厅');
      expect(await own.locator('details.support').count()).toBe(0);
      const hello = await ask(page, '你好');
      expect(await hello.locator('.transfer').count()).toBe(0);
    });
  });

  it('heads the clause drawer with the same transfer line', async () => {
    await withPage(harness(), { hash: 'clause/guangxi-hitech-zones-2021/14' }, async (page) => {
      const dialog = page.locator('#clause-dialog');
      await dialog.locator('.clause').waitFor();
      const line = dialog.locator('.transfer');
      expect(await line.locator('.transfer-to').textContent()).toBe('自治区发展改革委');
      const [lineBox, textBox] = await Promise.all([line.boundingBox(), dialog.locator('.clause-text').boundingBox()]);
      expect(lineBox!.y).toBeLessThan(textBox!.y);
    });
  });
});
