import { afterAll, beforeAll, describe, expect, it, jest } from '@jest/globals';
import type { Browser, Frame, Page } from 'playwright-core';
import type { PlaygroundServer } from '../../playground/http-server';
import { axeViolations, collectErrors, launchBrowser, sidebarFrame, startPlayground, tabTo } from './browser';

jest.setTimeout(90_000);

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

function call(name: string, ...args: unknown[]): void {
  const outcome = server.playground.run(name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.message}`);
}

const idle = (sidebar: Frame) => sidebar.waitForSelector('#app[aria-busy="false"]');

async function press(page: Page, frame: Frame, selector: string): Promise<void> {
  await tabTo(page, frame, selector, 400);
  await page.keyboard.press('Enter');
}

describe('the Measure view, by keyboard', () => {
  it('adds baseline and pilot measurements and shows the change against the target', async () => {
    server.playground.reset();
    call('setUpWorkspace');
    call('saveScore', {
      workflowId: 'WF-001',
      scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
      redFlags: [],
      fitsDay: 'yes',
      note: '',
      scorerName: null,
    });
    call('selectWorkflow', { workflowId: 'WF-001', reason: '', confirmReplace: false });
    call('saveMeasurement', {
      metric: 'Time per item (minutes)',
      window: 'Baseline',
      periodStart: '2026-11-02',
      periodEnd: '2026-11-06',
      value: 30,
      items: 40,
      note: '',
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(server.url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-metrics');
    await sidebar.waitForSelector('#metrics-heading');
    await idle(sidebar);
    expect(await axeViolations(sidebar)).toEqual([]);

    await tabTo(page, sidebar, '#m-metric', 400);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, sidebar, '#m-window-0', 400);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, sidebar, '#m-periodStart', 400);
    await page.keyboard.type('12072026');
    await tabTo(page, sidebar, '#m-periodEnd', 400);
    await page.keyboard.type('12112026');
    await tabTo(page, sidebar, '#m-value', 400);
    await page.keyboard.type('18');
    await tabTo(page, sidebar, '#m-items', 400);
    await page.keyboard.type('41');
    await press(page, sidebar, '#save-measurement');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Added Time per item (minutes) for 2026-12-07.');
    const row = await sidebar.$eval('.metrics-table tbody tr', (tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(row).toEqual([
      'Time per item (minutes)',
      '30',
      '18',
      '-40%',
      'Met (at least 30% lower than baseline)',
    ]);

    await tabTo(page, sidebar, '#m-value', 400);
    await page.keyboard.type('lots');
    await press(page, sidebar, '#save-measurement');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain('The value must be a number.');
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shares the plan with leaders from the Overview, by keyboard, refusing a bad address first', async () => {
    server.playground.reset();
    call('setUpWorkspace');
    const page = await browser.newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(server.url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-overview');
    await sidebar.waitForSelector('#share-heading');
    await idle(sidebar);
    await tabTo(page, sidebar, '#share-addresses', 400);
    await page.keyboard.type('board.chair@district.example.org, not an address');
    await press(page, sidebar, '#share-button');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain('These are not email addresses');
    expect(await axeViolations(sidebar)).toEqual([]);
    await tabTo(page, sidebar, '#share-addresses', 400);
    await page.keyboard.press('Control+A');
    await page.keyboard.type('board.chair@district.example.org');
    await press(page, sidebar, '#share-button');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'Shared with 1 person (view only) and sent each the summary.',
    );
    expect(server.playground.view().outbox.map((m) => m.to)).toEqual(['board.chair@district.example.org']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
