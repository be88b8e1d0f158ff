import { describe, expect, it, jest } from '@jest/globals';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
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

/** Where the screenshots go, to look at (not committed). */
const shots = process.env['SCREENSHOT_DIR'] ?? path.join(__dirname, '../../.screenshots');

const plan = {
  question: 'Does drafting from approved pages cut response time?',
  decisionInformed: 'Whether to use it for all front-office FAQs next term.',
  team: 'Communications office: 3 staff',
  inScope: 'Enrollment and calendar questions',
  outOfScope: 'Anything about an individual student',
  // Every period measured below is in the past: a period may not start after today.
  baselineStart: '2026-08-03',
  baselineEnd: '2026-08-28',
  pilotStart: '2026-08-31',
  pilotEnd: '2027-01-22',
  checkInDay: 'Friday',
  tool: 'District-licensed assistant, district accounts',
  agreement: 'Registry entry 14',
  sources: 'The public website FAQ pages',
  dataRule: 'Only the public FAQ pages go into the tool.',
  reviewRule: 'The communications lead reads every draft before it is sent.',
  humanOnly: 'Safety, legal, individual students',
  escalation: 'Jo Park',
  stopRule: 'Any privacy incident',
  communication: 'The December family newsletter explained how answers are drafted and reviewed.',
  feedback: 'The office feedback form',
};

/** A pilot under way: approved, started, four weeks measured against four of baseline. */
function runningPilot(): void {
  prepareReadyPlan(playground.server());
  call('savePilotPlan', plan);
  const answer = (to: string) => {
    const mail = playground
      .server()
      .playground.view()
      .outbox.find((m) => m.to === to);
    playground
      .server()
      .playground.reply({ messageId: mail?.messageId ?? '', from: to, body: 'APPROVE', failDmarc: false });
  };
  call('sendApprovalRequests');
  answer('sam@district.example.org');
  answer('pat.lee@district.example.org');
  call('checkRepliesFromPlanner');
  answer('rivera@district.example.org');
  call('checkRepliesFromPlanner');
  call('startPilot');
  const weeks = ['03', '10', '17', '24'];
  const add = (
    metric: string,
    window: string,
    month: string,
    day: string,
    value: number,
    items: number | null,
  ) =>
    call('saveMeasurement', {
      metric,
      window,
      periodStart: `${month}-${day}`,
      periodEnd: `${month}-${String(Number(day) + 4).padStart(2, '0')}`,
      value,
      items,
      note: '',
    });
  weeks.forEach((day, i) => {
    add('Time per item (minutes)', 'Baseline', '2026-08', day, 26 + i, 35);
    add('Response time (business hours)', 'Baseline', '2026-08', day, 9 - i * 0.2, 35);
    add(
      'Time per item (minutes)',
      'Pilot',
      '2026-11',
      String(2 + i * 7)
        .padStart(2, '0')
        .slice(-2),
      14 - i,
      36,
    );
    add(
      'Response time (business hours)',
      'Pilot',
      '2026-11',
      String(2 + i * 7)
        .padStart(2, '0')
        .slice(-2),
      6 - i * 0.5,
      36,
    );
    add(
      'Staff trust (% agreeing)',
      'Pilot',
      '2026-11',
      String(2 + i * 7)
        .padStart(2, '0')
        .slice(-2),
      67 + i * 8,
      6,
    );
    add(
      'Adoption (%)',
      'Pilot',
      '2026-11',
      String(2 + i * 7)
        .padStart(2, '0')
        .slice(-2),
      60 + i * 8,
      3,
    );
  });
}

describe('the leader view in the playground', () => {
  it('draws the Dashboard charts and the one-page Board summary at print size', async () => {
    runningPilot();
    mkdirSync(shots, { recursive: true });
    // Letter at 96 dpi: what a board member prints.
    const page = await playground.browser().newPage({ viewport: { width: 1400, height: 1056 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);

    await page.getByRole('tab', { name: 'Dashboard' }).click();
    await page.waitForSelector('.sheet-chart svg');
    const charts = await page.$$eval('.sheet-chart svg', (svgs) =>
      svgs.map((s) => s.getAttribute('aria-label') ?? ''),
    );
    expect(charts.map((label) => label.split('.')[0])).toEqual([
      'Change from baseline (%), measures with enough data',
      'Time per item (minutes), by week',
      'Staff trust (% agreeing), by week',
      'Governance checklist: required items',
      'Candidate workflows by team score (of 20)',
    ]);
    expect(charts[0]).toMatch(/Time per item \(minutes\): -\d+/);
    // Each chart draws its data: bars, a line, slices.
    expect(await page.$$eval('.sheet-chart:nth-of-type(1) rect', (r) => r.length)).toBeGreaterThan(2);
    expect(await page.$$eval('.sheet-chart polyline', (l) => l.length)).toBe(2);
    // The whole sheet at its own size, as it prints, without the playground's scroll box and notices.
    await page.addStyleTag({
      content:
        '#sheet-panel{max-height:none!important;overflow:visible!important} #toasts,#sidebar{display:none}',
    });
    await page.locator('#sheet-panel .grid').screenshot({ path: path.join(shots, 'dashboard.png') });
    expect(await axeViolations(page.mainFrame(), ['#sidebar-frame'])).toEqual([]);

    await page.getByRole('tab', { name: 'Board summary' }).click();
    await page.waitForSelector('td.wrap');
    const text = await page.locator('#sheet-panel table').innerText();
    expect(text).toContain('is running, Aug 31, 2026 to Jan 22, 2027');
    expect(text).toMatch(/Time per item \(minutes\) fell from [\d.]+ to [\d.]+ over 144 items\./);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}/);
    await page.locator('#sheet-panel .grid').screenshot({ path: path.join(shots, 'board-summary.png') });
    expect(errors).toEqual([]);
    await page.close();
  });
});

describe('sharing with leaders, by keyboard', () => {
  it('sends the summary only, and asks before sending outside the district', async () => {
    prepareReadyPlan(playground.server());
    const page = await playground.browser().newPage({ viewport: { width: 1280, height: 1000 } });
    const errors = collectErrors(page);
    await page.goto(playground.server().url);
    const sidebar = await sidebarFrame(page);
    await press(page, sidebar, '#nav-overview');
    await sidebar.waitForSelector('#share-heading');
    await idle(sidebar);
    await tabTo(page, sidebar, '#share-addresses', 400);
    await page.keyboard.type('chair@district.example.org, parent.rep@gmail.com');
    await press(page, sidebar, '#share-button');
    await sidebar.waitForSelector('#share-outside-error');
    expect(await sidebar.textContent('#share-outside-error')).toBe(
      'parent.rep@gmail.com is outside district.example.org. Confirm that you mean to send the plan there, or remove it.',
    );
    expect(await axeViolations(sidebar)).toEqual([]);
    await tabTo(page, sidebar, '#share-outside-confirm', 400);
    await page.keyboard.press('Space');
    await press(page, sidebar, '#share-button');
    await sidebar.waitForSelector('#message');
    expect(await sidebar.textContent('#message')).toContain('No access to the spreadsheet was granted.');
    const state = playground.server().playground;
    expect(
      state
        .view()
        .outbox.filter((m) => m.subject.includes('board summary'))
        .map((m) => m.to),
    ).toEqual(['parent.rep@gmail.com', 'chair@district.example.org']);
    // View access is the second choice, and says what a viewer sees.
    await tabTo(page, sidebar, '#share-access-0', 400);
    await page.keyboard.press('ArrowDown');
    await sidebar.waitForSelector('#share-viewers-see');
    expect(await sidebar.textContent('#share-viewers-see')).toContain(
      'the Log, with who changed what and when',
    );
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
