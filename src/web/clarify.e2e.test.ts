// A clarify answer (issue 18) is a question back, not an answer: its example topics and questions are chips that
// ask, in the same conversation, and there is nothing to copy to a ticket.
import { describe, expect, it } from 'vitest';
import { answerAt, ask, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

describe('clarify answers (Chromium)', { timeout: 90_000 }, () => {
  it('offers the topics as chips that ask the follow-up, and no 复制答案', async () => {
    await withPage(harness(), {}, async (page) => {
      const asks: { question: string; sessionId?: string }[] = [];
      const sessions: string[] = [];
      page.on('request', (r) => { if (r.url().endsWith('/api/ask')) asks.push(r.postDataJSON()); });
      page.on('response', async (r) => { if (r.url().endsWith('/api/ask')) sessions.push((await r.json()).sessionId); });
      const bot = await ask(page, '给多少钱');
      expect(await bot.getAttribute('data-intent')).toBe('clarify');
      expect(await bot.getByRole('button', { name: /复制答案/ }).count()).toBe(0);
      expect(await bot.locator('.answer').textContent()).toContain('您想问哪一类支持的金额？');

      const topics = bot.getByRole('group', { name: '可以这样问' }).getByRole('button');
      expect(await topics.allTextContents()).toEqual(expect.arrayContaining(['国家重点实验室', '新型研发机构', '新认定的自治区级孵化器给多少钱？']));
      await bot.getByRole('button', { name: '国家重点实验室' }).click();
      const next = await answerAt(page, 1);
      expect(await page.locator('.msg.user').nth(1).textContent()).toBe('问：国家重点实验室');
      // Asked as a follow-up in the same session, so it resolves as the amount question it refines.
      expect(asks[1]).toEqual({ question: '国家重点实验室', sessionId: sessions[0] });
      expect(await next.locator('.amt').allTextContents()).toContain('1000万元');
      expect(await next.getByRole('button', { name: /复制答案/ }).count()).toBe(1);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
    });
  });

  it('makes the example questions of a greeting and an out-of-scope answer clickable too', async () => {
    await withPage(harness(), {}, async (page) => {
      const hello = await ask(page, '你好');
      expect(await hello.getByRole('button', { name: /复制答案/ }).count()).toBe(0);
      await hello.getByRole('button', { name: '土地这块归谁管？' }).click();
      const land = await answerAt(page, 1);
      expect(await land.locator('.transfer-to').textContent()).toBe('自治区自然资源厅');

      const away = await ask(page, '深圳高新区有什么补贴');
      expect(await away.getAttribute('data-intent')).toBe('out_of_scope');
      expect(await away.getByRole('button', { name: '第十五条讲了什么？' }).count()).toBe(1);
      // An out-of-scope reply is still something an operator may read out or note down.
      expect(await away.getByRole('button', { name: /复制答案/ }).count()).toBe(1);
    });
  });
});
