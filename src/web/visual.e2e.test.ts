// The visual regression check (issue 18): chat, drawer, 资金一览 and 部门 at a desktop and a phone size, each saved
// as a screenshot under eval/out/ (look at them) and measured: nothing reaches past the viewport, no text is squeezed
// below 2 characters per line, and the department to transfer to is on screen without scrolling.
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, inView, layoutProblems, openTab, screenshot, useConsole, withPage, type PageOptions } from '../testing/browser.js';

const harness = useConsole();

const SIZES: [name: string, opts: PageOptions][] = [
  ['1280x800', { viewport: { width: 1280, height: 800 } }],
  ['390x844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
];

async function check(page: Page, shot: string) {
  await screenshot(page, shot);
  expect(await layoutProblems(page), shot).toEqual([]);
}

describe('visual regression (Chromium)', { timeout: 120_000 }, () => {
  for (const [size, opts] of SIZES) {
    it(`chat, drawer, 资金一览 and 部门 at ${size}`, async () => {
      await withPage(harness(), opts, async (page) => {
        // A short answer, then the longest kind (24 clause links): each time the transfer line must be in view.
        const first = await ask(page, '新认定的自治区级孵化器给多少钱？');
        expect(await inView(first.locator('.transfer')), 'first answer: lead department in view').toBe(true);
        const long = await ask(page, '自治区科技厅牵头哪些？');
        expect(await inView(long.locator('.transfer')), 'long answer: lead department in view').toBe(true);
        await check(page, `console-chat-${size}.png`);

        // Clause 14: a long text and four figures, so the facts table sits below the fold on a phone.
        await first.locator('a.cite').first().click();
        const dialog = page.locator('#clause-dialog');
        await dialog.locator('.clause').waitFor();
        expect(await inView(dialog.locator('.transfer')), 'drawer: lead department in view').toBe(true);
        await check(page, `console-drawer-${size}.png`);
        // The facts further down the drawer: scrolled to, they must not be squeezed either.
        await dialog.locator('table.facts').scrollIntoViewIfNeeded();
        await check(page, `console-drawer-facts-${size}.png`);
        await page.keyboard.press('Escape');

        await openTab(page, '资金一览');
        await page.locator('#funding-table tbody tr').first().waitFor();
        expect(await inView(page.locator('#funding-table tbody tr').first().locator('td[data-label=牵头部门]')), '资金一览: first lead department in view').toBe(true);
        await check(page, `console-funding-${size}.png`);

        await openTab(page, '部门');
        await page.locator('.dept-card').first().waitFor();
        expect(await inView(page.locator('.dept-card h3').first()), '部门: first department in view').toBe(true);
        await check(page, `console-departments-${size}.png`);
        await page.getByLabel(/按部门/).fill('孵化器');
        await page.waitForFunction(() => document.getElementById('dept-list')?.dataset.filtered === '孵化器');
        expect(await inView(page.locator('.dept-card:visible h3').first()), '部门 filtered: first department in view').toBe(true);
        await check(page, `console-departments-filtered-${size}.png`);
      });
    });
  }
});
