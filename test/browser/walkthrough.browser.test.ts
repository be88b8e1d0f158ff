import { describe, expect, it, jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import {
  axeViolations,
  collectErrors,
  dayFromToday,
  idle,
  press,
  sidebarFrame,
  tabTo,
  usePlayground,
} from './browser';

// One newcomer's whole walk, by keyboard: the checklist alone is some thirty forms.
jest.setTimeout(240_000);

const playground = usePlayground();

const focusedId = (frame: Frame) => frame.evaluate(() => document.activeElement?.id ?? '');

/** A yyyy-mm-dd day as typed into Chromium's en-US date field: mm, dd, yyyy. */
const typedDate = (iso: string) => `${iso.slice(5, 7)}${iso.slice(8, 10)}${iso.slice(0, 4)}`;

/** Both documents the newcomer sees have no WCAG 2.1 AA violation: the sidebar and the page around it. */
async function expectAccessible(page: Page, sidebar: Frame): Promise<void> {
  expect(await axeViolations(sidebar)).toEqual([]);
  expect(await axeViolations(page.mainFrame(), ['#sidebar-iframe'])).toEqual([]);
}

/**
 * Follows the one *next step* button, by keyboard: it must name `label` ("Next: 2. Govern") and lead to
 * the view whose heading is `heading`, marked as the current page in the nav.
 */
async function nextStep(page: Page, sidebar: Frame, label: string, section: string, heading: string) {
  await sidebar.waitForSelector('#next-step');
  expect(await sidebar.textContent('#next-step')).toBe(label);
  await expectAccessible(page, sidebar);
  await press(page, sidebar, '#next-step');
  await sidebar.waitForSelector(`#${heading}`);
  await idle(sidebar);
  expect(await sidebar.getAttribute(`#nav-${section}`, 'aria-current')).toBe('page');
  expect(await sidebar.$('#next-step')).toBeNull();
}

/**
 * Switches the page's *Acting as* select by keyboard (type-ahead on the person's label, one change),
 * and returns the sidebar as reopened for that person.
 */
async function actAs(page: Page, typed: string, user: string): Promise<Frame> {
  const before = await page.getAttribute('#sidebar-iframe', 'src');
  await tabTo(page, page.mainFrame(), '#acting-as', 400);
  await page.keyboard.type(typed);
  await page.waitForFunction(
    (src) => document.getElementById('sidebar-iframe')?.getAttribute('src') !== src,
    before,
  );
  expect(playground.server().playground.view().actingAs).toBe(user);
  return sidebarFrame(page);
}

/** Chooses score `value` (1–5) in a criterion's radio group with the arrow keys. */
async function chooseScore(page: Page, sidebar: Frame, criterion: string, value: number): Promise<void> {
  await tabTo(page, sidebar, `#score-${criterion}-0`, 200);
  await page.keyboard.press('Space');
  for (let i = 1; i < value; i += 1) await page.keyboard.press('ArrowDown');
}

async function scoreFaqDrafting(page: Page, sidebar: Frame, values: readonly number[]): Promise<void> {
  await press(page, sidebar, '#score-WF-001');
  expect(await focusedId(sidebar)).toBe('form-heading');
  for (const [i, criterion] of ['common', 'measurable', 'risk', 'pain'].entries())
    await chooseScore(page, sidebar, criterion, values[i] ?? 1);
  await press(page, sidebar, '#save-score');
  await idle(sidebar);
  expect(await sidebar.textContent('#message')).toBe(
    'Saved your score for “FAQ drafting from approved materials”.',
  );
}

/** Picks a status in the checklist form's radio group with the arrow keys. */
async function chooseStatus(page: Page, sidebar: Frame, status: string): Promise<void> {
  const index = ['Not started', 'In progress', 'Done', 'N/A'].indexOf(status);
  await tabTo(page, sidebar, '#item-status input:checked', 400);
  const current = await sidebar.$eval('#item-status input:checked', (e) => Number(e.id.split('-').pop()));
  for (let i = current; i < index; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = current; i > index; i -= 1) await page.keyboard.press('ArrowUp');
}

/** Chooses the option labelled `label` in a closed select, with the arrow keys from the first option. */
async function chooseOption(page: Page, frame: Frame, selector: string, label: string): Promise<void> {
  await tabTo(page, frame, selector, 400);
  const [current, wanted] = await frame.$eval(
    selector,
    (e, l) => {
      const options = [...(e as HTMLSelectElement).options];
      return [(e as HTMLSelectElement).selectedIndex, options.findIndex((o) => o.textContent === l)];
    },
    label,
  );
  expect(wanted).toBeGreaterThanOrEqual(0);
  for (let i = current; i < wanted; i += 1) await page.keyboard.press('ArrowDown');
  for (let i = current; i > wanted; i -= 1) await page.keyboard.press('ArrowUp');
}

/** Replies APPROVE to one email from the page's Mail panel, by keyboard, as the person it was sent to. */
async function replyApprove(page: Page, messageId: string, to: string): Promise<void> {
  const index = playground
    .server()
    .playground.view()
    .outbox.findIndex((m) => m.messageId === messageId);
  await page.waitForFunction(
    ([i, address]) => document.querySelectorAll('.mail-meta')[i]?.textContent?.includes(`to ${address}`),
    [index, to] as const,
  );
  expect(await page.inputValue(`#reply-from-${index}`)).toBe(to);
  await tabTo(page, page.mainFrame(), `#reply-example-${index}`, 400);
  expect(await page.$eval(`#reply-example-${index}`, (e) => (e as HTMLSelectElement).value)).toMatch(
    /^APPROVE/,
  );
  await tabTo(page, page.mainFrame(), `#reply-send-${index}`, 10);
  await page.keyboard.press('Enter');
  await page.waitForFunction(() => document.getElementById('toasts')?.textContent?.includes('Replied as'));
  await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
}

/** Adds one measurement in the Measure view's form, by keyboard. */
async function addMeasurement(
  page: Page,
  sidebar: Frame,
  m: { metric: string; pilot: boolean; start: string; end: string; value: string; items?: string },
): Promise<void> {
  await chooseOption(page, sidebar, '#m-metric', m.metric);
  await tabTo(page, sidebar, '#m-window-0', 400);
  if (m.pilot) await page.keyboard.press('ArrowDown');
  await tabTo(page, sidebar, '#m-periodStart', 400);
  await page.keyboard.type(typedDate(m.start));
  await tabTo(page, sidebar, '#m-periodEnd', 400);
  await page.keyboard.type(typedDate(m.end));
  await tabTo(page, sidebar, '#m-value', 400);
  await page.keyboard.type(m.value);
  if (m.items !== undefined) {
    await tabTo(page, sidebar, '#m-items', 400);
    await page.keyboard.type(m.items);
  }
  await press(page, sidebar, '#save-measurement');
  await idle(sidebar);
  expect(await sidebar.$('#error-summary')).toBeNull();
  expect(await sidebar.textContent('#message')).toBe(`Added ${m.metric} for ${m.start}.`);
}

describe('a newcomer’s walk through the planner, by keyboard and the next-step button alone', () => {
  it('goes from an empty workspace to a recorded decision', async () => {
    // Someone's earlier workspace, which Start over clears.
    playground.server().playground.run('setUpWorkspace', []);
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.accept();
    });
    await page.goto(playground.server().url);
    await sidebarFrame(page);

    // Start over: an empty spreadsheet, the planner open on set-up.
    const before = await page.getAttribute('#sidebar-iframe', 'src');
    await press(page, page.mainFrame(), '#reset');
    await page.waitForFunction(
      (src) => document.getElementById('sidebar-iframe')?.getAttribute('src') !== src,
      before,
    );
    let sidebar = await sidebarFrame(page);
    expect(dialogs).toEqual([
      'Start over with an empty spreadsheet? The playground workspace will be cleared.',
    ]);
    expect(await sidebar.textContent('main')).toContain('Not set up yet.');
    await expectAccessible(page, sidebar);

    // 1. Set up, and name the district's people (the page's Example people) so approvals can be sent.
    await press(page, sidebar, '#set-up-button');
    await sidebar.waitForSelector('#report');
    expect(await sidebar.textContent('#report')).toContain('The workspace is ready');
    await press(page, page.mainFrame(), '#example-people');
    await page.waitForFunction(() =>
      document.getElementById('toasts')?.textContent?.includes('Example people'),
    );
    await page.evaluate(() => document.getElementById('toasts')?.replaceChildren());
    await nextStep(page, sidebar, 'Next: 1. Choose', 'workflows', 'workflows-heading');

    // 2. Two people score FAQ drafting; the coordinator selects it.
    await scoreFaqDrafting(page, sidebar, [5, 4, 4, 4]);
    sidebar = await actAs(page, 'P', 'principal@district.example.org');
    await sidebar.waitForSelector('#workflows-heading');
    await scoreFaqDrafting(page, sidebar, [5, 5, 4, 4]);
    sidebar = await actAs(page, 'A', 'coordinator@district.example.org');
    await sidebar.waitForSelector('#workflows-heading');
    await press(page, sidebar, '#select-WF-001');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Selected “FAQ drafting from approved materials”.');
    await page.screenshot({ path: 'build/walkthrough-selected.png', fullPage: true });

    // 3. The governance checklist: every required item Done with evidence, each in its form.
    await nextStep(page, sidebar, 'Next: 2. Govern', 'governance', 'governance-heading');
    expect(await sidebar.textContent('#gate-status')).toContain('Not ready for approval yet');
    let done = 0;
    for (;;) {
      const id = await sidebar.evaluate(
        () => document.querySelector('[id^="edit-missing-"]')?.id.slice('edit-missing-'.length) ?? '',
      );
      if (id === '') break;
      await press(page, sidebar, `#edit-missing-${id}`);
      expect(await focusedId(sidebar)).toBe('form-heading');
      await chooseStatus(page, sidebar, 'Done');
      await tabTo(page, sidebar, '#item-evidence');
      await page.keyboard.type('Memo in the district drive');
      await press(page, sidebar, '#save-item');
      await idle(sidebar);
      expect(await sidebar.$('#error-summary')).toBeNull();
      done += 1;
      if (done === 1) await expectAccessible(page, sidebar);
    }
    expect(done).toBeGreaterThan(10);
    expect(await sidebar.textContent('#gate-status')).toContain('Ready for approval');

    // 4. The pilot plan: four weeks of baseline before today, eight weeks of pilot from today.
    await nextStep(page, sidebar, 'Next: 3. Pilot', 'pilot', 'pilot-heading');
    const plan: [string, string][] = [
      ['question', 'Does drafting from approved pages cut response time?'],
      ['decisionInformed', 'Whether to use it for all front-office FAQs next term.'],
      ['team', 'Communications office: 3 staff'],
      ['inScope', 'Enrollment and calendar questions'],
      ['outOfScope', 'Anything about an individual student'],
      ['baselineStart', typedDate(dayFromToday(-28))],
      ['baselineEnd', typedDate(dayFromToday(-1))],
      ['pilotStart', typedDate(dayFromToday(0))],
      ['pilotEnd', typedDate(dayFromToday(55))],
      ['tool', 'District-licensed assistant, district accounts'],
      ['agreement', 'Registry entry 14'],
      ['sources', 'The public website FAQ pages'],
      ['dataRule', 'Only the public FAQ pages go into the tool.'],
      ['reviewRule', 'The communications lead reads every draft before it is sent.'],
      ['humanOnly', 'Safety, legal, individual students'],
      ['escalation', 'Jo Park'],
      ['stopRule', 'Any privacy incident'],
      ['communication', 'The family newsletter explains how answers are drafted and reviewed.'],
      ['feedback', 'The office feedback form'],
    ];
    for (const [key, text] of plan) {
      await tabTo(page, sidebar, `#pilot-${key}`, 400);
      await page.keyboard.type(text);
    }
    await chooseOption(page, sidebar, '#pilot-checkInDay', 'Friday');
    await press(page, sidebar, '#save-pilot');
    await idle(sidebar);
    expect(await sidebar.$('#error-summary')).toBeNull();
    expect(await sidebar.textContent('#message')).toContain('Saved the pilot plan.');

    // 5. Approvals: each step of the chain is sent, every approver replies APPROVE from the Mail panel,
    //    and the replies are read.
    await nextStep(page, sidebar, 'Next: 4. Approve', 'approvals', 'approvals-heading');
    // A step's requests go out when the step before it has approved (or by Send, for the first).
    const replied = new Set<string>();
    let rounds = 0;
    while (!((await sidebar.textContent('#approval-status')) ?? '').includes('The pilot can start.')) {
      rounds += 1;
      expect(rounds).toBeLessThan(10);
      if (await sidebar.$('#send-requests')) {
        await press(page, sidebar, '#send-requests');
        await idle(sidebar);
        expect(await sidebar.textContent('#message')).toMatch(/^Sent \d+ approval requests? for step \d+/);
      }
      const requests = playground
        .server()
        .playground.view()
        .outbox.filter((m) => /^(Approve the |¿Aprueba )/.test(m.subject) && !replied.has(m.messageId));
      expect(requests.length).toBeGreaterThan(0);
      if (rounds === 1) {
        await page.waitForSelector('.mail');
        await expectAccessible(page, sidebar);
      }
      for (const mail of requests) {
        await replyApprove(page, mail.messageId, mail.to);
        replied.add(mail.messageId);
      }
      await press(page, sidebar, '#check-replies');
      await idle(sidebar);
      expect(await sidebar.textContent('#message')).toContain(
        `${requests.length} decision${requests.length === 1 ? '' : 's'} recorded`,
      );
    }
    expect(await sidebar.textContent('#approval-status')).toContain('The pilot can start.');
    await page.screenshot({ path: 'build/walkthrough-approved.png', fullPage: true });

    // 6. Start the pilot.
    await nextStep(page, sidebar, 'Next: 3. Pilot', 'pilot', 'pilot-heading');
    await press(page, sidebar, '#start-pilot');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'The pilot of “FAQ drafting from approved materials” is running.',
    );

    // 7. Measurements: the baseline, the pilot's first day, and an incident the stop rule pauses on.
    await nextStep(page, sidebar, 'Next: 5. Measure', 'metrics', 'metrics-heading');
    for (const [start, end] of [
      [-28, -24],
      [-21, -17],
      [-14, -10],
      [-7, -3],
    ] as const)
      await addMeasurement(page, sidebar, {
        metric: 'Time per item (minutes)',
        pilot: false,
        start: dayFromToday(start),
        end: dayFromToday(end),
        value: '30',
        items: '40',
      });
    await addMeasurement(page, sidebar, {
      metric: 'Time per item (minutes)',
      pilot: true,
      start: dayFromToday(0),
      end: dayFromToday(0),
      value: '18',
      items: '41',
    });
    await expectAccessible(page, sidebar);
    // A privacy incident, recorded in the Measure view's incident form: the stop rule pauses the pilot.
    await press(page, sidebar, '#record-incident');
    expect(await focusedId(sidebar)).toBe('form-heading');
    await tabTo(page, sidebar, '#incident-what', 400);
    await page.keyboard.type('A draft quoted a family’s email address back to another family.');
    await tabTo(page, sidebar, '#incident-found', 400);
    await page.keyboard.type(typedDate(dayFromToday(0)));
    await tabTo(page, sidebar, '#incident-severity-0', 400);
    await page.keyboard.press('ArrowDown');
    await tabTo(page, sidebar, '#incident-dataInvolved', 400);
    await page.keyboard.press('ArrowDown');
    await press(page, sidebar, '#save-incident');
    await idle(sidebar);
    expect(await sidebar.$('#error-summary')).toBeNull();
    expect(await sidebar.textContent('#message')).toContain(
      'Recorded incident IN-0001. The pilot is paused.',
    );

    // 8. The pilot is paused by its stop rule; the sponsor, acting as herself, records the decision.
    await nextStep(page, sidebar, 'Next: 3. Pilot', 'pilot', 'pilot-heading');
    expect(await sidebar.textContent('#paused-because')).toContain('Incident IN-0001');
    sidebar = await actAs(page, 'E', 'rivera@district.example.org');
    // The sidebar reopens where the plan stands: no next step to take, the pilot's decision.
    await sidebar.waitForSelector('#pilot-heading');
    expect(await sidebar.getAttribute('#nav-pilot', 'aria-current')).toBe('page');
    expect(await sidebar.$('#next-step')).toBeNull();
    await expectAccessible(page, sidebar);
    await tabTo(page, sidebar, '#pilot-decision-0', 400);
    await page.keyboard.press('Space');
    await tabTo(page, sidebar, '#pilot-rationale', 400);
    await page.keyboard.type('Response time down 40% in the first week; one incident, handled.');
    await press(page, sidebar, '#record-decision');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe(
      'Recorded the decision: Scale, by Dr. Rivera (rivera@district.example.org).',
    );
    expect(await sidebar.textContent('#pilot-status')).toContain('Ended: Scale');
    await expectAccessible(page, sidebar);
    await page.screenshot({ path: 'build/walkthrough-decided.png', fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
