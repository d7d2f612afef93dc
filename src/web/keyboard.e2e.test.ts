// Keyboard first (issue 18): an operator with a caller waiting types into the question box without reaching for
// the mouse — on load, after an answer, after the clause drawer — and has four shortcuts, shown once.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { answerAt, ask, openTab, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();
const box = (page: Page) => page.getByLabel('来电人的问题');
const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id);

describe('console keyboard (Chromium)', { timeout: 90_000 }, () => {
  it('puts the cursor in the question box on load, after an answer and after the drawer closes', async () => {
    await withPage(harness(), {}, async (page) => {
      // Typing straight away, without a click, lands in the box.
      await page.keyboard.type('孵化器');
      expect(await box(page).inputValue()).toBe('孵化器');
      await box(page).fill('');

      // A suggestion chip takes the focus when clicked (and disappears); the answer gives it back to the box.
      await page.getByRole('button', { name: '新认定的自治区级孵化器给多少钱？' }).click();
      const bot = await answerAt(page, 0);
      await page.keyboard.type('那国家级的呢');
      expect(await box(page).inputValue()).toBe('那国家级的呢');
      await box(page).fill('');

      // The drawer, closed by Esc and by its × button: back to the box, not to the link that opened it.
      const dialog = page.locator('#clause-dialog');
      await bot.locator('a.cite').first().click();
      await dialog.locator('.clause').waitFor();
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await focusedId(page)).toBe('question');
      await bot.locator('a.cite').first().click();
      await dialog.locator('.clause').waitFor();
      await page.getByRole('button', { name: '关闭条款原文' }).click();
      await dialog.waitFor({ state: 'hidden' });
      await page.keyboard.type('谁牵头');
      expect(await box(page).inputValue()).toBe('谁牵头');
    });
  });

  it('leaves the focus where it was when the drawer closes over another view', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '部门');
      const link = page.locator('.dept-card a.link').first();
      await link.click();
      await page.locator('#clause-dialog .clause').waitFor();
      await page.keyboard.press('Escape');
      expect(await link.evaluate((el) => el === document.activeElement)).toBe(true);
    });
  });

  it('"/" focuses the box from anywhere, but is typed as itself inside another field', async () => {
    await withPage(harness(), {}, async (page) => {
      await page.getByRole('tab', { name: '问答' }).focus();
      await page.keyboard.press('/');
      expect(await focusedId(page)).toBe('question');
      expect(await box(page).inputValue()).toBe('');

      await openTab(page, '部门');
      await page.getByLabel(/按部门/).fill('土地/');
      expect(await page.getByLabel(/按部门/).inputValue()).toBe('土地/');
      await page.getByRole('tab', { name: '部门' }).focus();
      await page.keyboard.press('/');
      expect(await page.getByRole('tab', { name: '问答' }).getAttribute('aria-selected')).toBe('true');
      expect(await focusedId(page)).toBe('question');
    });
  });

  it('↑ recalls earlier questions in an empty box, ↓ goes forward again', async () => {
    await withPage(harness(), {}, async (page) => {
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      await ask(page, '那国家级的呢？');
      await box(page).press('ArrowUp');
      expect(await box(page).inputValue()).toBe('那国家级的呢？');
      await box(page).press('ArrowUp');
      expect(await box(page).inputValue()).toBe('新认定的自治区级孵化器给多少钱？');
      await box(page).press('ArrowDown');
      expect(await box(page).inputValue()).toBe('那国家级的呢？');
      await box(page).press('ArrowDown');
      expect(await box(page).inputValue()).toBe('');
      // Text being typed is never replaced by a recalled question.
      await box(page).fill('独角兽');
      await box(page).press('ArrowUp');
      expect(await box(page).inputValue()).toBe('独角兽');
    });
  });

  it('Ctrl+Enter copies the latest answer without sending what is in the box', async () => {
    await withPage(harness(), { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      await ask(page, '独角兽企业有什么奖励？');
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      await box(page).fill('半句话');
      await box(page).press('Control+Enter');
      await page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      expect(copied.split('\n')[0]).toBe('新认定为自治区级科技企业孵化器：50万元配套资助。');
      expect(await page.locator('.msg.bot').count()).toBe(2);
      expect(await box(page).inputValue()).toBe('半句话');
      expect(await focusedId(page)).toBe('question');
    });
  });

  it('shows the four shortcuts once, in one small help line', async () => {
    await withPage(harness(), {}, async (page) => {
      const help = page.locator('.keys-help');
      expect(await help.count()).toBe(1);
      expect(await help.isVisible()).toBe(true);
      const text = (await help.textContent()) ?? '';
      for (const key of ['/', 'Esc', 'Ctrl', 'Enter', '↑']) expect(text).toContain(key);
      const { lines, size } = await help.evaluate((el) => {
        const s = getComputedStyle(el);
        return { lines: el.getBoundingClientRect().height / parseFloat(s.lineHeight), size: parseFloat(s.fontSize) };
      });
      expect(lines).toBeLessThan(1.5);
      expect(size).toBeLessThan(15);
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      expect(await page.locator('.keys-help').count()).toBe(1);
    });
  });
});
