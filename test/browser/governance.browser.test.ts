import { describe, expect, it, jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import type { GovernanceBoard } from '../../src/shared/governance';
import {
  axeViolations,
  collectErrors,
  idle,
  prepareSelectedWorkflow,
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

/** A workspace where FAQ drafting is scored and selected, so its checklist exists; the planner opened on it. */
async function openGovernance(): Promise<{ page: Page; sidebar: Frame; errors: string[] }> {
  prepareSelectedWorkflow(playground.server());
  const page = await playground.browser().newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(playground.server().url);
  const sidebar = await sidebarFrame(page);
  // The planner opens where the plan stands: a selected workflow's checklist.
  await sidebar.waitForSelector('#gate-status');
  expect(await sidebar.getAttribute('#nav-governance', 'aria-current')).toBe('page');
  return { page, sidebar, errors };
}

const focusedId = (sidebar: Frame) => sidebar.evaluate(() => document.activeElement?.id ?? '');

/** Picks a status in the form's radio group with the arrow keys. */
async function chooseStatus(page: Page, sidebar: Frame, status: string): Promise<void> {
  const index = ['Not started', 'In progress', 'Done', 'N/A'].indexOf(status);
  await tabTo(page, sidebar, '#item-status input:checked', 400);
  const current = await sidebar.$eval('#item-status input:checked', (e) => Number(e.id.split('-').pop()));
  for (let i = current; i < index; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = current; i > index; i -= 1) await page.keyboard.press('ArrowUp');
}

describe('the Governance view, by keyboard alone', () => {
  it('refuses N/A without a reason, then completes the required rows until the gate turns ready', async () => {
    const { page, sidebar, errors } = await openGovernance();
    expect(await focusedId(sidebar)).toBe('governance-heading');
    expect(await sidebar.textContent('#gate-status')).toContain('Not ready for approval yet');
    const board = call<GovernanceBoard>('getGovernanceBoard');
    // N/A is allowed only on conditional or recommended items: take a conditional one.
    const first = board.rows.find((r) => r.gating && r.requirement === 'Conditional')?.id ?? '';
    const firstRow = board.rows.find((r) => r.id === first);

    await press(page, sidebar, `#edit-missing-${first}`);
    expect(await focusedId(sidebar)).toBe('form-heading');
    await chooseStatus(page, sidebar, 'N/A');
    await press(page, sidebar, '#save-item');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('error-summary');
    expect(await sidebar.textContent('#error-summary')).toContain(
      'Say why the item does not apply: N/A needs a reason.',
    );
    expect(call<GovernanceBoard>('getGovernanceBoard').rows.find((r) => r.id === first)?.status).toBe(
      'Not started',
    );

    await tabTo(page, sidebar, '#item-naReason');
    await page.keyboard.type('The district already covers this in its board policy.');
    await press(page, sidebar, '#save-item');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('message');
    expect(await sidebar.textContent('#message')).toContain(`Saved ${firstRow?.code ?? ''}.`);
    expect(await sidebar.getAttribute('#gate-progress', 'value')).toBe('1');

    // The rest by server call, all but one; the last by keyboard.
    const rest = board.rows.filter((r) => r.gating && r.id !== first);
    for (const row of rest.slice(0, -1)) {
      call('updateChecklistItem', {
        id: row.id,
        status: 'Done',
        evidence: 'Memo in the district drive',
        naReason: '',
        due: '',
        owner: '',
      });
    }
    await press(page, sidebar, '#refresh-governance');
    await idle(sidebar);
    const last = rest.at(-1)?.id ?? '';
    await press(page, sidebar, `#edit-missing-${last}`);
    await chooseStatus(page, sidebar, 'Done');
    await tabTo(page, sidebar, '#item-evidence');
    await page.keyboard.type('https://district.example.org/evidence/final');
    await press(page, sidebar, '#save-item');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toContain('the plan is ready for approval');
    expect(await sidebar.textContent('#gate-status')).toContain('Ready for approval');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('takes the person to the row in the sheet', async () => {
    const { page, sidebar, errors } = await openGovernance();
    const board = call<GovernanceBoard>('getGovernanceBoard');
    const id = board.missing[0]?.ids[0] ?? '';
    const row = board.rows.find((r) => r.id === id);
    await press(page, sidebar, `#show-missing-${id}`);
    await page.waitForSelector('tr.active-row');
    expect(await page.textContent('caption')).toContain('Governance:');
    expect(await page.$eval('tr.active-row th', (e) => e.textContent)).toBe(String(row?.row));
    expect(errors).toEqual([]);
    await page.close();
  });

  it('checks the Log chain on request', async () => {
    const { page, sidebar, errors } = await openGovernance();
    await press(page, sidebar, '#check-log');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('log-result');
    expect(await sidebar.textContent('#log-result')).toBe(
      'All 4 Log entries are intact: none was edited, inserted or deleted.',
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 AA violations in the view, with every item shown, and in the item form with an error', async () => {
    const { page, sidebar, errors } = await openGovernance();
    await tabTo(page, sidebar, '#all-items summary', 400);
    await page.keyboard.press('Enter');
    expect(await sidebar.$eval('#all-items', (e) => (e as HTMLDetailsElement).open)).toBe(true);
    expect(await axeViolations(sidebar)).toEqual([]);
    const id = call<GovernanceBoard>('getGovernanceBoard').missing[0]?.ids[0] ?? '';
    await press(page, sidebar, `#edit-missing-${id}`);
    await tabTo(page, sidebar, '#item-evidence');
    await page.keyboard.type('https://not a link');
    await press(page, sidebar, '#save-item');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain(
      'The evidence link must be a whole web address',
    );
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
