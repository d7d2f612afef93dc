// The 政策匹配 view (issue 16) in Chromium over the seed: a caller's words get the items that apply, each with its
// amount, condition and clause (one click to the text); the tempting ones appear only on request, with the reason;
// the short form (type, level, figures) works without free text; a profile with nothing to match says so; the
// printout carries the caller's situation and the table, without the form; and the view fits a phone.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { layoutProblems, OUT_DIR, openTab, screenshot, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

describe('政策匹配 view (Chromium)', { timeout: 90_000 }, () => {
  it('matches a described incubator, opens the clause, lists the not-eligible on request, and prints', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '政策匹配');
      await page.getByLabel('单位情况（按来电人原话）').fill('我们是南宁的孵化器，前几年是自治区级的，今年刚被认定为国家级科技企业孵化器');
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      const rows = page.locator('#match-result tbody tr');
      await rows.first().waitFor();
      const first = rows.first();
      expect(await first.locator('td[data-label=结论]').innerText()).toBe('符合');
      expect(await first.locator('td[data-label=金额]').innerText()).toContain('100万元');
      expect(await first.locator('td[data-label=牵头部门]').innerText()).toBe('自治区发展改革委');
      expect(await page.locator('#match-count').innerText()).toMatch(/^符合 1 项/);
      expect(await page.locator('#match-result').innerText()).toContain('本政策未写明各项能否同时享受');
      expect(await page.locator('tr[data-status=not-eligible]').count()).toBe(0);

      await first.getByRole('link', { name: '（十四）' }).click();
      const dialog = page.locator('#clause-dialog');
      await dialog.waitFor();
      expect(await dialog.innerText()).toContain('新认定为国家级和自治区级科技企业孵化器');
      await page.keyboard.press('Escape');

      await page.getByLabel('同时列出不符合的项目及原因').check();
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      const not = page.locator('tr[data-status=not-eligible]');
      await not.first().waitFor();
      expect(await page.locator('tr[data-status=not-eligible] td[data-label=条件]').allInnerTexts()).toContainEqual(expect.stringContaining('国家级'));

      await page.emulateMedia({ media: 'print' });
      expect(await page.locator('#match-form').isVisible()).toBe(false);
      expect(await page.locator('#match-result table').isVisible()).toBe(true);
      expect(await page.locator('#panel-match .print-only').innerText()).toContain('今年刚被认定为国家级科技企业孵化器');
      mkdirSync(OUT_DIR, { recursive: true });
      await page.pdf({ path: join(OUT_DIR, 'match-print.pdf'), format: 'A4' });
    });
  });

  it('works from the short form alone (type, level, figures) and shows the computation', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '政策匹配');
      await page.getByLabel('单位类型').fill('国家高新区');
      await page.getByLabel('级别').selectOption('国家级');
      await page.getByLabel('数字').fill('全国排名从第50升到第38');
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      const row = page.locator('#match-result tbody tr').first();
      await row.waitFor();
      expect(await row.locator('td[data-label=金额]').innerText()).toContain('800万元');
      expect(await row.locator('td[data-label=条款]').innerText()).toContain('（二十七）');

      await page.getByLabel('单位类型').fill('');
      await page.getByLabel('级别').selectOption('');
      await page.getByLabel('数字').fill('');
      await page.getByLabel('单位情况（按来电人原话）').fill('我司在柳州高新区，承担了国家科技重大专项课题，国家支持资金1500万元');
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      await page.locator('#match-result .computation').first().waitFor();
      expect(await page.locator('#match-result .computation').first().innerText()).toContain('min(1500万元, 1000万元) = 1000万元');
    });
  });

  it('says so when nothing applies, and asks for a description when the form is empty', async () => {
    await withPage(harness(), {}, async (page) => {
      await openTab(page, '政策匹配');
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      await page.locator('#match-result .note.error').waitFor();
      await page.getByLabel('单位情况（按来电人原话）').fill('我们是一家外卖平台，想申请新能源汽车购置补贴');
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      await expect.poll(() => page.locator('#match-result').innerText()).toContain('未找到适用的奖补项目');
    });
  });

  it('fits a phone', async () => {
    await withPage(harness(), { viewport: { width: 390, height: 844 } }, async (page) => {
      await openTab(page, '政策匹配');
      await page.getByLabel('单位情况（按来电人原话）').fill('我们是国家高新区，今年全国排名从第50升到第38，同年还获批了国家科技成果转移转化示范区，能拿哪些？');
      await page.getByRole('button', { name: '匹配', exact: true }).click();
      await page.locator('#match-result tbody tr').first().waitFor();
      expect(await layoutProblems(page)).toEqual([]);
      await screenshot(page, 'match-phone.png');
    });
  });
});
