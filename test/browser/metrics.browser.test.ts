import { describe, expect, it, jest } from '@jest/globals';
import {
  axeViolations,
  collectErrors,
  idle,
  press,
  runInPlayground,
  sidebarFrame,
  tabTo,
  usePlayground,
} from './browser';

jest.setTimeout(90_000);

const playground = usePlayground();

const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);

describe('the Measure view, by keyboard', () => {
  it('adds baseline and pilot measurements and shows the change against the target', async () => {
    playground.server().playground.reset();
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
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
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
      'Time per item (minutes)Target: at least 30% lower than baseline',
      '30',
      '18',
      '-40%',
      'Met',
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
    playground.server().playground.reset();
    call('setUpWorkspace');
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
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
      'Sent the Board summary to 1 person. No access to the spreadsheet was granted.',
    );
    expect(
      playground
        .server()
        .playground.view()
        .outbox.map((m) => m.to),
    ).toEqual(['board.chair@district.example.org']);
    expect(errors).toEqual([]);
    await page.close();
  });
});
