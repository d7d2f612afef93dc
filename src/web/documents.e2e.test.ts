// Many documents (issue 18): a picker scopes questions, the clause browser and 资金一览 to one document; every answer
// names its document by its short title; an expired or repealed document is marked wherever it appears.
// The library holds one document today, so the server of the multi-document contract is simulated: the real app
// answers for the real document, and a second, expired document is added to its responses by request interception.
import type { Page, Route } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { ask, layoutProblems, openTab, reloadConsole, screenshot, useConsole, withPage } from '../testing/browser.js';

const harness = useConsole();

const REAL = 'guangxi-hitech-zones-2021';
const OLD = 'guangxi-hitech-old-2018';
const OLD_TITLE = '关于加快高新技术产业开发区发展的若干政策';
const DOCUMENTS = [
  { docId: REAL, title: '关于促进高新技术产业开发区高质量发展的若干措施', shortTitle: '高新区高质量发展若干措施', region: '广西', status: 'active', clauses: 27 },
  {
    docId: OLD, title: OLD_TITLE, shortTitle: '高新区发展若干政策（2018）', docNumber: '桂政办发〔2018〕1号', region: '广西',
    status: 'expired', statusNote: '有效期至2020年12月31日', validUntil: '2020-12-31', clauses: 2,
  },
];
const OLD_CLAUSES = [
  { docId: OLD, number: 1, label: '（一）', chapter: '一、支持措施', title: '支持孵化载体建设', lead: ['自治区科技厅'], support: ['自治区财政厅'] },
  { docId: OLD, number: 2, label: '（二）', chapter: '一、支持措施', title: '支持企业上市', lead: ['自治区地方金融监管局'], support: [] },
];
const OLD_SENTENCE = '对新认定的自治区级科技企业孵化器,给予200万元补助。';
const OLD_FACT = {
  id: `${OLD}#1#1`, type: 'amount', docId: OLD, clause: 1, label: '（一）', subject: '新认定的自治区级科技企业孵化器', sentence: OLD_SENTENCE,
  display: '200万元', kind: 'money', value: 200, unit: '万元', qualifiers: [], form: '补助', lead: ['自治区科技厅'],
};
const OLD_DETAIL = {
  ...OLD_CLAUSES[0], docTitle: OLD_TITLE, text: OLD_SENTENCE, sentences: [OLD_SENTENCE], deptNote: '自治区科技厅牵头,自治区财政厅配合',
  departments: { lead: [{ written: '自治区科技厅', key: '自治区科技厅', name: '自治区科技厅' }], support: [{ written: '自治区财政厅', key: '自治区财政厅', name: '自治区财政厅' }] },
  facts: [OLD_FACT],
};
const OLD_ANSWER = {
  answer: `新认定的自治区级科技企业孵化器：200万元补助。\n来源：《${OLD_TITLE}》（一）「支持孵化载体建设」\n牵头：自治区科技厅；配合：自治区财政厅`,
  intent: 'amount',
  citations: [{ docId: OLD, docTitle: OLD_TITLE, clause: '一', number: 1, title: '支持孵化载体建设', quote: OLD_SENTENCE }],
  facts: [OLD_FACT],
  departments: { lead: ['自治区科技厅'], support: ['自治区财政厅'] },
  sessionId: 'old-doc-session',
};

interface Seen { asks: { question: string; docId?: string }[]; lists: string[] }

const noted = (): Seen => ({ asks: [], lists: [] });

/**
 * The multi-document server: the real app's answers plus the expired document, honouring ?docId= and docId. What
 * the console asked for goes into seen.
 */
async function twoDocuments(page: Page, seen: Seen) {
  const scoped = (route: Route) => new URL(route.request().url()).searchParams.get('docId');
  const real = async (route: Route) => (await route.fetch()).json();
  await page.route('**/api/documents', (route) => route.fulfill({ json: DOCUMENTS }));
  await page.route(/\/api\/clauses(\?.*)?$/, async (route) => {
    seen.lists.push(route.request().url());
    const all = [...(await real(route)), ...OLD_CLAUSES];
    const docId = scoped(route);
    await route.fulfill({ json: docId ? all.filter((c) => c.docId === docId) : all });
  });
  await page.route(`**/api/clauses/${OLD}/1`, (route) => route.fulfill({ json: OLD_DETAIL }));
  await page.route(/\/api\/facts(\?.*)?$/, async (route) => {
    seen.lists.push(route.request().url());
    const all = [...(await real(route)), OLD_FACT];
    const docId = scoped(route);
    await route.fulfill({ json: docId ? all.filter((f) => f.docId === docId) : all });
  });
  await page.route('**/api/ask', async (route) => {
    const body = route.request().postDataJSON();
    seen.asks.push(body);
    if (body.docId === OLD) return route.fulfill({ json: OLD_ANSWER });
    // The app of today takes no docId yet: scoping to the real document is the same as no scope for it.
    const { docId: _scope, ...rest } = body;
    await route.fulfill({ response: await route.fetch({ postData: JSON.stringify(rest) }) });
  });
}

const picker = (page: Page) => page.getByLabel('文件范围');

describe('many documents (Chromium)', { timeout: 90_000 }, () => {
  it('offers all documents or one, the expired one marked', async () => {
    await withPage(harness(), { prepare: (page) => twoDocuments(page, noted()) }, async (page) => {
      expect(await picker(page).isVisible()).toBe(true);
      expect(await picker(page).locator('option').allTextContents()).toEqual(['全部文件（2）', '高新区高质量发展若干措施', '高新区发展若干政策（2018）（已失效）']);
      expect(await picker(page).inputValue()).toBe('');
    });
  });

  it('scopes a question to the chosen document and names the document of every answer, marking the expired one', async () => {
    const seen = noted();
    await withPage(harness(), { prepare: (page) => twoDocuments(page, seen) }, async (page) => {

      const current = await ask(page, '新认定的自治区级孵化器给多少钱？');
      expect(seen.asks[0].docId).toBeUndefined();
      expect(await current.locator('.doc-tag').allTextContents()).toEqual(['高新区高质量发展若干措施']);
      expect(await current.locator('.doc-warning').count()).toBe(0);

      await picker(page).selectOption(OLD);
      expect(await page.evaluate(() => document.activeElement?.id)).toBe('question');
      const old = await ask(page, '孵化器给多少钱？');
      expect(seen.asks[1].docId).toBe(OLD);
      expect(await old.locator('.doc-tag').textContent()).toContain('高新区发展若干政策（2018）');
      expect(await old.locator('.doc-tag .doc-status').textContent()).toBe('已失效');
      // Before the operator reads a figure out: the document no longer applies.
      const warning = old.locator('.doc-warning');
      expect(await warning.textContent()).toContain('已失效');
      expect(await warning.textContent()).toContain('有效期至2020年12月31日');
      const [warnBox, textBox] = await Promise.all([warning.boundingBox(), old.locator('.answer').boundingBox()]);
      expect(warnBox!.y).toBeLessThan(textBox!.y);

      // The drawer of an expired clause says so too.
      await old.locator('a.cite').first().click();
      const dialog = page.locator('#clause-dialog');
      await dialog.locator('.clause').waitFor();
      expect(await dialog.locator('.meta .doc-status').textContent()).toBe('已失效');
      await page.keyboard.press('Escape');

      // The scope survives a reload, like the conversation.
      await reloadConsole(page);
      expect(await picker(page).inputValue()).toBe(OLD);
    });
  });

  it('scopes the clause browser, each document headed by its short title', async () => {
    const seen = noted();
    await withPage(harness(), { prepare: (page) => twoDocuments(page, seen) }, async (page) => {
      await openTab(page, '条款');
      const nav = page.getByRole('navigation', { name: '章节与条款' });
      await nav.locator('.doc-head').nth(1).waitFor();
      expect(await nav.locator('.doc-head').allTextContents()).toEqual(['高新区高质量发展若干措施', '高新区发展若干政策（2018）已失效']);
      expect(await nav.locator('button.nav-item').count()).toBe(29);

      await picker(page).selectOption(OLD);
      await page.waitForFunction(() => document.querySelectorAll('#clause-nav button.nav-item').length === 2);
      expect(await nav.locator('button.nav-item').allTextContents()).toEqual(['（一）「支持孵化载体建设」', '（二）「支持企业上市」']);
      expect(seen.lists.some((u) => u.includes(`/api/clauses?docId=${OLD}`))).toBe(true);
      await page.locator('#clause-detail .clause').waitFor();
      expect(await page.locator('#clause-detail .meta .doc-status').textContent()).toBe('已失效');
    });
  });

  it('scopes 资金一览 and marks the rows of the expired document', async () => {
    const seen = noted();
    await withPage(harness(), { prepare: (page) => twoDocuments(page, seen) }, async (page) => {
      await openTab(page, '资金一览');
      const rows = page.locator('#funding-table tbody tr');
      await rows.first().waitFor();
      const all = await rows.count();
      const oldRow = rows.filter({ hasText: '200万元' });
      expect(await oldRow.locator('.doc-status').textContent()).toBe('已失效');
      expect(await oldRow.locator('.doc-tag').textContent()).toContain('高新区发展若干政策（2018）');

      await picker(page).selectOption(REAL);
      await page.waitForFunction((n) => document.querySelectorAll('#funding-table tbody tr').length === n - 1, all);
      expect(await rows.filter({ hasText: '200万元' }).count()).toBe(0);
      expect(seen.lists.some((u) => u.includes(`docId=${REAL}`) && u.includes('/api/facts'))).toBe(true);
      expect(await page.locator('#funding-count').textContent()).toContain(String(all - 1));
    });
  });

  for (const [size, opts] of [
    ['1280x800', { viewport: { width: 1280, height: 800 } }],
    ['390x844', { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true, deviceScaleFactor: 2 }],
  ] as const) {
    it(`fits the picker, the marks and the warning at ${size}`, async () => {
      await withPage(harness(), { ...opts, prepare: (page) => twoDocuments(page, noted()) }, async (page) => {
        await picker(page).selectOption(OLD);
        await ask(page, '孵化器给多少钱？');
        await screenshot(page, `console-documents-chat-${size}.png`);
        expect(await layoutProblems(page), 'chat').toEqual([]);
        await picker(page).selectOption('');
        await openTab(page, '条款');
        await page.locator('#clause-nav .doc-head').nth(1).waitFor();
        await screenshot(page, `console-documents-clauses-${size}.png`);
        expect(await layoutProblems(page), 'clauses').toEqual([]);
        await openTab(page, '资金一览');
        await page.locator('#funding-table .doc-status').first().waitFor();
        await page.locator('#funding-table .doc-status').first().scrollIntoViewIfNeeded();
        await screenshot(page, `console-documents-funding-${size}.png`);
        expect(await layoutProblems(page), 'funding').toEqual([]);
      });
    });
  }

  it('stays out of the way with one document', async () => {
    await withPage(harness(), {}, async (page) => {
      const bot = await ask(page, '新认定的自治区级孵化器给多少钱？');
      expect(await picker(page).isVisible()).toBe(false);
      // The short title the server gives names the answer's document.
      expect(await bot.locator('.doc-tag').textContent()).toBe('促进高新技术产业开发区高质量发展的若干措施');
      await openTab(page, '条款');
      await page.locator('#clause-detail .clause').waitFor();
      expect(await page.locator('#clause-nav .doc-head').count()).toBe(0);
    });
  });
});
