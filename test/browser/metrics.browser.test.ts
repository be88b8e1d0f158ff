import { describe, expect, it, jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import {
  selectExampleWorkflow,
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
const focusedId = (sidebar: Frame) => sidebar.evaluate(() => document.activeElement?.id ?? '');

const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);

describe('the Measure view, by keyboard', () => {
  it('adds baseline and pilot measurements and shows the change against the target', async () => {
    playground.server().playground.reset();
    call('setUpWorkspace');
    selectExampleWorkflow(playground.server());
    // Four baseline weeks: fewer would read "not enough data".
    for (const [start, end] of [
      ['2026-10-12', '2026-10-16'],
      ['2026-10-19', '2026-10-23'],
      ['2026-10-26', '2026-10-30'],
      ['2026-11-02', '2026-11-06'],
    ])
      call('saveMeasurement', {
        metric: 'Time per item (minutes)',
        window: 'Baseline',
        periodStart: start,
        periodEnd: end,
        value: 30,
        items: 40,
        language: '',
        school: '',
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
    await page.keyboard.type('11162026');
    await tabTo(page, sidebar, '#m-periodEnd', 400);
    await page.keyboard.type('11202026');
    await tabTo(page, sidebar, '#m-value', 400);
    await page.keyboard.type('18');
    await tabTo(page, sidebar, '#m-items', 400);
    await page.keyboard.type('41');
    await press(page, sidebar, '#save-measurement');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Added Time per item (minutes) for 2026-11-16.');
    const row = await sidebar.$eval('.metrics-table tbody tr', (tr) =>
      [...tr.children].map((c) => c.textContent),
    );
    expect(row[0]).toMatch(/^Time per item \(minutes\)Target: at least 30% lower than baseline/);
    expect(row[0]).toContain('Review time included.');
    expect(row.slice(1)).toEqual(['30', '18', '-40%', 'Met']);

    await tabTo(page, sidebar, '#m-value', 400);
    await page.keyboard.type('lots');
    await press(page, sidebar, '#save-measurement');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain('The value must be a number.');
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('records an incident by keyboard: refuses an empty form, then pauses nothing it should not and says who was told', async () => {
    playground.server().playground.reset();
    call('setUpWorkspace');
    playground.server().playground.fillExamplePeople();
    selectExampleWorkflow(playground.server());
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-metrics');
    await sidebar.waitForSelector('#metrics-heading');
    await idle(sidebar);
    await press(page, sidebar, '#record-incident');
    expect(await focusedId(sidebar)).toBe('form-heading');
    expect(await axeViolations(sidebar)).toEqual([]);
    await press(page, sidebar, '#save-incident');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('error-summary');
    expect(await sidebar.textContent('#error-summary')).toContain('What happened is required.');
    expect(await axeViolations(sidebar)).toEqual([]);
    await tabTo(page, sidebar, '#incident-what', 400);
    await page.keyboard.type('A draft gave last year’s enrollment date.');
    await tabTo(page, sidebar, '#incident-found', 400);
    await page.keyboard.type('11032026');
    await tabTo(page, sidebar, '#incident-severity-0', 400);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, sidebar, '#incident-dataInvolved', 400);
    await page.keyboard.press('ArrowDown');
    await press(page, sidebar, '#save-incident');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toContain('Recorded incident IN-0001.');
    expect(await sidebar.textContent('#message')).toContain('Privacy officer (Pat Lee)');
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
