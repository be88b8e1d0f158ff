import { describe, expect, it, jest } from '@jest/globals';
import type { Frame, Page } from 'playwright-core';
import {
  axeViolations,
  colleagueScores,
  collectErrors,
  idle,
  press,
  sidebarFrame,
  tabTo,
  usePlayground,
} from './browser';

jest.setTimeout(90_000);

const playground = usePlayground();

/** A set-up workspace with the sidebar open on the candidate list. */
async function openWorkflows(): Promise<{ page: Page; sidebar: Frame; errors: string[] }> {
  playground.server().playground.reset();
  playground.server().playground.actAs('coordinator@district.example.org');
  playground.server().playground.run('setUpWorkspace', []);
  const page = await playground.browser().newPage({ viewport: { width: 1280, height: 900 } });
  const errors = collectErrors(page);
  await page.goto(playground.server().url);
  const sidebar = await sidebarFrame(page);
  await sidebar.waitForSelector('#workflows-heading');
  return { page, sidebar, errors };
}

const focusedId = (sidebar: Frame) => sidebar.evaluate(() => document.activeElement?.id ?? '');
const cardText = (sidebar: Frame, name: string) =>
  sidebar.evaluate(
    (n) =>
      [...document.querySelectorAll('.workflow-card')].find((c) => c.querySelector('h3')?.textContent === n)
        ?.textContent ?? '',
    name,
  );

/** Chooses score `value` (1–5) in a criterion's radio group with the arrow keys, as a keyboard user does. */
async function chooseScore(page: Page, sidebar: Frame, criterion: string, value: number): Promise<void> {
  await tabTo(page, sidebar, `#score-${criterion}-0`, 200);
  await page.keyboard.press('Space');
  for (let i = 1; i < value; i += 1) await page.keyboard.press('ArrowDown');
}

function workflowsRow(name: string): string[] {
  const sheet = playground
    .server()
    .playground.view()
    .sheets.find((s) => s.name === 'Workflows');
  const header = sheet?.rows[0]?.map((c) => c.text) ?? [];
  const row = sheet?.rows.find((r) => r[header.indexOf('Workflow')]?.text === name) ?? [];
  return header.map((h, i) => `${h}=${row[i]?.checkbox ?? row[i]?.text ?? ''}`);
}

describe('choosing one workflow in the sidebar, by keyboard alone', () => {
  it('adds a candidate, scores it, sees it ranked and selects it', async () => {
    const { page, sidebar, errors } = await openWorkflows();
    expect(await sidebar.textContent('main')).toContain('FAQ drafting from approved materials');

    // A save with an empty name is refused with the reason, focused, and nothing is added.
    await press(page, sidebar, '#add-workflow');
    expect(await focusedId(sidebar)).toBe('form-heading');
    await press(page, sidebar, '#save-workflow');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('error-summary');
    expect(await sidebar.textContent('#error-summary')).toContain('The workflow name is required.');
    expect(await sidebar.getAttribute('#wf-name', 'aria-invalid')).toBe('true');
    expect(
      playground
        .server()
        .playground.view()
        .sheets.find((s) => s.name === 'Workflows')?.rows.length,
    ).toBe(5);

    await tabTo(page, sidebar, '#wf-name');
    await page.keyboard.type('Bus route questions');
    await tabTo(page, sidebar, '#wf-team');
    await page.keyboard.type('Transportation');
    await tabTo(page, sidebar, '#wf-dataTier');
    await page.keyboard.press('ArrowDown');
    await tabTo(page, sidebar, '#wf-familyFacing');
    await page.keyboard.press('Space');
    await press(page, sidebar, '#save-workflow');
    await idle(sidebar);
    expect(await sidebar.textContent('main')).not.toContain('Nothing was saved');
    expect(await focusedId(sidebar)).toBe('message');
    expect(await sidebar.textContent('#message')).toBe('Added “Bus route questions” as WF-005.');
    expect(await cardText(sidebar, 'Bus route questions')).toContain('Not scored yet');
    expect(workflowsRow('Bus route questions')).toEqual(
      expect.arrayContaining(['ID=WF-005', 'Team=Transportation', 'Data tier=Green', 'Family-facing=true']),
    );

    await press(page, sidebar, '#score-WF-005');
    expect(await focusedId(sidebar)).toBe('form-heading');
    await chooseScore(page, sidebar, 'common', 5);
    await chooseScore(page, sidebar, 'measurable', 4);
    await chooseScore(page, sidebar, 'risk', 4);
    await chooseScore(page, sidebar, 'pain', 4);
    await tabTo(page, sidebar, '#score-note');
    await page.keyboard.type('Same five questions every August.');
    await press(page, sidebar, '#save-score');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Saved your score for “Bus route questions”.');
    const card = await cardText(sidebar, 'Bus route questions');
    expect(card).toContain('Rank 1');
    expect(card).toContain('17 of 20');
    expect(card).toContain('Strong');
    expect(card).toContain('Needs a second scorer');
    expect(await sidebar.$eval('.workflow-card h3', (e) => e.textContent)).toBe('Bus route questions');
    colleagueScores(playground.server(), 'WF-005', [5, 4, 4, 4]);
    await press(page, sidebar, '#refresh-workflows');
    await idle(sidebar);
    expect(await cardText(sidebar, 'Bus route questions')).toContain('Eligible');

    await press(page, sidebar, '#select-WF-005');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Selected “Bus route questions”.');
    expect(await sidebar.textContent('.selected-summary')).toBe(
      'Selected for the pilot: Bus route questions',
    );
    expect(workflowsRow('Bus route questions')).toEqual(
      expect.arrayContaining(['Selected=true', 'Rank=1', 'Band=Strong', 'Eligible=Yes']),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('asks for confirmation and a reason before replacing the selection', async () => {
    const { page, sidebar, errors } = await openWorkflows();
    for (const [id, values] of [
      ['WF-001', [5, 4, 4, 4]],
      ['WF-003', [4, 4, 4, 3]],
    ] as const) {
      colleagueScores(playground.server(), id, values);
      playground.server().playground.run('saveScore', [
        {
          workflowId: id,
          scores: { common: values[0], measurable: values[1], risk: values[2], pain: values[3] },
          redFlags: [],
          fitsDay: 'yes',
          note: '',
          scorerName: null,
        },
      ]);
    }
    playground
      .server()
      .playground.run('selectWorkflow', [{ workflowId: 'WF-001', reason: '', confirmReplace: false }]);
    await press(page, sidebar, '#refresh-workflows');
    await idle(sidebar);

    await press(page, sidebar, '#select-WF-003');
    expect(await sidebar.textContent('#form-heading')).toBe('Replace the selected workflow?');
    await press(page, sidebar, '#confirm-replace');
    await idle(sidebar);
    expect(await focusedId(sidebar)).toBe('error-summary');
    expect(await sidebar.textContent('#error-summary')).toContain('say why');
    expect(workflowsRow('FAQ drafting from approved materials')).toContain('Selected=true');

    await tabTo(page, sidebar, '#replace-reason');
    await page.keyboard.type('The cabinet wants the newsletter first.');
    await press(page, sidebar, '#confirm-replace');
    await idle(sidebar);
    expect(await sidebar.textContent('#message')).toBe('Selected “Newsletter drafting with staff review”.');
    expect(workflowsRow('Newsletter drafting with staff review')).toContain('Selected=true');
    expect(workflowsRow('FAQ drafting from approved materials')).toContain('Selected=false');
    const log =
      playground
        .server()
        .playground.view()
        .sheets.find((s) => s.name === 'Log')?.rows ?? [];
    const replaced = log.find((row) => row.some((c) => c.text === 'Replaced the selected workflow'));
    expect(replaced?.map((c) => c.text)).toEqual(
      expect.arrayContaining(['Replaced the selected workflow', 'The cabinet wants the newsletter first.']),
    );
    expect(errors).toEqual([]);
    await page.close();
  });

  it('lets a second person score as themselves and shows the team consensus beside their own', async () => {
    const { page, sidebar, errors } = await openWorkflows();
    await press(page, sidebar, '#score-WF-001');
    for (const [criterion, value] of [
      ['common', 5],
      ['measurable', 5],
      ['risk', 4],
      ['pain', 4],
    ] as const)
      await chooseScore(page, sidebar, criterion, value);
    await press(page, sidebar, '#save-score');
    await idle(sidebar);

    const before = await page.getAttribute('#sidebar-iframe', 'src');
    await page.selectOption('#acting-as', 'principal@district.example.org');
    await page.waitForFunction(
      (src) => document.getElementById('sidebar-iframe')?.getAttribute('src') !== src,
      before,
    );
    const second = await sidebarFrame(page);
    await second.waitForSelector('#workflows-heading');
    expect(await cardText(second, 'FAQ drafting from approved materials')).toContain('1 scorer');
    await press(page, second, '#score-WF-001');
    expect(await second.textContent('#score-common legend')).toBe('Common (team: 5)');
    expect(await second.evaluate(() => document.querySelectorAll('input[type=radio]:checked').length)).toBe(
      0,
    );
    for (const [criterion, value] of [
      ['common', 3],
      ['measurable', 5],
      ['risk', 4],
      ['pain', 4],
    ] as const)
      await chooseScore(page, second, criterion, value);
    await press(page, second, '#save-score');
    await idle(second);
    const card = await cardText(second, 'FAQ drafting from approved materials');
    expect(card).toContain('2 scorers');
    expect(card).toContain('Scorers disagree on Common (3–5)');
    const scores =
      playground
        .server()
        .playground.view()
        .sheets.find((s) => s.name === 'Scores')?.rows ?? [];
    expect(scores.slice(1).map((r) => r[3]?.text)).toEqual([
      'coordinator@district.example.org',
      'principal@district.example.org',
    ]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows a name typed as markup as text', async () => {
    const { page, sidebar, errors } = await openWorkflows();
    await press(page, sidebar, '#add-workflow');
    await tabTo(page, sidebar, '#wf-name');
    await page.keyboard.type('<img src=x onerror="window.__injected=1">');
    await press(page, sidebar, '#save-workflow');
    await idle(sidebar);
    expect(await cardText(sidebar, '<img src=x onerror="window.__injected=1">')).toContain('Not scored yet');
    expect(await sidebar.evaluate(() => document.querySelectorAll('img').length)).toBe(0);
    expect(
      await sidebar.evaluate(() => (window as unknown as { __injected?: number }).__injected),
    ).toBeUndefined();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has no WCAG 2.1 AA violations on the list, the forms and the replace screen', async () => {
    const { page, sidebar, errors } = await openWorkflows();
    expect(await axeViolations(sidebar)).toEqual([]);
    await press(page, sidebar, '#add-workflow');
    await press(page, sidebar, '#save-workflow');
    await idle(sidebar);
    expect(await axeViolations(sidebar)).toEqual([]);
    await press(page, sidebar, '#cancel-workflow');
    await press(page, sidebar, '#score-WF-001');
    await press(page, sidebar, '#save-score');
    await idle(sidebar);
    expect(await sidebar.textContent('#error-summary')).toContain('Choose a score from 1 to 5 for “Common”.');
    expect(await axeViolations(sidebar)).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  });
});
