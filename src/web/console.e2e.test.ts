// The hotline console in a real headless Chromium against the real app on a loopback port. No skips: without
// Chromium the suite fails (see src/testing/browser.ts).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, OUT_DIR, openConsole, openTab, useConsole, withPage as withHarnessPage, type PageOptions } from '../testing/browser.js';

const DOC = '关于促进高新技术产业开发区高质量发展的若干措施';
const REF_14 = '（十四）「优化创新创业生态」';
const REF_22 = '（二十二）「优化土地资源配置」';

const harness = useConsole();
const withPage = (opts: PageOptions, fn: (page: Page) => Promise<void>) => withHarnessPage(harness(), opts, fn);

/** What shows that a view has loaded its data. */
const READY: Record<string, string> = { 条款: '#clause-detail .clause', 资金一览: '#funding-table tbody tr', 部门: '.dept-card', 政策匹配: '#match-form button[type=submit]', 文件: '#files-table tbody tr' };

/** Fails when the page scrolls sideways (content wider than the viewport). */
async function expectNoOverflow(page: Page, where: string, width: number) {
  const { scroll, client } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  expect(scroll, `${where}: page is ${scroll}px wide in a ${client}px viewport`).toBeLessThanOrEqual(client);
  expect(client, where).toBeLessThanOrEqual(width);
}

describe('hotline console (Chromium)', { timeout: 90_000 }, () => {
  it('answers with highlighted amounts and a citation, keeps the session for a follow-up, and opens the cited clause', async () => {
    await withPage({}, async (page) => {
      const asks: { sessionId?: string }[] = [];
      const sessions: string[] = [];
      page.on('request', (r) => { if (r.url().endsWith('/api/ask')) asks.push(r.postDataJSON()); });
      page.on('response', async (r) => { if (r.url().endsWith('/api/ask')) sessions.push((await r.json()).sessionId); });

      const first = await ask(page, '新认定的自治区级孵化器给多少钱？');
      expect(await first.locator('.amt').allTextContents()).toContain('50万元');
      expect(await first.locator('.transfer-to').textContent()).toBe('自治区发展改革委');
      await first.getByRole('link', { name: REF_14 }).waitFor();

      const second = await ask(page, '那国家级的呢？');
      expect(await second.locator('.amt').allTextContents()).toContain('100万元');
      expect(asks[0].sessionId).toBeUndefined();
      expect(asks[1].sessionId).toBe(sessions[0]);

      mkdirSync(OUT_DIR, { recursive: true });
      await page.screenshot({ path: join(OUT_DIR, 'console-answer.png') });

      const cite = second.getByRole('link', { name: REF_14 });
      await cite.click();
      const dialog = page.getByRole('dialog', { name: REF_14 });
      await dialog.locator('.clause').waitFor();
      const text = await dialog.locator('.clause-text').textContent();
      expect(text).toContain('加强“双创”示范基地培育'); // the clause's first sentence: the full text, not the quote
      expect(text).toContain('分别给予100万元和50万元的配套资助');
      expect(await dialog.locator('.sentence.cited').textContent()).toContain('对新认定为国家级和自治区级科技企业孵化器的');
      expect(await dialog.locator('table.facts tbody tr').allTextContents()).toEqual(
        expect.arrayContaining([expect.stringContaining('新认定为国家级科技企业孵化器')]),
      );
      expect(await dialog.locator('.depts li.lead').allTextContents()).toEqual(['自治区发展改革委']);
      expect(await dialog.locator('.meta').first().textContent()).toContain(`《${DOC}》`);

      // Closed over the chat, the drawer hands the keyboard back to the question box (keyboard.e2e.test.ts).
      await page.keyboard.press('Escape');
      await dialog.waitFor({ state: 'hidden' });
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');

      // "新对话" drops the session: the next question starts a new one.
      await page.getByRole('button', { name: /新对话/ }).click();
      expect(await page.locator('.msg').count()).toBe(0);
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      expect(asks[2].sessionId).toBeUndefined();
    });
  });

  it('copies a phone-ready script with the source line', async () => {
    await withPage({ permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
      const bot = await ask(page, '新认定的自治区级孵化器给多少钱？');
      await bot.getByRole('button', { name: /复制答案/ }).click();
      await bot.getByRole('button', { name: /复制答案/ }).filter({ hasText: '已复制' }).waitFor();
      const copied = await page.evaluate(() => navigator.clipboard.readText());
      const lines = copied.split('\n');
      expect(lines[0]).toBe('新认定为自治区级科技企业孵化器：50万元配套资助。');
      expect(lines.at(-1)).toBe(`来源：《${DOC}》${REF_14}`);
      expect(copied).toContain('牵头：自治区发展改革委');
      await page.getByRole('status').filter({ hasText: '已复制' }).waitFor();
    });
  });

  it('falls back to execCommand when the Clipboard API is unavailable (plain http on an intranet)', async () => {
    const cp = await openConsole(harness());
    try {
      await cp.page.context().addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
        const original = document.execCommand.bind(document);
        document.execCommand = (command: string, ...rest: [boolean?, string?]) => {
          if (command === 'copy') (window as unknown as { copied: string }).copied = (document.activeElement as HTMLTextAreaElement).value;
          return original(command, ...rest);
        };
      });
      await cp.page.reload();
      await cp.page.waitForSelector('html[data-ready=true]');
      const bot = await ask(cp.page, '新认定的自治区级孵化器给多少钱？');
      await bot.getByRole('button', { name: /复制答案/ }).click();
      await cp.page.waitForFunction(() => (window as unknown as { copied?: string }).copied);
      const copied = await cp.page.evaluate(() => (window as unknown as { copied: string }).copied);
      expect(copied).toContain('50万元');
      expect(copied.split('\n').at(-1)).toBe(`来源：《${DOC}》${REF_14}`);
      // Either the copy worked, or the script is offered selected for a manual copy; never a silent failure.
      await cp.page.locator('.answer-tools .copy:text("已复制"), textarea.manual-copy').first().waitFor();
      expect(await cp.page.locator('.copy-buffer').count()).toBe(0);
      expect(cp.problems).toEqual([]);
    } finally {
      await cp.close();
    }
  });

  it('offers the script selected for a manual copy when no way of copying works', async () => {
    const cp = await openConsole(harness());
    try {
      await cp.page.context().addInitScript(() => {
        Object.defineProperty(Navigator.prototype, 'clipboard', { get: () => undefined });
        document.execCommand = () => false;
      });
      await cp.page.reload();
      await cp.page.waitForSelector('html[data-ready=true]');
      const bot = await ask(cp.page, '新认定的自治区级孵化器给多少钱？');
      await bot.getByRole('button', { name: /复制答案/ }).click();
      const manual = cp.page.getByRole('textbox', { name: '答案文本（请手动复制）' });
      await manual.waitFor();
      expect(await manual.inputValue()).toContain(`来源：《${DOC}》${REF_14}`);
      expect(await manual.evaluate((el: HTMLTextAreaElement) => el === document.activeElement && el.selectionEnd - el.selectionStart === el.value.length)).toBe(true);
      expect(cp.problems).toEqual([]);
    } finally {
      await cp.close();
    }
  });

  it('shows questions and answers as text, never as markup', async () => {
    await withPage({}, async (page) => {
      const question = '<img src=x onerror="window.pwned=1">独角兽<b>有</b>什么奖励';
      await ask(page, question);
      expect(await page.locator('.msg.user').first().textContent()).toBe(`问：${question}`);
      expect(await page.locator('#chat-log img, #chat-log b').count()).toBe(0);
      expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
    });
  });

  it('browses chapters and clauses: full text, facts table, lead and support departments', async () => {
    await withPage({}, async (page) => {
      await openTab(page, '条款');
      const nav = page.getByRole('navigation', { name: '章节与条款' });
      expect(await nav.locator('h3').first().textContent()).toBe('一、总体要求');
      await nav.getByRole('button', { name: REF_22 }).click();
      const detail = page.locator('#clause-detail');
      await detail.getByRole('heading', { name: REF_22 }).waitFor();
      expect(await detail.locator('.clause-text').textContent()).toContain('坚持“布局集中、产业集聚、用地集约”的原则');
      const facts = await detail.locator('table.facts tbody tr').allTextContents();
      expect(facts.some((r) => r.includes('7%') && r.includes('行政办公及生活服务设施的用地比例') && r.includes('上限'))).toBe(true);
      expect(facts.some((r) => r.includes('15%'))).toBe(true);
      expect(await detail.locator('.depts li.lead').allTextContents()).toEqual(['自治区自然资源厅']);
      expect(await detail.locator('.depts li.support').allTextContents()).toContain('自治区住房城乡建设厅');
      expect(await nav.getByRole('button', { name: REF_22 }).getAttribute('aria-current')).toBe('true');
    });
  });

  it('department view: who leads which clause, filterable by department or topic', async () => {
    await withPage({}, async (page) => {
      await openTab(page, '部门');
      const card = page.getByRole('article', { name: '自治区自然资源厅' });
      await card.waitFor();
      await card.getByRole('list', { name: '牵头的条款' }).getByRole('link', { name: REF_22 }).waitFor();
      const all = await page.locator('.dept-card').count();
      expect(all).toBeGreaterThan(10);

      await page.getByLabel(/按部门/).fill('土地');
      await page.locator('#dept-count').filter({ hasText: '找到' }).waitFor();
      const visible = await page.locator('.dept-card:visible').count();
      expect(visible).toBeGreaterThan(0);
      expect(visible).toBeLessThan(all);
      await card.locator('li.match').first().waitFor();
      // The department that leads the matching clause comes first: that is where the caller goes.
      expect(await page.locator('.dept-card:visible h3').first().textContent()).toBe('自治区自然资源厅');

      await card.getByRole('link', { name: REF_22 }).click();
      await page.getByRole('dialog', { name: REF_22 }).locator('.clause').waitFor();
    });
  });

  it('funding overview: every amount, sortable by amount and by clause, printable', async () => {
    const expected = (await (await fetch(`${harness().baseUrl}/api/facts?type=amount`)).json()) as { display: string }[];
    await withPage({}, async (page) => {
      await openTab(page, '资金一览');
      const rows = page.locator('#funding-table tbody tr');
      await rows.first().waitFor();
      expect(await rows.count()).toBe(expected.length);
      const amounts = () => rows.locator('td:first-child .amt').allTextContents();
      const clauses = async () => (await rows.evaluateAll((trs) => trs.map((tr) => Number(tr.getAttribute('data-clause')))));
      const money = (list: string[]) => list.filter((a) => a.includes('万')).map((a) => parseFloat(a));
      const sorted = (xs: number[], dir: number) => xs.every((x, i) => i === 0 || dir * (x - xs[i - 1]) >= 0);

      expect((await amounts()).filter((a) => a === '1000万元').length).toBeGreaterThanOrEqual(3);
      expect(await amounts()).toEqual(expect.arrayContaining(['7%', '1:1', '50万元', '300万元']));
      expect(sorted(await clauses(), 1)).toBe(true);
      expect(await rows.first().textContent()).toContain('自治区科技厅');

      const byAmount = page.getByRole('button', { name: '按金额排序' });
      await byAmount.click();
      expect(await page.locator('th[data-key=amount]').getAttribute('aria-sort')).toBe('descending');
      expect((await amounts())[0]).toBe('1000万元');
      expect(sorted(money(await amounts()), -1)).toBe(true);
      await byAmount.click();
      expect(await page.locator('th[data-key=amount]').getAttribute('aria-sort')).toBe('ascending');
      expect(sorted(money(await amounts()), 1)).toBe(true);
      expect((await amounts())[0]).toBe('50万元');

      const byClause = page.getByRole('button', { name: '按条款排序' });
      await byClause.click();
      expect(await page.locator('th[data-key=clause]').getAttribute('aria-sort')).toBe('ascending');
      expect(await page.locator('th[data-key=amount]').getAttribute('aria-sort')).toBe('none');
      expect(sorted(await clauses(), 1)).toBe(true);
      await byClause.click();
      expect(sorted(await clauses(), -1)).toBe(true);
      expect((await clauses())[0]).toBe(27);

      await page.emulateMedia({ media: 'print' });
      expect(await page.getByRole('tablist').isVisible()).toBe(false);
      expect(await page.getByRole('button', { name: '打印资金一览' }).isVisible()).toBe(false);
      expect(await page.locator('#funding-table table').isVisible()).toBe(true);
      expect(await page.locator('#panel-funding .print-only').textContent()).toContain(`《${DOC}》资金一览`);
      mkdirSync(OUT_DIR, { recursive: true });
      await page.pdf({ path: join(OUT_DIR, 'funding-print.pdf'), format: 'A4' });
    });
  });

  it('search highlights the matches (独角兽 in clause 15)', async () => {
    await withPage({}, async (page) => {
      await openTab(page, '搜索');
      await page.getByLabel('搜索条款原文').fill('独角兽');
      await page.getByLabel('搜索条款原文').press('Enter');
      const hit = page.locator('.hit[data-clause="15"]').first();
      await hit.waitFor();
      expect(await hit.locator('mark').first().textContent()).toBe('独角兽');
      expect(await page.locator('.hit').first().getAttribute('data-clause')).toBe('15');
      expect(await page.locator('.hit:not(:has(mark))').count()).toBe(0);
      await hit.getByRole('link', { name: /（十五）/ }).click();
      await page.getByRole('dialog', { name: '（十五）「培育高新区创新企业群」' }).locator('.clause').waitFor();
    });
  });

  it('fits a 375 px phone: no horizontal overflow in any view or in the clause dialog', async () => {
    await withPage({ viewport: { width: 375, height: 740 }, isMobile: true, hasTouch: true }, async (page) => {
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      // The longest kind of answer: 24 clause references in a row, each a link.
      const long = await ask(page, '自治区科技厅牵头和配合哪些？');
      expect(await long.getByRole('link', { name: /^（.+）「/ }).count()).toBeGreaterThan(20);
      await expectNoOverflow(page, 'chat', 375);
      await page.locator('.msg.bot a.cite').first().click();
      await page.locator('#clause-dialog .clause').waitFor();
      await expectNoOverflow(page, 'clause dialog', 375);
      const box = await page.locator('#clause-dialog').boundingBox();
      expect(box!.x + box!.width).toBeLessThanOrEqual(375);
      await page.keyboard.press('Escape');

      for (const [tab, selector] of Object.entries({ ...READY, 搜索: '#search-q' })) {
        await openTab(page, tab);
        await page.locator(selector).first().waitFor();
        await expectNoOverflow(page, tab, 375);
      }
      await page.getByLabel('搜索条款原文').fill('独角兽');
      await page.getByLabel('搜索条款原文').press('Enter');
      await page.locator('.hit').first().waitFor();
      await expectNoOverflow(page, 'search results', 375);
    });
  });

  it('is usable at 1366×768 without horizontal scrolling and renders Chinese with a CJK font', async () => {
    await withPage({}, async (page) => {
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      await expectNoOverflow(page, 'chat', 1366);
      for (const [tab, selector] of Object.entries(READY)) {
        await openTab(page, tab);
        await page.locator(selector).first().waitFor();
        await expectNoOverflow(page, tab, 1366);
      }
      // Which font actually drew the heading's glyphs (a missing CJK font shows up as boxes, not as an error).
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('DOM.enable');
      await cdp.send('CSS.enable');
      const { root } = await cdp.send('DOM.getDocument');
      const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: root.nodeId, selector: 'h1' });
      const { fonts } = await cdp.send('CSS.getPlatformFontsForNode', { nodeId });
      expect(fonts.map((f) => f.familyName).join(', ')).toMatch(/WenQuanYi|CJK|Han Sans|YaHei|PingFang|Hiragino/i);
    });
  });

  it('has tabs with roles and keyboard navigation, and a name on every control', async () => {
    await withPage({}, async (page) => {
      const tabs = page.getByRole('tab');
      expect(await tabs.allTextContents()).toEqual(['问答', '条款', '资金一览', '部门', '搜索', '政策匹配', '文件']);
      await page.getByRole('tab', { name: '问答' }).focus();
      await page.keyboard.press('ArrowRight');
      expect(await page.getByRole('tab', { name: '条款' }).getAttribute('aria-selected')).toBe('true');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-clauses');
      expect(await page.getByRole('tabpanel', { name: '条款' }).isVisible()).toBe(true);
      await page.keyboard.press('End');
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('tab-files');
      await page.keyboard.press('Home');
      expect(await page.getByRole('tab', { name: '问答' }).getAttribute('aria-selected')).toBe('true');
      expect(page.url()).toMatch(/#chat$/);

      // Open every view so their controls exist, then check each control's accessible name.
      await ask(page, '新认定的自治区级孵化器给多少钱？');
      for (const [tab, selector] of Object.entries(READY)) {
        await openTab(page, tab);
        await page.locator(selector).first().waitFor();
      }
      const unnamed = await page.evaluate(() =>
        [...document.querySelectorAll('a, button, input, textarea, select, [role=tab]')]
          .filter((el) => {
            const labelled = el.getAttribute('aria-labelledby');
            const name = el.getAttribute('aria-label') || (labelled && document.getElementById(labelled)?.textContent)
              || [...((el as HTMLInputElement).labels ?? [])].map((l) => l.textContent).join('') || el.textContent;
            return !name?.trim();
          })
          .map((el) => el.outerHTML.slice(0, 80)),
      );
      expect(unnamed).toEqual([]);
    });
  });

  it('opens the view or the clause named in the URL hash (bookmarks, shared clause links)', async () => {
    await withPage({ hash: 'funding' }, async (page) => {
      expect(await page.getByRole('tab', { name: '资金一览' }).getAttribute('aria-selected')).toBe('true');
      const link = page.locator('#funding-table tbody tr').first().getByRole('link');
      expect(await link.getAttribute('href')).toBe('#clause/guangxi-hitech-zones-2021/4');
    });
    await withPage({ hash: 'clause/guangxi-hitech-zones-2021/22' }, async (page) => {
      await page.getByRole('dialog', { name: REF_22 }).locator('.clause').waitFor();
      expect(await page.getByRole('tab', { name: '问答' }).getAttribute('aria-selected')).toBe('true');
    });
  });
});
