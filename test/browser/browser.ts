import { afterAll, beforeAll } from '@jest/globals';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { chromium, type Browser, type CDPSession, type Frame, type Page } from 'playwright-core';
import { servePlayground, type PlaygroundServer } from '../../playground/http-server';
import type { PlaygroundSnapshot } from '../../playground/playground';

/**
 * Debian's Chromium, driven by playwright-core (no browser download): its headless shell where it is
 * installed (package chromium-headless-shell, the same Blink as the browser without its window
 * system: the browser tests took a fifth less time in it), else the browser itself.
 */
const HEADLESS_SHELL = '/usr/lib/chromium/chromium-headless-shell';
export const CHROMIUM =
  process.env['CHROMIUM_PATH'] ?? (existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : '/usr/bin/chromium');

export async function launchBrowser(): Promise<Browser> {
  if (!existsSync(CHROMIUM)) {
    throw new Error(
      `Chromium is not at ${CHROMIUM}. Install it with: sudo apt-get install -y chromium-headless-shell (or chromium, or set CHROMIUM_PATH).`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--no-sandbox',
      '--disable-background-networking',
      '--disable-gpu',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/** A playground on a free localhost port, over a fresh in-memory workspace. */
export function startPlayground(): Promise<PlaygroundServer> {
  const root = path.resolve(__dirname, '../..');
  return servePlayground({
    port: 0,
    distDir: path.join(root, 'dist'),
    stateFile: null,
    log: () => undefined,
  });
}

/** Console errors and uncaught exceptions on the page and in its frames. */
export function collectErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error') errors.push(`${message.location().url}: ${message.text()}`);
  });
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

export async function sidebarFrame(page: Page): Promise<Frame> {
  const handle = await page.waitForSelector('#sidebar-iframe');
  const frame = await handle.contentFrame();
  if (!frame) throw new Error('the sidebar frame has no content');
  await frame.waitForSelector('#app[aria-busy="false"]');
  return frame;
}

const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/**
 * axe-core against WCAG 2.0/2.1 A and AA, in one document (frames are checked on their own). axe is
 * added to a document once (a reloaded frame gets it again). Only violations are processed in full
 * (`resultTypes`): every rule still runs on every node, but axe skips building selectors for the
 * thousands of nodes that pass, which took most of a run on the playground page.
 */
export async function axeViolations(frame: Frame, exclude: string[] = []): Promise<AxeViolation[]> {
  if (!(await frame.evaluate(() => 'axe' in window))) await frame.addScriptTag({ content: axeSource });
  return frame.evaluate(async (excluded) => {
    const axe = (
      window as unknown as {
        axe: { run: (context: unknown, options: unknown) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(
      { include: [document], exclude: excluded.map((s) => [s]) },
      {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        iframes: false,
        resultTypes: ['violations'],
      },
    );
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => ({ target: n.target })),
    }));
  }, exclude);
}

/** Presses Tab until `selector` in `frame` has focus; fails if it cannot be reached by keyboard. */
export async function tabTo(page: Page, frame: Frame, selector: string, maxPresses = 40): Promise<void> {
  const focused = `document.activeElement === document.querySelector(${JSON.stringify(selector)})`;
  for (let i = 0; i < maxPresses; i += 1) {
    if (await evaluateIn(page, frame, focused)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`${selector} could not be reached with the Tab key`);
}

const sessions = new WeakMap<Page, Promise<CDPSession>>();
const worlds = new WeakMap<Frame, { url: string; context: number }>();

/**
 * `expression`'s value in `frame`, by one DevTools call in a world of its own (same document, own
 * globals). `tabTo` asks after every press, hundreds of times a file: `frame.evaluate` cost Chromium
 * and Node about twice as much each time. A frame whose address is not unique takes `frame.evaluate`.
 */
async function evaluateIn(page: Page, frame: Frame, expression: string): Promise<unknown> {
  let session = sessions.get(page);
  if (!session) {
    session = page.context().newCDPSession(page);
    sessions.set(page, session);
  }
  const cdp = await session;
  for (let attempt = 0; attempt < 2; attempt += 1) {
    let world = worlds.get(frame);
    if (!world || world.url !== frame.url()) {
      const frameId = await frameIdOf(cdp, frame);
      if (frameId === null) return frame.evaluate(expression);
      const { executionContextId } = await cdp.send('Page.createIsolatedWorld', { frameId });
      world = { url: frame.url(), context: executionContextId };
      worlds.set(frame, world);
    }
    try {
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression,
        contextId: world.context,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value;
    } catch (error) {
      // The frame's document was replaced since (its world went with it): make one in the new one.
      if (attempt > 0 || !String(error).includes('Cannot find context')) throw error;
      worlds.delete(frame);
    }
  }
  return undefined;
}

async function frameIdOf(cdp: CDPSession, frame: Frame): Promise<string | null> {
  type Tree = { frame: { id: string; url: string; name?: string }; childFrames?: Tree[] };
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: Tree };
  const matches: string[] = [];
  const visit = (tree: Tree): void => {
    if (tree.frame.url === frame.url() && (tree.frame.name ?? '') === frame.name())
      matches.push(tree.frame.id);
    tree.childFrames?.forEach(visit);
  };
  visit(frameTree);
  return matches.length === 1 ? (matches[0] ?? null) : null;
}

/**
 * One Chromium and one playground for a test file: started before its tests, closed after them.
 * Returns getters, since both exist only once `beforeAll` has run.
 */
export function usePlayground(): { browser: () => Browser; server: () => PlaygroundServer } {
  let browser: Browser | undefined;
  let server: PlaygroundServer | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    server = await startPlayground();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started`);
    return value;
  };
  return { browser: () => need(browser, 'the browser'), server: () => need(server, 'the playground') };
}

/** Runs a server function in the playground as the sidebar would, failing the test if it fails. */
export function runInPlayground<T = unknown>(server: PlaygroundServer, name: string, ...args: unknown[]): T {
  const outcome = server.playground.run(name, args);
  if (!outcome.ok) throw new Error(`${name} failed: ${outcome.message}`);
  return outcome.value as T;
}

/** Waits for the sidebar to finish a server call. */
/** A colleague scores a workflow (a selection needs two scorers); the coordinator acts again after. */
export function colleagueScores(
  server: PlaygroundServer,
  workflowId: string,
  [common, measurable, risk, pain]: readonly number[],
): void {
  server.playground.actAs('principal@district.example.org');
  runInPlayground(server, 'saveScore', {
    workflowId,
    scores: { common, measurable, risk, pain },
    redFlags: [],
    fitsDay: 'yes',
    note: '',
    scorerName: null,
  });
  server.playground.actAs('coordinator@district.example.org');
}

export const idle = (sidebar: Frame) => sidebar.waitForSelector('#app[aria-busy="false"]');

/** Tabs to a control and presses Enter on it, as a keyboard user does. */
export async function press(page: Page, frame: Frame, selector: string, maxPresses = 400): Promise<void> {
  await tabTo(page, frame, selector, maxPresses);
  await page.keyboard.press('Enter');
}

/** FAQ drafting (WF-001) scored 5/4/4/4 by the acting user and by a colleague, then selected. */
export function selectExampleWorkflow(server: PlaygroundServer): void {
  runInPlayground(server, 'saveScore', {
    workflowId: 'WF-001',
    scores: { common: 5, measurable: 4, risk: 4, pain: 4 },
    redFlags: [],
    fitsDay: 'yes',
    note: '',
    scorerName: null,
  });
  colleagueScores(server, 'WF-001', [5, 4, 4, 4]);
  runInPlayground(server, 'selectWorkflow', { workflowId: 'WF-001', reason: '', confirmReplace: false });
}

/**
 * The playground as a newcomer leaves it after phase 2: set up as the coordinator, example people in
 * Settings, FAQ drafting scored and selected, every required checklist item done and the pilot plan written.
 */
export function prepareReadyPlan(server: PlaygroundServer): void {
  preparedOnce(server, 'ready plan', () => buildReadyPlan(server));
}

function buildReadyPlan(server: PlaygroundServer): void {
  server.playground.reset();
  server.playground.actAs('coordinator@district.example.org');
  runInPlayground(server, 'setUpWorkspace');
  const people = server.playground.fillExamplePeople();
  if (!people.ok) throw new Error(people.message);
  server.playground.useParallelReviewChain();
  selectExampleWorkflow(server);
  const board = runInPlayground<{ rows: { id: string; gating: boolean }[] }>(server, 'getGovernanceBoard');
  for (const row of board.rows.filter((r) => r.gating)) {
    runInPlayground(server, 'updateChecklistItem', {
      id: row.id,
      status: 'Done',
      evidence: 'Memo in the district drive',
      naReason: '',
      due: '',
      owner: '',
      verifiedBy: '',
    });
  }
  runInPlayground(server, 'savePilotPlan', readyPilotPlan());
}

/**
 * The playground as a newcomer leaves it after set-up and a selection: FAQ drafting scored by two
 * people and selected, so its checklist exists.
 */
export function prepareSelectedWorkflow(server: PlaygroundServer): void {
  preparedOnce(server, 'selected workflow', () => {
    server.playground.reset();
    runInPlayground(server, 'setUpWorkspace');
    selectExampleWorkflow(server);
  });
}

const prepared = new WeakMap<PlaygroundServer, Map<string, PlaygroundSnapshot>>();

/**
 * Runs `prepare` the first time a test file asks for the workspace it makes, and puts back what it
 * left on later calls (a copy; as the coordinator): preparing takes dozens of server calls, and
 * several tests of a file start from the same workspace.
 */
function preparedOnce(server: PlaygroundServer, name: string, prepare: () => void): void {
  let snapshots = prepared.get(server);
  if (!snapshots) {
    snapshots = new Map();
    prepared.set(server, snapshots);
  }
  const snapshot = snapshots.get(name);
  if (snapshot) {
    server.playground.actAs('coordinator@district.example.org');
    server.playground.restore(snapshot);
    return;
  }
  prepare();
  snapshots.set(name, server.playground.snapshot());
}

/** A day `offset` days from today in the playground spreadsheet's time zone, as yyyy-mm-dd. */
export function dayFromToday(offset: number): string {
  const at = new Date(Date.now() + offset * 86_400_000);
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'America/Chicago' }).format(at);
}

/** A complete pilot plan around today: four weeks of baseline before, eight weeks of pilot from today. */
export function readyPilotPlan(): Record<string, string> {
  return {
    question: 'Does drafting from approved pages cut response time?',
    decisionInformed: 'Whether to use it for all front-office FAQs next term.',
    team: 'Communications office: 3 staff',
    inScope: 'Enrollment and calendar questions',
    outOfScope: 'Anything about an individual student',
    baselineStart: dayFromToday(-28),
    baselineEnd: dayFromToday(-1),
    pilotStart: dayFromToday(0),
    pilotEnd: dayFromToday(55),
    checkInDay: 'Friday',
    tool: 'District-licensed assistant, district accounts',
    agreement: 'Registry entry 14',
    sources: 'The public website FAQ pages',
    dataRule: 'Only the public FAQ pages go into the tool.',
    reviewRule: 'The communications lead reads every draft before it is sent.',
    humanOnly: 'Safety, legal, individual students',
    escalation: 'Jo Park',
    stopRule: 'Any privacy incident',
    communication: 'The family newsletter explains how answers are drafted and reviewed.',
    feedback: 'The office feedback form',
  };
}
