// Session continuity (issue 18): a reload keeps the conversation (sessionStorage), and a session the server no
// longer knows is said in one line before a new conversation starts, instead of a silent clarify answer.
import type { Page, Request } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, reloadConsole as reload, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();
const EXPIRED_LINE = '之前的对话已过期，请重新说明问题。';

function askBodies(page: Page): { question: string; sessionId?: string }[] {
  const bodies: { question: string; sessionId?: string }[] = [];
  page.on('request', (r: Request) => { if (r.url().endsWith('/api/ask')) bodies.push(r.postDataJSON()); });
  return bodies;
}

describe('session continuity (Chromium)', { timeout: 90_000 }, () => {
  it('keeps the session and the conversation across a reload, and 新对话 forgets both', async () => {
    await withPage(harness(), {}, async (page) => {
      const bodies = askBodies(page);
      const first = await ask(page, '国家级孵化器新认定给多少？');
      expect(await first.locator('.amt').allTextContents()).toContain('100万元');
      await reload(page);

      // What was said is still on screen, and the follow-up resolves against it.
      expect(await page.locator('.msg.user').allTextContents()).toEqual(['问：国家级孵化器新认定给多少？']);
      expect(await page.locator('.msg.bot .amt').allTextContents()).toContain('100万元');
      const follow = await ask(page, '那自治区级的呢？');
      expect(await follow.locator('.amt').allTextContents()).toContain('50万元');
      expect(bodies[1].sessionId).toBeTruthy();
      expect(bodies[1].sessionId).toBe(await page.evaluate(() => JSON.parse(sessionStorage.getItem('policy-qa.session') ?? '{}').sessionId));

      await page.getByRole('button', { name: /新对话/ }).click();
      await reload(page);
      expect(await page.locator('.msg').count()).toBe(0);
      await ask(page, '独角兽企业有什么奖励？');
      expect(bodies[2].sessionId).toBeUndefined();
    });
  });

  it('says in one line that the old conversation expired, and continues in the new session', async () => {
    await withPage(harness(), {}, async (page) => {
      const bodies = askBodies(page);
      await ask(page, '国家级孵化器新认定给多少？');
      const oldSession = await page.evaluate(() => JSON.parse(sessionStorage.getItem('policy-qa.session') ?? '{}').sessionId);

      // The server restarted: it no longer knows the session, answers in a new one and says so (the API contract).
      // The new session is a real one, so the conversation can go on after the simulated answer.
      const fresh = (await (await page.request.post(new URL('/api/ask', page.url()).href, { data: { question: '你好' } })).json()).sessionId;
      await page.route('**/api/ask', (route) => route.fulfill({
        json: {
          answer: `${EXPIRED_LINE}\n您想问哪一类支持的金额？例如：国家高新区、自治区级高新区。\n您可以这样问：新认定的自治区级孵化器给多少钱？`,
          intent: 'clarify', citations: [], facts: [], sessionId: fresh, notice: 'session_expired',
        },
      }));
      const bot = await ask(page, '那自治区级的呢？');
      expect(bodies[1].sessionId).toBe(oldSession);

      const notice = page.locator('#chat-log .notice');
      expect(await notice.count()).toBe(1);
      expect(await notice.textContent()).toContain('已过期');
      expect(await notice.getAttribute('role')).toBe('status');
      const { height, line } = await notice.evaluate((el) => ({ height: el.getBoundingClientRect().height, line: parseFloat(getComputedStyle(el).lineHeight) }));
      expect(height).toBeLessThan(line * 1.8);
      // The notice sits between the old conversation (greyed, kept for reference) and the new one.
      expect(await page.locator('.turn.expired').count()).toBe(1);
      expect(await page.locator('.turn:not(.expired)').count()).toBe(1);
      expect(await bot.textContent()).not.toContain(EXPIRED_LINE);
      expect(await page.evaluate(() => JSON.parse(sessionStorage.getItem('policy-qa.session') ?? '{}').sessionId)).toBe(fresh);

      await page.unroute('**/api/ask');
      await ask(page, '独角兽企业有什么奖励？');
      expect(bodies[2].sessionId).toBe(fresh);

      // A reload shows the new conversation only.
      await reload(page);
      expect(await page.locator('.msg.user').allTextContents()).toEqual(['问：那自治区级的呢？', '问：独角兽企业有什么奖励？']);
    });
  });
});
