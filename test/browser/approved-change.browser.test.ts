import { describe, expect, it, jest } from '@jest/globals';
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

const call = <T = unknown>(name: string, ...args: unknown[]): T =>
  runInPlayground<T>(playground.server(), name, ...args);

/** Every step approves the plan as it stands, by replies in the playground's mail. */
function approveAll(): void {
  const answer = (to: string) => {
    const mail = [...playground.server().playground.view().outbox].reverse().find((m) => m.to === to);
    playground.server().playground.reply({
      messageId: mail?.messageId ?? '',
      from: to,
      body: 'APPROVE',
      failDmarc: false,
    });
  };
  call('sendApprovalRequests');
  answer('sam@district.example.org');
  answer('pat.lee@district.example.org');
  call('checkRepliesFromPlanner');
  answer('rivera@district.example.org');
  call('checkRepliesFromPlanner');
}

const focusedId = (sidebar: Awaited<ReturnType<typeof sidebarFrame>>) =>
  sidebar.evaluate(() => document.activeElement?.id ?? '');

type Pilot = { state: string; plan: { stopRule: string }; approvals: string };

describe('changing the approved plan of a running pilot, by keyboard', () => {
  it('asks first, naming the approvals it voids and the change; cancel keeps everything, confirm pauses the pilot', async () => {
    prepareReadyPlan(playground.server());
    approveAll();
    expect(call<{ ok: boolean }>('startPilot').ok).toBe(true);
    const stopRule = call<Pilot>('getPilotBoard').plan.stopRule;

    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await idle(sidebar);
    await press(page, sidebar, '#nav-pilot');
    await sidebar.waitForSelector('#pilot-stopRule');
    await idle(sidebar);

    await tabTo(page, sidebar, '#pilot-stopRule', 400);
    await page.keyboard.press('ControlOrMeta+A');
    await page.keyboard.type('Two privacy incidents in a week');
    await press(page, sidebar, '#save-pilot');
    await sidebar.waitForSelector('#confirm-heading');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('confirm-heading');
    expect(await sidebar.textContent('#confirm-voids')).toBe(
      'Privacy officer — Pat LeeTechnology director — Sam OrtizExecutive sponsor — Dr. Rivera',
    );
    expect(await sidebar.textContent('#confirm-changes')).toBe(
      `Pilot plan › Stop rule: ${stopRule} →  becomes Two privacy incidents in a week`,
    );
    expect(await sidebar.textContent('#confirm-pause')).toContain('it pauses until every step approves');
    expect(await axeViolations(sidebar)).toEqual([]);

    // Cancel: back to the form with what was typed; nothing saved, the pilot still running.
    await press(page, sidebar, '#cancel-change');
    await sidebar.waitForSelector('#pilot-stopRule');
    expect(await focusedId(sidebar)).toBe('pilot-heading');
    expect(await sidebar.inputValue('#pilot-stopRule')).toBe('Two privacy incidents in a week');
    expect(call<Pilot>('getPilotBoard')).toMatchObject({
      state: 'Running',
      plan: { stopRule },
      approvals: 'approved',
    });

    // Save again and confirm: saved, the approvals void, the pilot paused.
    await press(page, sidebar, '#save-pilot');
    await sidebar.waitForSelector('#confirm-heading');
    await idle(sidebar);
    await press(page, sidebar, '#confirm-change');
    await sidebar.waitForSelector('#message');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('message');
    expect(await sidebar.textContent('#message')).toContain(
      'no longer count: send the requests again (4. Approve).',
    );
    expect(await sidebar.textContent('#paused-because')).toContain(
      'The approved plan changed (Pilot plan › Stop rule): it needs approval again.',
    );
    expect(call<Pilot>('getPilotBoard')).toMatchObject({
      state: 'Paused',
      plan: { stopRule: 'Two privacy incidents in a week' },
    });
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
