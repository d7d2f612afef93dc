// The clause drawer on a phone (issue 18): the facts table becomes cards, and its caption 本条数据 stood one
// character per line.
import { describe, expect, it } from 'vitest';
import { useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

describe('clause drawer at phone width (Chromium)', { timeout: 90_000 }, () => {
  it('keeps the caption 本条数据 on one line', async () => {
    await withPage(harness(), { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, hash: 'clause/guangxi-hitech-zones-2021/14' }, async (page) => {
      const caption = page.locator('#clause-dialog table.facts caption');
      await caption.waitFor();
      // Lines the caption's text takes, from its line boxes (padding aside).
      const lines = await caption.evaluate((el) => {
        const range = document.createRange();
        range.selectNodeContents(el);
        return new Set([...range.getClientRects()].map((r) => Math.round(r.top))).size;
      });
      expect(lines).toBe(1);
      expect(await caption.textContent()).toBe('本条数据');
    });
  });
});
