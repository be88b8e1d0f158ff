import { describe, expect, it, jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import type { ApprovalBoard } from '../../src/shared/approvals';
import {
  axeViolations,
  collectErrors,
  idle,
  press,
  runInPlayground,
  sidebarFrame,
  tabTo,
  prepareReadyPlan,
  usePlayground,
} from './browser';

jest.setTimeout(120_000);

const playground = usePlayground();

const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);

/** A plan ready for approval, as a newcomer gets it with "Example people" and the first two phases. */
const readyPlan = () => prepareReadyPlan(playground.server());

const focusedId = (frame: Frame) => frame.evaluate(() => document.activeElement?.id ?? '');

/** Replies to the email sent to `to`, from the page's Mail panel, by keyboard. */
async function replyTo(page: Page, to: string, example: number): Promise<void> {
  await page.waitForFunction(
    (address) =>
      [...document.querySelectorAll('.mail-meta')].some((e) => e.textContent?.includes(`to ${address}`)),
    to,
  );
  const index = await page.$$eval(
    '.mail-meta',
    (elements, address) => elements.findIndex((e) => e.textContent?.includes(`to ${address}`)),
    to,
  );
  await tabTo(page, page.mainFrame(), `#reply-example-${index}`, 400);
  for (let i = 0; i < example; i += 1) await page.keyboard.press('ArrowDown');
  await tabTo(page, page.mainFrame(), `#reply-send-${index}`, 10);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('toasts')?.textContent?.includes('Replied as'));
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
}

describe('the approval round trip in the playground, by keyboard', () => {
  it('sends the first step, reads the replies, resolves an unclear one, and reaches approval', async () => {
    readyPlan();
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-approvals');
    await sidebar.waitForSelector('#approvals-heading');
    await idle(sidebar);
    expect(await sidebar.textContent('#send-requests')).toBe('Send 2 approval requests');
    expect(await axeViolations(sidebar)).toEqual([]);

    await press(page, sidebar, '#send-requests');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('message');
    expect(await sidebar.textContent('#message')).toBe(
      'Sent 2 approval requests for step 1 (Technology and privacy review).',
    );
    expect(await sidebar.textContent('#approval-status')).toContain('Waiting for replies');

    await page.waitForSelector('.mail');
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);
    await replyTo(page, 'sam@district.example.org', 0);
    await replyTo(page, 'pat.lee@district.example.org', 5);
    // The Mail panel shows each reply sent under the email it answers.
    await page.waitForFunction(() => document.querySelectorAll('.mail-replies li').length === 2);
    const replies = await page.$$eval('.mail-replies li', (items) => items.map((i) => i.textContent ?? ''));
    expect(replies.some((r) => /· from sam@district\.example\.org: APPROVE/.test(r))).toBe(true);
    expect(replies.some((r) => r.includes('from pat.lee@district.example.org'))).toBe(true);
    expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);
    await press(page, sidebar, '#check-replies');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'Read 2 pending requests; 1 decision recorded; 1 to review.',
    );
    expect(await sidebar.textContent('#approval-status')).toContain('A reply needs a person');
    expect(await axeViolations(sidebar)).toEqual([]);

    const review = call<ApprovalBoard>('getApprovalBoard').review[0]?.requestId ?? '';
    await press(page, sidebar, `#review-${review}`);
    expect(await focusedId(sidebar)).toBe('form-heading');
    await press(page, sidebar, '#save-review');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('error-summary');
    expect(await axeViolations(sidebar)).toEqual([]);
    await tabTo(page, sidebar, '#review-decision-0', 400);
    await page.keyboard.press('Space');
    await tabTo(page, sidebar, '#review-note');
    await page.keyboard.type('Called Pat: legal has read the terms.');
    await press(page, sidebar, '#save-review');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Recorded “Approved” for the Privacy officer.');

    await press(page, sidebar, '#send-requests');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'Sent 1 approval request for step 8 (Final approval).',
    );
    await replyTo(page, 'rivera@district.example.org', 4);
    await press(page, sidebar, '#check-replies');
    await idle(sidebar);
    expect(await sidebar.textContent('#approval-status')).toContain('Approved');
    expect(await sidebar.textContent('#approval-status')).toContain('The pilot can start.');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a reply written as markup as text, in the review list', async () => {
    readyPlan();
    call('sendApprovalRequests');
    const sent = playground
      .server()
      .playground.view()
      .outbox.find((m) => m.to === 'sam@district.example.org');
    playground.server().playground.reply({
      messageId: sent?.messageId ?? '',
      from: 'sam@district.example.org',
      body: '<img src=x onerror="window.__injected=1"> approve?',
      failDmarc: false,
    });
    call('checkRepliesFromPlanner');
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 900 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-approvals');
    await sidebar.waitForSelector('#review-heading');
    expect(await sidebar.textContent('.quote')).toContain('<img src=x onerror="window.__injected=1">');
    expect(await sidebar.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(
      await sidebar.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('does not count a reply from the wrong address or a forged one', async () => {
    readyPlan();
    call('sendApprovalRequests');
    const sent = playground
      .server()
      .playground.view()
      .outbox.find((m) => m.to === 'sam@district.example.org');
    expect(
      playground.server().playground.reply({
        messageId: sent?.messageId ?? '',
        from: 'someone@district.example.org',
        body: 'APPROVE',
        failDmarc: false,
      }).ok,
    ).toBe(true);
    expect(
      playground.server().playground.reply({
        messageId: sent?.messageId ?? '',
        from: 'sam@district.example.org',
        body: 'APPROVE',
        failDmarc: true,
      }).ok,
    ).toBe(true);
    call('checkRepliesFromPlanner');
    const board = call<ApprovalBoard>('getApprovalBoard');
    expect(board.steps[0]?.approvers.map((a) => a.status)).toEqual(['Sent', 'Sent']);
    const log =
      playground
        .server()
        .playground.view()
        .sheets.find((s) => s.name === 'Log')?.rows ?? [];
    expect(log.filter((r) => r.some((c) => c.text === 'Reply not counted'))).toHaveLength(2);

    // The Approvals view says which replies did not count and why, readable by a screen reader.
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-approvals');
    await sidebar.waitForSelector('#uncounted-heading');
    await idle(sidebar);
    const lines = await sidebar.$$eval('.uncounted-list li li', (items) =>
      items.map((i) => i.textContent ?? ''),
    );
    expect(lines).toHaveLength(2);
    expect(
      lines.some((l) => l.includes('someone@district.example.org') && l.includes('not from the approver')),
    ).toBe(true);
    expect(lines.some((l) => l.includes('DMARC'))).toBe(true);
    expect(await axeViolations(sidebar)).toEqual([]);
    await page.screenshot({ path: 'build/uncounted-replies.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
