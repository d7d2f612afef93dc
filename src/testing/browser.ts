// Browser-test harness for the console: the real app on a loopback port and a headless Debian Chromium driven by
// playwright-core. A missing browser is an error, never a skip: CI installs it (.ci/run).
import { existsSync, mkdirSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { configFromEnv } from '../config.js';
import { PROJECT_ROOT } from '../node/loaders.js';
import { seedKnowledgeBase } from './fixtures.js';
import { createRuntime } from '../runtime.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-quic', '--disable-sync',
];

export interface ConsoleHarness {
  baseUrl: string;
  browser: Browser;
  close(): Promise<void>;
}

/**
 * Built like testApp() (seed corpus, memory sessions), but with rate limiting off: every request of a browser
 * suite comes from one loopback address, and the default burst of 30 would turn later tests into 429s.
 */
function consoleApp() {
  const kb = seedKnowledgeBase();
  const config = configFromEnv({ RATE_LIMIT_PER_MIN: '0' });
  return createRuntime({ kb, config, logError: () => {} }).app;
}

/** What the browser talks to: the seed console by default, or a suite's own app (e.g. one with a document admin). */
export type ConsoleAppFactory = () => { fetch: (req: Request) => Response | Promise<Response> } | Promise<{ fetch: (req: Request) => Response | Promise<Response> }>;

export async function startConsole(makeApp: ConsoleAppFactory = consoleApp): Promise<ConsoleHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`);
  }
  const app = await makeApp();
  const { server, port } = await new Promise<{ server: ServerType; port: number }>((resolve, reject) => {
    const s: ServerType = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => resolve({ server: s, port: info.port }));
    s.once('error', reject);
  });
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS }).catch(async (e) => {
    await new Promise((r) => server.close(r));
    throw e;
  });
  return {
    baseUrl: `http://127.0.0.1:${port}`,
    browser,
    async close() {
      await browser.close();
      await new Promise((r) => server.close(r));
    },
  };
}

export interface ConsolePage {
  page: Page;
  /** Console errors, uncaught exceptions and failed requests (CSP refusals are console errors). */
  problems: string[];
  close(): Promise<void>;
}

/**
 * A fresh context and the console loaded in it (scripts ran: html[data-ready]). prepare runs before the page loads,
 * e.g. to intercept the API with page.route.
 */
export async function openConsole(
  h: ConsoleHarness,
  opts: BrowserContextOptions & { hash?: string; prepare?: (page: Page) => Promise<unknown> } = {},
): Promise<ConsolePage> {
  const { hash, prepare, ...contextOptions } = opts;
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', ...contextOptions });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  await prepare?.(page);
  await page.goto(`${h.baseUrl}/${hash ? `#${hash}` : ''}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 10_000 });
  return { page, problems, close: () => context.close() };
}

/**
 * For an e2e file: one harness for the file's tests. A start failure (no Chromium) is rethrown by every test, so
 * each one is reported failed, not skipped.
 */
export function useConsole(makeApp?: ConsoleAppFactory): () => ConsoleHarness {
  let started: ConsoleHarness | undefined;
  let startError: unknown;
  beforeAll(async () => {
    try {
      started = await startConsole(makeApp);
    } catch (e) {
      startError = e;
    }
  });
  afterAll(async () => {
    await started?.close();
  });
  return () => {
    if (!started) throw startError;
    return started;
  };
}

export type PageOptions = Parameters<typeof openConsole>[1];

/** Run fn on a fresh page; any console error, uncaught exception, failed request or CSP refusal fails the test. */
export async function withPage(h: ConsoleHarness, opts: PageOptions, fn: (page: Page) => Promise<void>) {
  const cp = await openConsole(h, opts);
  cp.page.setDefaultTimeout(15_000);
  try {
    await fn(cp.page);
    expect(cp.problems).toEqual([]);
  } finally {
    await cp.close();
  }
}

/** Reload once the page's requests are over (a reload aborts those still running, which counts as a problem). */
export async function reloadConsole(page: Page) {
  await page.waitForLoadState('networkidle');
  await page.reload();
  await page.waitForSelector('html[data-ready=true]');
}

/** Ask through the form; resolves to the finished answer bubble. */
export async function ask(page: Page, question: string): Promise<Locator> {
  const n = await page.locator('.msg.bot').count();
  await page.getByLabel('来电人的问题').fill(question);
  await page.getByLabel('来电人的问题').press('Enter');
  return answerAt(page, n);
}

/** The n-th answer bubble once its request is over (while it runs the bubble holds a plain .note). */
export async function answerAt(page: Page, n: number): Promise<Locator> {
  const bot = page.locator('.msg.bot').nth(n);
  await bot.locator('.answer, .note.error').first().waitFor();
  return bot;
}

export async function openTab(page: Page, name: string) {
  await page.getByRole('tab', { name }).click();
  await page.locator('[role=tabpanel]:not([hidden])').waitFor();
}

/** Where the console tests leave screenshots and PDFs (gitignored): look at them. */
export const OUT_DIR = join(PROJECT_ROOT, 'eval', 'out');

export async function screenshot(page: Page, name: string) {
  mkdirSync(OUT_DIR, { recursive: true });
  await page.screenshot({ path: join(OUT_DIR, name) });
}

/**
 * What a person would call broken layout, measured in the page: any element reaching past the viewport's left or
 * right edge (outside an ancestor that scrolls or clips it), and any text squeezed below 2 characters per line.
 */
export function layoutProblems(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    const width = document.documentElement.clientWidth;
    const describe = (el: Element) => {
      const id = el.id ? `#${el.id}` : '';
      const cls = typeof el.className === 'string' && el.className ? `.${el.className.trim().split(/\s+/).join('.')}` : '';
      return `${el.tagName.toLowerCase()}${id}${cls} “${(el.textContent ?? '').trim().slice(0, 20)}”`;
    };
    const clipped = (el: Element) => {
      for (let p = el.parentElement; p && p !== document.body; p = p.parentElement) {
        if (getComputedStyle(p).overflowX !== 'visible') return true;
      }
      return false;
    };
    for (const el of document.body.querySelectorAll('*')) {
      const r = el.getBoundingClientRect();
      const s = getComputedStyle(el);
      if (r.width <= 1 || r.height <= 1 || s.visibility === 'hidden' || s.opacity === '0') continue;
      // A box that scrolls or clips sideways hides the overflow instead of widening the page: its content must fit.
      if (s.overflowX !== 'visible' && !/^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName) && el.scrollWidth > el.clientWidth + 1) {
        out.push(`content ${el.scrollWidth}px wide in a ${el.clientWidth}px box: ${describe(el)}`);
      }
      if (!clipped(el) && (r.right > width + 1 || r.left < -1)) out.push(`overflows the viewport (${Math.round(r.left)}…${Math.round(r.right)} of ${width}px): ${describe(el)}`);
    }
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const chars = [...(n.textContent ?? '').replace(/\s+/g, '')].length;
      if (chars < 2 || !n.parentElement || n.parentElement.closest('.sr-only, [hidden], script, style')) continue;
      const range = document.createRange();
      range.selectNodeContents(n);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0 && r.height > 0);
      const lines = new Set(rects.map((r) => Math.round(r.top))).size;
      if (lines < 2) continue;
      // Wrapping is normal; a box too narrow for two characters is not (a word running on after a highlight may
      // well put one character on a line of its own, so the box is measured, not the run).
      let box: Element = n.parentElement;
      while (box.parentElement && /^(inline|contents)$/.test(getComputedStyle(box).display)) box = box.parentElement;
      const bs = getComputedStyle(box);
      const inner = box.clientWidth - parseFloat(bs.paddingLeft) - parseFloat(bs.paddingRight);
      if (inner < 2 * parseFloat(bs.fontSize)) out.push(`${chars} characters on ${lines} lines in a ${Math.round(inner)}px box: ${describe(box)}`);
    }
    return out;
  });
}

/** True when the element's centre is on screen and not hidden under a sticky bar or overlay. */
export function inView(locator: Locator): Promise<boolean> {
  return locator.evaluate((el) => {
    const r = el.getBoundingClientRect();
    const x = r.left + Math.min(r.width / 2, 40);
    const y = r.top + r.height / 2;
    if (r.height === 0 || y < 0 || y > window.innerHeight || x < 0 || x > window.innerWidth) return false;
    const top = document.elementFromPoint(x, y);
    return !!top && (el === top || el.contains(top));
  });
}
