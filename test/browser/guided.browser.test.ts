import { describe, expect, it, jest } from '@jest/globals';
import {
  axeViolations,
  selectExampleWorkflow,
  collectErrors,
  idle,
  press,
  runInPlayground,
  sidebarFrame,
  usePlayground,
} from './browser';

jest.setTimeout(90_000);

const playground = usePlayground();

const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);

describe('the guided planner', () => {
  it('opens on the current step, says what each step is, fits 300 px and offers the next step', async () => {
    playground.server().playground.reset();
    call('setUpWorkspace');
    selectExampleWorkflow(playground.server());
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await sidebar.waitForSelector('#gate-status');
    await idle(sidebar);

    const steps = await sidebar.$$eval('nav .nav-item', (items) =>
      items.map((item) => ({
        name: item.textContent,
        top: item.getBoundingClientRect().top,
        right: item.getBoundingClientRect().right,
      })),
    );
    expect(steps.map((s) => s.name)).toEqual([
      '✓Choose, done',
      '2Govern, current step',
      '3Pilot, not yet: the pilot plan is not finished',
      '4Approve, not yet: finish the checklist first',
      '5Measure, not yet: get the plan approved and start the pilot first',
      '☰Overview',
    ]);
    // One row, inside the 300 px frame.
    expect(new Set(steps.map((s) => s.top)).size).toBe(1);
    const width = await sidebar.evaluate(() => document.documentElement.clientWidth);
    expect(Math.max(...steps.map((s) => s.right))).toBeLessThanOrEqual(width);
    expect(await sidebar.$('#next-step')).toBeNull();

    await press(page, sidebar, '#nav-workflows');
    await sidebar.waitForSelector('#next-step');
    expect(await sidebar.textContent('#next-step')).toBe('Next: 2. Govern');
    expect(await axeViolations(sidebar)).toEqual([]);
    await press(page, sidebar, '#next-step');
    await sidebar.waitForSelector('#gate-status');
    expect(await sidebar.getAttribute('#nav-governance', 'aria-current')).toBe('page');
    expect(errors).toEqual([]);
    await page.close();
  });
});
