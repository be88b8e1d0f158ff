import path from 'node:path';
import { mkdirSync } from 'node:fs';
import { describe, expect, it, jest } from '@jest/globals';
import type { Frame } from 'playwright-core';
import {
  axeViolations,
  selectExampleWorkflow,
  collectErrors,
  idle,
  press,
  runInPlayground,
  sidebarFrame,
  tabTo,
  usePlayground,
} from './browser';

jest.setTimeout(90_000);

/** Where the screenshots go, to look at (not committed). */
const shots = process.env['SCREENSHOT_DIR'] ?? path.join(__dirname, '../../.screenshots');

const playground = usePlayground();
const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);
const focusedId = (sidebar: Frame) => sidebar.evaluate(() => document.activeElement?.id ?? '');

describe('measurement entries in the Measure view, by keyboard', () => {
  it('lists the entries newest first, corrects one and withdraws another, with axe clean', async () => {
    playground.server().playground.reset();
    call('setUpWorkspace');
    selectExampleWorkflow(playground.server());
    for (const [start, end, value] of [
      ['2026-10-05', '2026-10-09', 30],
      ['2026-10-12', '2026-10-16', 34],
      ['2026-10-19', '2026-10-23', 31],
    ] as const)
      call('saveMeasurement', {
        metric: 'Time per item (minutes)',
        window: 'Baseline',
        periodStart: start,
        periodEnd: end,
        value,
        items: 40,
        language: '',
        school: '',
        note: '',
      });
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1400 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-metrics');
    await sidebar.waitForSelector('#entries-heading');
    await idle(sidebar);
    const listed = () =>
      sidebar.$$eval('.entries .entry', (items) =>
        items.map((li) => [...li.querySelectorAll('p')].map((p) => p.textContent ?? '')),
      );
    const entries = await listed();
    expect(entries.map((e) => e[0])).toEqual([
      'Time per item (minutes): 31',
      'Time per item (minutes): 34',
      'Time per item (minutes): 30',
    ]);
    expect(entries[0]?.[1]).toMatch(/^Baseline · 2026-10-19 to 2026-10-23 · \S+@/);
    // Each button names its entry for a screen reader.
    expect(await sidebar.textContent('#correct-MS-0002')).toBe(
      'Correct MS-0002, Time per item (minutes), Baseline 2026-10-12 to 2026-10-16',
    );
    expect(await axeViolations(sidebar)).toEqual([]);

    // Correct the middle entry: 34 was a typo for 33.
    await press(page, sidebar, '#correct-MS-0002');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('form-heading');
    expect(await axeViolations(sidebar)).toEqual([]);
    await tabTo(page, sidebar, '#entry-value');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('lots');
    await press(page, sidebar, '#save-entry');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('error-summary');
    expect(await sidebar.textContent('#error-summary')).toContain('The value must be a number.');
    expect(await axeViolations(sidebar)).toEqual([]);
    await tabTo(page, sidebar, '#entry-value');
    await page.keyboard.press('Control+A');
    await page.keyboard.type('33');
    await press(page, sidebar, '#save-entry');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Corrected MS-0002.');
    expect((await listed())[1]?.[0]).toBe('Time per item (minutes): 33');

    // Withdraw the oldest: a reason is required, and the row stays listed as withdrawn.
    await press(page, sidebar, '#withdraw-MS-0001');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('form-heading');
    await press(page, sidebar, '#save-entry');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain('Why it is withdrawn is required.');
    await tabTo(page, sidebar, '#entry-reason');
    await page.keyboard.type('Measured the wrong office.');
    await press(page, sidebar, '#save-entry');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Withdrew MS-0001; it no longer counts.');
    const after = await listed();
    expect(after[2]?.[2]).toMatch(
      /^Withdrawn by \S+@\S+, \d{4}-\d{2}-\d{2} \d{2}:\d{2}: Measured the wrong office\.$/,
    );
    expect(await sidebar.$('#withdraw-MS-0001')).toBeNull();
    // The baseline is now the median of 31 and 33.
    const baseline = await sidebar.$eval('.metrics-table tbody tr', (tr) => tr.children[1]?.textContent);
    expect(baseline).toBe('32');
    expect(await axeViolations(sidebar)).toEqual([]);

    // The view fits the 300 px sidebar: nothing wider than the frame.
    const widest = await sidebar.evaluate(() => document.documentElement.scrollWidth);
    expect(widest).toBeLessThanOrEqual(300);
    mkdirSync(shots, { recursive: true });
    await sidebar.locator('#entries-heading').scrollIntoViewIfNeeded();
    await page.locator('#sidebar-iframe').screenshot({ path: path.join(shots, 'measure-entries.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});
