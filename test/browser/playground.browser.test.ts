import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Page } from 'playwright-core';
import { workspaceTemplate } from '../../sheets-templates';
import type { PlaygroundServer } from '../../playground/http-server';
import { axeViolations, collectErrors, launchBrowser, sidebarFrame, startPlayground, tabTo } from './browser';

jest.setTimeout(60_000);

let browser: Browser;
let server: PlaygroundServer;

beforeAll(async () => {
  browser = await launchBrowser();
  server = await startPlayground();
});

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

async function openPlayground(): Promise<{ page: Page; errors: string[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(server.url);
  return { page, errors };
}

describe('the local playground in Chromium', () => {
  it('sets up the workspace from the sidebar by keyboard alone, and shows every template sheet', async () => {
    server.playground.reset();
    const { page, errors } = await openPlayground();
    const sidebar = await sidebarFrame(page);
    expect(await sidebar.textContent('main')).toContain('Not set up yet.');

    await tabTo(page, sidebar, '#set-up-button');
    await page.keyboard.press('Enter');
    await sidebar.waitForSelector('#report');
    expect(await sidebar.evaluate(() => document.activeElement?.id)).toBe('report');
    expect(await sidebar.textContent('#report')).toContain('The workspace is ready');
    expect(await sidebar.textContent('main')).toContain('Phase 1 of 5: Identify one workflow');

    await page.waitForFunction(
      (count) => document.querySelectorAll('[role="tab"]').length >= count,
      workspaceTemplate.sheets.length,
    );
    const tabs = await page.$$eval('[role="tab"]', (elements) => elements.map((e) => e.textContent));
    expect(tabs).toEqual(expect.arrayContaining(workspaceTemplate.sheets.map((t) => t.name)));
    // Set-up's progress toasts showed once; a reload does not bring them back.
    await page.waitForFunction(() => (document.getElementById('toasts')?.childElementCount ?? 0) > 0);
    await page.reload();
    await sidebarFrame(page);
    await page.waitForFunction((count) => document.querySelectorAll('[role="tab"]').length >= count, 3);
    expect(await page.$eval('#toasts', (area) => area.childElementCount)).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('moves between sheet tabs with the arrow keys', async () => {
    const { page, errors } = await openPlayground();
    await sidebarFrame(page);
    await page.focus('#tab-0');
    await page.keyboard.press('ArrowRight');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe(
      workspaceTemplate.sheets[1]?.name,
    );
    expect(await page.textContent('caption')).toContain(`${workspaceTemplate.sheets[1]?.name ?? ''}:`);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 AA violations on the page or in the sidebar, before and after set-up', async () => {
    server.playground.reset();
    const { page, errors } = await openPlayground();
    const before = await sidebarFrame(page);
    expect(await axeViolations(before)).toEqual([]);
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);

    await before.click('#set-up-button');
    await before.waitForSelector('#report');
    await page.waitForFunction(() => document.querySelectorAll('[role="tab"]').length > 2);
    expect(await axeViolations(before)).toEqual([]);
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('would catch a violation: the accessibility check is live', async () => {
    const { page } = await openPlayground();
    const sidebar = await sidebarFrame(page);
    await sidebar.evaluate(() =>
      document.body.append(Object.assign(document.createElement('button'), { id: 'unlabelled' })),
    );
    expect((await axeViolations(sidebar)).map((v) => v.id)).toContain('button-name');
    await page.close();
  });

  it('shows names from the spreadsheet as text, never as markup', async () => {
    server.playground.reset();
    server.playground.rename('<img src=x onerror="window.__injected=1">');
    const { page, errors } = await openPlayground();
    const sidebar = await sidebarFrame(page);
    await sidebar.waitForFunction(() => document.getElementById('document-name')?.textContent !== '');
    expect(await sidebar.textContent('#document-name')).toBe('<img src=x onerror="window.__injected=1">');
    expect(await sidebar.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(await page.textContent('#document-title')).toBe('<img src=x onerror="window.__injected=1">');
    expect(
      await page.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });
});
