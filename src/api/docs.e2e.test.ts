// /docs in a real browser under the app's CSP (issue 17, defect 9): its inline <style> was refused by the
// policy, so the page rendered unstyled. Now the style is a file (/docs.css) and applies.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startConsole, type ConsoleHarness } from '../testing/browser.js';

let h: ConsoleHarness;
beforeAll(async () => {
  h = await startConsole();
});
afterAll(() => h?.close());

describe('/docs', () => {
  it('renders styled under the CSP, with no refused style or script', async () => {
    const context = await h.browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (m) => { if (m.type() === 'error') problems.push(m.text()); });
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`${h.baseUrl}/docs`);
    await page.waitForSelector('#ops .op');
    const style = await page.evaluate(() => {
      const body = getComputedStyle(document.body);
      const op = getComputedStyle(document.querySelector('#ops .op')!);
      return { maxWidth: body.maxWidth, border: op.borderTopWidth, radius: op.borderTopLeftRadius };
    });
    expect(style).toEqual({ maxWidth: '960px', border: '1px', radius: '6px' });
    expect(problems).toEqual([]);
    await context.close();
  });
});
