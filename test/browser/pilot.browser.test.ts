import { describe, expect, it, jest } from '@jest/globals';
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

const plan = {
  question: '',
  decisionInformed: 'Whether to use it for all front-office FAQs next term.',
  team: 'Communications office: 3 staff',
  inScope: 'Enrollment and calendar questions',
  outOfScope: 'Anything about an individual student',
  baselineStart: '2026-11-02',
  baselineEnd: '2026-11-27',
  pilotStart: '2026-11-30',
  pilotEnd: '2027-01-22',
  checkInDay: 'Friday',
  tool: 'District-licensed assistant, district accounts',
  agreement: 'Registry entry 2026-14',
  sources: 'The public website FAQ pages',
  dataRule: 'Green data only',
  reviewRule: 'Every draft read by the communications lead',
  humanOnly: 'Safety, legal, individual students',
  escalation: 'Jo Park',
  stopRule: 'Any privacy incident',
  communication: 'Staff briefing',
  feedback: 'The office feedback form',
};

function governedPlan(): void {
  prepareReadyPlan(playground.server());
  call('savePilotPlan', plan);
}

/** Every step approves the plan as it stands, by replies read from the playground's mail. */
function approveAll(): void {
  const answer = (to: string) => {
    const mail = playground
      .server()
      .playground.view()
      .outbox.find((m) => m.to === to);
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

describe('the Pilot view, by keyboard', () => {
  it('completes the plan, is refused until approved, starts the pilot, and records the sponsor’s decision once it pauses', async () => {
    governedPlan();
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-pilot');
    await sidebar.waitForSelector('#pilot-heading');
    await idle(sidebar);
    expect(await sidebar.textContent('#pilot-status')).toContain('The plan is missing 1 part');
    expect(await axeViolations(sidebar)).toEqual([]);

    // A pilot ending before it starts is refused, with the reason at the top and nothing saved.
    await tabTo(page, sidebar, '#pilot-pilotEnd', 400);
    await page.keyboard.type('01012026');
    await press(page, sidebar, '#save-pilot');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain('The pilot ends before it starts.');
    expect(await axeViolations(sidebar)).toEqual([]);

    await tabTo(page, sidebar, '#pilot-pilotEnd', 400);
    await page.keyboard.type('01222027');
    await tabTo(page, sidebar, '#pilot-question', 400);
    await page.keyboard.type('Does drafting from approved pages cut response time without losing accuracy?');
    await press(page, sidebar, '#save-pilot');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toContain('Saved the pilot plan.');
    expect(await sidebar.textContent('#pilot-status')).toContain(
      'Every approval step must approve this plan version first',
    );

    approveAll();
    await press(page, sidebar, '#nav-approvals');
    await sidebar.waitForSelector('#approvals-heading');
    await idle(sidebar);
    await press(page, sidebar, '#nav-pilot');
    await sidebar.waitForSelector('#start-pilot');
    await press(page, sidebar, '#start-pilot');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'The pilot of “FAQ drafting from approved materials” is running.',
    );

    // Day one of an eight-week pilot is no time to decide: the form waits for the end or a pause.
    expect(await sidebar.textContent('#cannot-decide')).toContain('The pilot runs until Jan 22, 2027');
    call('saveMeasurement', {
      metric: 'Incidents',
      window: 'Pilot',
      periodStart: '2026-11-30',
      periodEnd: '2026-11-30',
      value: 1,
      items: null,
      note: '',
    });
    await press(page, sidebar, '#nav-approvals');
    await sidebar.waitForSelector('#approvals-heading');
    await idle(sidebar);
    await press(page, sidebar, '#nav-pilot');
    await sidebar.waitForSelector('#paused-because');
    expect(await sidebar.textContent('#paused-because')).toContain('1 incident');
    expect(await axeViolations(sidebar)).toEqual([]);

    // The coordinator records the sponsor's decision on the sponsor's behalf, with what shows it.
    await tabTo(page, sidebar, '#pilot-decision-0', 400);
    await page.keyboard.press('Space');
    await tabTo(page, sidebar, '#pilot-decision-onBehalf', 400);
    await page.keyboard.press('Space');
    await tabTo(page, sidebar, '#pilot-decision-evidence', 400);
    await page.keyboard.type('Email from Dr. Rivera, Dec 1');
    await tabTo(page, sidebar, '#pilot-rationale', 400);
    await page.keyboard.type('Response time down 41%; one incident, handled.');
    await press(page, sidebar, '#record-decision');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'Recorded the decision: Scale, by Dr. Rivera (rivera@district.example.org) (recorded on their behalf by coordinator@district.example.org).',
    );
    expect(await sidebar.textContent('#decided-by')).toContain('recorded on their behalf by coordinator@');
    expect(await sidebar.textContent('#pilot-status')).toContain('Ended: Scale');
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
