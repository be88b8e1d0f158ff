import { describe, expect, it, jest } from '@jest/globals';
import type { Page } from 'playwright-core';
import type { ApprovalBoard } from '../../src/shared/approvals';
import {
  axeViolations,
  collectErrors,
  idle,
  prepareReadyPlan,
  press,
  runInPlayground,
  sidebarFrame,
  tabTo,
  usePlayground,
} from './browser';

jest.setTimeout(120_000);

const playground = usePlayground();
const sam = 'sam@district.example.org';
const coordinator = 'coordinator@district.example.org';

const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);

const statusOf = (role: string) =>
  call<ApprovalBoard>('getApprovalBoard')
    .steps.flatMap((s) => s.approvers)
    .find((a) => a.role === role)?.status;

async function actAs(page: Page, user: string): Promise<void> {
  await page.selectOption('#acting-as', user);
  await page.waitForFunction(
    (u) => (document.getElementById('acting-as') as HTMLSelectElement).value === u,
    user,
  );
  await page.waitForLoadState('networkidle');
}

/** Index of the Mail panel's email sent to `to`. */
async function mailTo(page: Page, to: string): Promise<number> {
  await page.waitForSelector('.mail');
  return page.$$eval(
    '.mail-meta',
    (elements, address) => elements.findIndex((e) => e.textContent?.includes(`to ${address}`)),
    to,
  );
}

const focusedId = (page: Page) => page.evaluate(() => document.activeElement?.id ?? '');

describe('the Gmail card in the playground’s Mail panel', () => {
  it('lets the approver answer in one tap, and the requester records it as a typed reply', async () => {
    prepareReadyPlan(playground.server());
    call('sendApprovalRequests');
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    await sidebarFrame(page);

    await actAs(page, sam);
    const index = await mailTo(page, sam);
    await tabTo(page, page.mainFrame(), `#open-gmail-${index}`, 400);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#gmail-card-title');
    expect(await focusedId(page)).toBe('gmail-card-title');
    const card = (await page.textContent('#gmail-panel')) ?? '';
    expect(card).toContain('AI Plan approval request');
    expect(card).toContain('What you are asked');
    expect(card).toContain('Due');
    expect(card).toContain('Who is asking');
    expect(
      await page.$$eval('#gmail-panel .card-buttons button', (b) => b.map((x) => x.textContent)),
    ).toEqual(['Approve', 'Request changes', 'Reject']);
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);

    await tabTo(page, page.mainFrame(), '#card-input-comment', 20);
    await page.keyboard.type('Looks good to me.');
    await tabTo(page, page.mainFrame(), '#card-button-0', 10);
    await page.keyboard.press('Enter');
    await page.waitForFunction(
      () => document.getElementById('gmail-card-title')?.textContent === 'Check your reply',
    );
    expect(await focusedId(page)).toBe('gmail-card-title');
    const preview = (await page.textContent('#gmail-panel')) ?? '';
    expect(preview).toContain('APPROVE');
    expect(preview).toContain('Looks good to me.');
    expect(preview).toContain('The plan will record: Approve');
    expect(preview).toContain(coordinator);
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);

    await tabTo(page, page.mainFrame(), '#card-button-0', 20);
    await page.keyboard.press('Enter');
    await page.waitForSelector('#compose-send');
    expect(await focusedId(page)).toBe('compose-title');
    expect(await page.textContent('.compose pre')).toBe('APPROVE\n\nLooks good to me.');
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);
    await tabTo(page, page.mainFrame(), '#compose-send', 10);
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => document.getElementById('toasts')?.textContent?.includes('Sent from'));
    expect(statusOf('Technology director')).toBe('Sent');

    await actAs(page, coordinator);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-approvals');
    await sidebar.waitForSelector('#approvals-heading');
    await idle(sidebar);
    await press(page, sidebar, '#check-replies');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Read 2 pending requests; 1 decision recorded.');
    expect(statusOf('Technology director')).toBe('Approved');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a plain card with nothing to press on a request addressed to someone else', async () => {
    prepareReadyPlan(playground.server());
    call('sendApprovalRequests');
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    await sidebarFrame(page);
    // The coordinator has the request in Sent: it is theirs to read, not theirs to answer.
    const index = await mailTo(page, sam);
    await page.click(`#open-gmail-${index}`);
    await page.waitForSelector('#gmail-card-title');
    expect(await page.textContent('#gmail-card-title')).toBe(
      'Not an AI Plan request · No es una solicitud de AI Plan',
    );
    expect(await page.textContent('#gmail-panel')).toContain('addressed to someone else');
    expect(await page.$$('#gmail-panel .card-buttons button')).toHaveLength(0);
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);

    // Someone who never received it cannot open it at all.
    await actAs(page, 'comms@district.example.org');
    await page.click(`#open-gmail-${index}`);
    await page.waitForFunction(() => document.getElementById('toasts')?.textContent?.includes('not in'));
    expect(errors).toEqual([]);
    await page.close();
  });
});
