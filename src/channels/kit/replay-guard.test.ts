import { describe, expect, it } from 'vitest';
import { createReplayGuard } from './replay-guard.js';

describe('createReplayGuard', () => {
  it('admits a signed URL once per body: a retry with the same body passes, another body does not', async () => {
    const guard = createReplayGuard();
    expect(await guard.admit('sig=a&timestamp=1&nonce=2', '<xml>1</xml>')).toBe(true);
    expect(await guard.admit('sig=a&timestamp=1&nonce=2', '<xml>1</xml>')).toBe(true);
    expect(await guard.admit('sig=a&timestamp=1&nonce=2', '<xml>forged</xml>')).toBe(false);
    expect(await guard.admit('sig=b&timestamp=1&nonce=3', '<xml>forged</xml>')).toBe(true);
  });

  it('forgets a URL after the window, and stays bounded', async () => {
    let t = 0;
    const guard = createReplayGuard({ windowMs: 1000, maxKeys: 3, now: () => t });
    await guard.admit('u', 'b1');
    t = 999;
    expect(await guard.admit('u', 'b2')).toBe(false);
    t = 1000;
    expect(await guard.admit('u', 'b2')).toBe(true);
    for (const u of ['v', 'w', 'x', 'y']) await guard.admit(u, 'b');
    expect(guard.size()).toBe(3);
  });
});
