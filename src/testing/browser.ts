// Browser-test harness for the console: the real app on a loopback port and a headless Debian Chromium driven by
// playwright-core. A missing browser is an error, never a skip: CI installs it (.ci/run).
import { existsSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { serve, type ServerType } from '@hono/node-server';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';
import { configFromEnv } from '../config.js';
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

export async function startConsole(): Promise<ConsoleHarness> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium fonts-wqy-microhei (or set CHROMIUM_PATH)`);
  }
  const app = consoleApp();
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

/** A fresh context and the console loaded in it (scripts ran: html[data-ready]). */
export async function openConsole(h: ConsoleHarness, opts: BrowserContextOptions & { hash?: string } = {}): Promise<ConsolePage> {
  const { hash, ...contextOptions } = opts;
  const context = await h.browser.newContext({ viewport: { width: 1366, height: 768 }, locale: 'zh-CN', ...contextOptions });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('requestfailed', (r) => problems.push(`requestfailed: ${r.url()} ${r.failure()?.errorText}`));
  await page.goto(`${h.baseUrl}/${hash ? `#${hash}` : ''}`);
  await page.waitForSelector('html[data-ready=true]', { timeout: 10_000 });
  return { page, problems, close: () => context.close() };
}
