/**
 * npm run bench: spreadsheet service calls and modelled Apps Script time per action, side by side for
 * workspaces of different sizes, through the built bundle. Figures, not pass/fail: the tests assert
 * that calls do not grow with rows; this shows how many there are and what they cost.
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { workspaceTemplate } from '../sheets-templates';
import { BundleRuntime } from '../test/bundle/load-bundle';
import { FakeEnvironment } from '../test/fakes/environment';
import {
  addChecklistRows,
  addMeasurementRows,
  addScoredWorkflows,
  setCell,
  sheetNamed,
  tableTemplate,
  teamScorers,
  typeRows,
} from '../test/support/workspace';
import { addPendingRequests, readyWorkspace, requester } from '../test/support/approvals';
import { fillLog } from '../test/support/log';
import { checkApprovalReplies } from '../src/gas/approvals';
import { runCorpus } from '../test/reply-corpus/corpus';
import type { CallRecord } from '../test/fakes/calls';
import { appendToLog } from '../src/gas/audit-log-gateway';
import { gmailCalls, gmailReadWrites, gmailSends, model, SIDEBAR_ROUND_TRIP_MS } from './cost-model';
import type { AppsScript } from '../src/gas/apps-script';
import { saveMeasurement as saveMeasurementOnly } from '../src/gas/metrics';
import { saveScore as saveScoreOnly } from '../src/gas/workflow-board';
import { domainCpu } from './domain-cpu';

const root = path.resolve(__dirname, '..');
const code = readFileSync(path.join(root, 'dist/Code.js'), 'utf8');
const sidebar = readFileSync(path.join(root, 'dist/Sidebar.html'), 'utf8');
const tables = workspaceTemplate.sheets.filter((t) => t.kind === 'table').map((t) => t.name);

interface Measure {
  label: string;
  calls: Record<string, number>;
  cells: Record<string, number>;
  sequence: CallRecord[];
}

const taken = (env: FakeEnvironment, label: string): Measure => ({
  label,
  calls: env.calls.byMethod(),
  cells: env.calls.cellsByMethod(),
  sequence: [...env.calls.sequence],
});

function workspace(rows: number | null): { env: FakeEnvironment; runtime: BundleRuntime } {
  const env = new FakeEnvironment({ htmlFiles: { Sidebar: sidebar } });
  const runtime = new BundleRuntime(code, env);
  if (rows === null) return { env, runtime };
  runtime.run('setUpWorkspace');
  env.run((gas) => {
    for (const name of tables) {
      const sheet = sheetNamed(gas, name);
      sheet.insertRowsAfter(sheet.getMaxRows(), 1200 - sheet.getMaxRows());
    }
  });
  runtime.run('setUpWorkspace');
  for (const name of tables) typeRows(env, name, rows);
  return { env, runtime };
}

function measure(label: string, rows: number | null, action: (runtime: BundleRuntime) => void): Measure {
  const { env, runtime } = workspace(rows);
  env.calls.reset();
  action(runtime);
  return taken(env, label);
}

const sizes = [10, 100, 1000];
const label = (n: number) => `${n.toLocaleString('en-US')} rows`;

/** How each action is started: from the sidebar (a round trip), a menu, or a clock trigger. */
type Start = 'sidebar' | 'menu' | 'trigger';

function table(title: string, measures: Measure[], start: Start | boolean): void {
  const how: Start = start === true ? 'sidebar' : start === false ? 'menu' : start;
  const methods = [...new Set(measures.flatMap((m) => Object.keys(m.calls)))].sort();
  const width = Math.max(36, ...methods.map((m) => m.length + 2));
  const column = 12;
  const line = (name: string, values: string[]) =>
    console.log(name.padEnd(width) + values.map((v) => v.padStart(column)).join(''));
  console.log(`\n${title}`);
  line(
    '',
    measures.map((m) => m.label),
  );
  for (const method of methods)
    line(
      `  ${method}`,
      measures.map((m) => String(m.calls[method] ?? 0)),
    );
  const sum = (record: Record<string, number>) => Object.values(record).reduce((a, b) => a + b, 0);
  line(
    'total calls',
    measures.map((m) => String(sum(m.calls))),
  );
  line(
    'cells (or Gmail items) read or written',
    measures.map((m) => sum(m.cells).toLocaleString('en-US')),
  );
  line(
    'flushes (a read after pending writes)',
    measures.map((m) => String(model(m.sequence).flushes)),
  );
  const extra = how === 'sidebar' ? ' (incl. round trip)' : how === 'trigger' ? ' (incl. start-up)' : '';
  line(
    `modelled time${extra}`,
    measures.map(
      (m) =>
        `${((model(m.sequence, { trigger: how === 'trigger' }).ms + (how === 'sidebar' ? SIDEBAR_ROUND_TRIP_MS : 0)) / 1000).toFixed(1)} s`,
    ),
  );
}

// First, while the heap is small: the tables below keep many worlds alive, and their garbage
// collection would be counted against the larger domain case.
const cpu = domainCpu();

console.log(
  'AI Plan Workspace — benchmarks (spreadsheet calls counted on the fakes; time from bench/cost-model.ts)',
);

table(
  'Set up workspace (menu): a new spreadsheet, then re-runs over N user rows in every table sheet',
  [
    measure('new', null, (r) => r.run('setUpWorkspace')),
    ...sizes.map((n) => measure(label(n), n, (r) => r.run('setUpWorkspace'))),
  ],
  false,
);

table(
  'Open planner: workspace status (sidebar call)',
  sizes.map((n) => measure(label(n), n, (r) => r.run('getWorkspaceStatus'))),
  true,
);

/** Runs one action through the bundle with the call counters reset; a refused action stops the bench. */
function measureAction(
  label: string,
  world: { env: FakeEnvironment; runtime: BundleRuntime },
  action: (r: BundleRuntime) => unknown,
): Measure {
  world.env.calls.reset();
  const result = action(world.runtime) as { ok?: boolean } | undefined;
  if (result && result.ok === false)
    throw new Error(`the benchmarked action was refused: ${JSON.stringify(result)}`);
  return taken(world.env, label);
}

/** N workflows scored by three people each, and the first one selected, as a team would leave it. */
function scoredWorkspace(count: number): { env: FakeEnvironment; runtime: BundleRuntime } {
  const env = new FakeEnvironment({ htmlFiles: { Sidebar: sidebar } });
  const runtime = new BundleRuntime(code, env);
  runtime.run('setUpWorkspace');
  addScoredWorkflows(env, count);
  runtime.run('selectWorkflow', [{ workflowId: 'WF-0010', reason: '', confirmReplace: false }]);
  return { env, runtime };
}

function measureWorkflows(count: number, action: (runtime: BundleRuntime) => unknown): Measure {
  return measureAction(`${count.toLocaleString('en-US')} wf`, scoredWorkspace(count), action);
}

const scoreInput = {
  workflowId: 'WF-0011',
  scores: { common: 4, measurable: 4, risk: 4, pain: 4 },
  redFlags: [],
  fitsDay: 'yes',
  note: 'Benchmark score',
  scorerName: null,
};
const asScorer = { user: teamScorers[0], activeUserEmail: teamScorers[0] };
const asSecondScorer = { user: teamScorers[1], activeUserEmail: teamScorers[1] };

table(
  'Open planner: the workflow board, N workflows with 3 scores each (sidebar call)',
  sizes.map((n) => measureWorkflows(n, (r) => r.run('getWorkflowBoard'))),
  true,
);

table(
  'Save a score (replaces the scorer’s row; recomputes and writes every workflow’s team score)',
  sizes.map((n) => measureWorkflows(n, (r) => r.run('saveScore', [scoreInput], asScorer))),
  true,
);

table(
  'Save a score with the Log empty and with 20,000 rows (appending never reads the Log)',
  [0, 20000].map((rows) => {
    const world = scoredWorkspace(10);
    if (rows > 0) fillLog(world.env, rows);
    return measureAction(rows === 0 ? 'Log empty' : '20,000 rows', world, (r) =>
      r.run('saveScore', [scoreInput], asScorer),
    );
  }),
  true,
);

table(
  'Select a workflow (replacing the selection, with a reason; logged)',
  sizes.map((n) =>
    measureWorkflows(n, (r) =>
      r.run('selectWorkflow', [{ workflowId: 'WF-0011', reason: 'Benchmark', confirmReplace: true }]),
    ),
  ),
  true,
);

/**
 * A governed workspace: FAQ drafting selected with its checklist, plus N rows the district added to it,
 * and the newsletter scored so it can be selected next.
 */
function checklistWorkspace(rows: number): { env: FakeEnvironment; runtime: BundleRuntime; g01: string } {
  const env = new FakeEnvironment({ htmlFiles: { Sidebar: sidebar } });
  const runtime = new BundleRuntime(code, env);
  runtime.run('setUpWorkspace');
  // Two people score each: a selection needs at least two scorers.
  for (const workflowId of ['WF-001', 'WF-003'])
    for (const who of [asScorer, asSecondScorer])
      runtime.run('saveScore', [{ ...scoreInput, workflowId }], who);
  runtime.run('selectWorkflow', [{ workflowId: 'WF-001', reason: '', confirmReplace: false }]);
  addChecklistRows(env, 'WF-001', rows);
  const board = runtime.run('getGovernanceBoard') as { rows: { id: string; code: string }[] };
  return { env, runtime, g01: board.rows.find((row) => row.code === 'G01')?.id ?? '' };
}

function measureChecklist(rows: number, action: (runtime: BundleRuntime, g01: string) => unknown): Measure {
  const world = checklistWorkspace(rows);
  return measureAction(`${rows.toLocaleString('en-US')} rows`, world, (r) => action(r, world.g01));
}

const checklistSizes = [40, 400, 4000];

table(
  'Generate a checklist: select another workflow over N checklist rows (marks the old rows, adds the new)',
  checklistSizes.map((n) =>
    measureChecklist(n, (r) =>
      r.run('selectWorkflow', [{ workflowId: 'WF-003', reason: 'Benchmark', confirmReplace: true }]),
    ),
  ),
  true,
);

table(
  'Update a checklist status (Done, with evidence; logged)',
  checklistSizes.map((n) =>
    measureChecklist(n, (r, id) =>
      r.run('updateChecklistItem', [
        {
          id,
          status: 'Done',
          evidence: 'https://district.example.org/memo',
          naReason: '',
          due: '',
          owner: '',
        },
      ]),
    ),
  ),
  true,
);

table(
  'Compute readiness: open the Governance view over N checklist rows',
  checklistSizes.map((n) => measureChecklist(n, (r) => r.run('getGovernanceBoard'))),
  true,
);

/** A ready plan, through the bundle: the bundle runs over the same fakes the helpers prepared. */
function approvalRuntime(prepare: (env: FakeEnvironment) => void): {
  env: FakeEnvironment;
  runtime: BundleRuntime;
} {
  const ready = readyWorkspace();
  prepare(ready);
  const env = new FakeEnvironment({ state: ready.state, htmlFiles: { Sidebar: sidebar } });
  return { env, runtime: new BundleRuntime(code, env) };
}

function measureApproval(
  label: string,
  prepare: (env: FakeEnvironment) => void,
  action: (r: BundleRuntime) => unknown,
): Measure {
  return measureAction(label, approvalRuntime(prepare), action);
}

const asRequester = { user: requester, activeUserEmail: requester };

table(
  'Send a step of 5 approvers (approval chain step 1 with five roles)',
  [
    measureApproval(
      '5 emails',
      (env) => {
        const row = 2 + tableTemplate('Settings').defaultRows.findIndex((r) => r.values['id'] === 'step.1');
        const roles =
          'Technology director, Privacy officer, Legal counsel, Communications director, Security lead';
        setCell(env, 'Settings', row, 'value', roles);
      },
      (r) => r.run('sendApprovalRequests', [], asRequester),
    ),
  ],
  true,
);

/** The hourly trigger as Apps Script fires it: a clock run of the requester, with no active spreadsheet. */
const asClock = { user: requester, kind: 'trigger' as const };

/** A world with N requests waiting (with or without a reply each), on the requester's waiting list. */
function waitingWorld(n: number, replies: boolean): (env: FakeEnvironment) => void {
  return (env) => {
    addPendingRequests(env, n, false);
    // The planner's own check puts the spreadsheet on the requester's list, as a send would.
    env.run((gas) => checkApprovalReplies(gas, { now: env.now() }), { user: requester });
    if (replies) replyToAll(env);
  };
}

/** An APPROVE reply to every load-test request, in the requester's mailbox. */
function replyToAll(env: FakeEnvironment): void {
  for (const request of env.mail.sent().filter((m) => m.subject.includes('[AI Plan AP-T')))
    env.mail.deliver({
      to: requester,
      from: request.to,
      inReplyToMessageId: request.messageId,
      body: 'APPROVE',
    });
}

const replyWorlds = [10, 100, 500].map((n) => ({ n, world: approvalRuntime(waitingWorld(n, true)) }));
const replyRuns = replyWorlds.map(({ n, world }) =>
  measureAction(`${n} replies`, world, (r) => r.run('checkApprovalRepliesHourly', [], asClock)),
);
/** The Gmail reads of the 23 hourly runs after the one that read the replies, in the same world. */
const laterHours = replyWorlds.map(({ world }) =>
  Array.from({ length: 23 }, () =>
    gmailReadWrites(
      measureAction('', world, (r) => r.run('checkApprovalRepliesHourly', [], asClock)).sequence,
    ),
  ),
);
const quietRuns = [10, 100, 500].map((n) =>
  measureApproval(`${n}, quiet`, waitingWorld(n, false), (r) =>
    r.run('checkApprovalRepliesHourly', [], asClock),
  ),
);
table(
  'Hourly run (clock trigger, no active spreadsheet): N requests waiting, each with a reply to read; then N with none',
  [...replyRuns, ...quietRuns],
  'trigger',
);
console.log(
  '\nGmail calls reading the replies and sending their receipts. The daily read/write quota (20,000 consumer,\n' +
    '50,000 Workspace) counts every Gmail call but the sends, which count as recipients (100 / 1,500 a day):',
);
for (const [i, n] of [10, 100, 500].entries()) {
  const busy = replyRuns[i]?.sequence ?? [];
  const later = laterHours[i] ?? [];
  const all = gmailCalls(busy);
  const sends = gmailSends(busy);
  const reads = gmailReadWrites(busy);
  console.log(
    `  ${String(n).padStart(3)} waiting replies: ${all} Gmail calls (${(all / n).toFixed(2)} a reply): ` +
      `${reads} reads (${(reads / n).toFixed(2)} a reply) and ${sends} sends. Reads a day, that run and the 23 ` +
      `hourly runs after it: ${(reads + later.reduce((a, b) => a + b, 0)).toLocaleString('en-US')} ` +
      `(the next hour ${later[0] ?? 0}, then ${later[1] ?? 0} an hour)`,
  );
}
for (const [i, n] of [10, 100, 500].entries()) {
  const quiet = quietRuns[i]?.sequence ?? [];
  console.log(
    `  ${String(n).padStart(3)} requests waiting, no reply: ${gmailReadWrites(quiet)} reads an hour, ` +
      `${(24 * gmailReadWrites(quiet)).toLocaleString('en-US')} a day`,
  );
}

/** A selected workflow with N measurement rows typed into Metrics. */
function metricsWorkspace(rows: number): { env: FakeEnvironment; runtime: BundleRuntime } {
  const { env, runtime } = scoredWorkspace(10);
  addMeasurementRows(env, 'WF-0010', rows);
  return { env, runtime };
}

function measureMetrics(rows: number, action: (r: BundleRuntime) => unknown): Measure {
  return measureAction(`${rows.toLocaleString('en-US')} rows`, metricsWorkspace(rows), action);
}

table(
  'Save a measurement (and apply the stop rules) over N measurement rows',
  sizes.map((n) =>
    measureMetrics(n, (r) =>
      r.run('saveMeasurement', [
        {
          metric: 'Adoption (%)',
          window: 'Pilot',
          periodStart: '2026-06-01',
          periodEnd: '2026-06-05',
          value: 80,
          items: 30,
          note: '',
        },
      ]),
    ),
  ),
  true,
);

/** An entry typed into the sheet (the first of `addMeasurementRows`), corrected or withdrawn. */
const correction = {
  id: 'MS-T0',
  metric: 'Items handled per week',
  window: 'Baseline',
  periodStart: '2026-01-01',
  periodEnd: '2026-01-01',
  value: 51,
  items: 30,
  language: '',
  school: '',
  note: '',
};
table(
  'Correct a measurement entry (same checks as a new one; stop rules) over N measurement rows',
  sizes.map((n) => measureMetrics(n, (r) => r.run('correctMeasurement', [correction]))),
  true,
);
table(
  'Withdraw a measurement entry (kept with who, when, why; stop rules) over N measurement rows',
  sizes.map((n) =>
    measureMetrics(n, (r) => r.run('withdrawMeasurement', [{ id: 'MS-T0', reason: 'Twice' }])),
  ),
  true,
);

/**
 * The leader view in the action's own commit: the calls the entry point (which also writes the
 * Dashboard and the Board summary) makes beyond the same action run without it, over N rows.
 */
function leaderViewCost(
  rows: number,
  label: string,
  entry: string,
  bare: (gas: AppsScript) => unknown,
  args: unknown[],
): Measure {
  const full = measureMetrics(rows, (r) => r.run(entry, args));
  const world = metricsWorkspace(rows);
  world.env.calls.reset();
  world.env.run((gas) => bare(gas));
  const without = world.env.calls.byMethod();
  const calls = Object.fromEntries(
    [...new Set([...Object.keys(full.calls), ...Object.keys(without)])]
      .map((k) => [k, (full.calls[k] ?? 0) - (without[k] ?? 0)] as const)
      .filter(([, v]) => v !== 0),
  );
  // The calls it adds, in no particular order (so no flush is charged for them).
  const sequence = Object.entries(calls).flatMap(([name, n]) =>
    Array.from({ length: Math.max(n, 0) }, () => ({ name, cells: 0 })),
  );
  return { label: `${label} ${rows.toLocaleString('en-US')}`, calls, cells: {}, sequence };
}

const measurementInput = {
  metric: 'Adoption (%)',
  window: 'Pilot',
  periodStart: '2026-06-01',
  periodEnd: '2026-06-05',
  value: 80,
  items: 30,
  note: '',
};

table(
  'The leader view (Dashboard and Board summary) written in the action’s own commit: calls it adds (budget 12), at N rows',
  [10, 1000].flatMap((n) => [
    leaderViewCost(n, 'meas', 'saveMeasurement', (gas) => saveMeasurementOnly(gas, measurementInput), [
      measurementInput,
    ]),
    leaderViewCost(n, 'score', 'saveScore', (gas) => saveScoreOnly(gas, scoreInput), [scoreInput]),
  ]),
  false,
);

/**
 * One request waiting (no reply yet), so the hourly run visits the spreadsheet, with N measurement rows
 * and the leader view in steady state.
 */
function measureHourlyQuiet(rows: number): Measure {
  return measureApproval(
    `${rows.toLocaleString('en-US')} rows`,
    (env) => {
      addMeasurementRows(env, 'WF-001', rows);
      waitingWorld(1, false)(env);
    },
    (r) => r.run('checkApprovalRepliesHourly', [], asClock),
  );
}

const quietHours = sizes.map(measureHourlyQuiet);
table(
  'Hourly run, one request waiting, no reply and nothing due, over N measurement rows',
  quietHours,
  'trigger',
);
const callsOf = (m: Measure | undefined) => Object.values(m?.calls ?? {}).reduce((a, b) => a + b, 0);
console.log(
  `  An hour with no reply and nothing due: ${quietHours.map((m) => `${callsOf(m)} calls at ${m.label}`).join(', ')} ` +
    `(budget 50; it writes nothing and leaves the leader view as it is). Each request waiting adds 2 Gmail ` +
    `calls up to 20 (${quietRuns.map((m) => `${callsOf(m)} with ${m.label}`).join(', ')} waiting).`,
);

/** N entries already in the Log, written as the add-on writes them (chained and signed). */
function addLogEntries(env: FakeEnvironment, count: number): void {
  env.run((gas) => {
    const spreadsheet = gas.SpreadsheetApp.getActiveSpreadsheet();
    if (!spreadsheet) throw new Error('no spreadsheet');
    const events = Array.from({ length: count }, (_, i) => ({
      who: requester,
      action: 'Benchmark entry',
      subject: `B-${i}`,
      before: '',
      after: '',
      note: 'Filler for the 20,000-row Log benchmark.',
    }));
    appendToLog(gas, spreadsheet, events, env.now());
  });
}

const logSizes = [0, 20000];
table(
  'A logged action (save a measurement) with N entries already in the Log',
  logSizes.map((n) => {
    const world = metricsWorkspace(10);
    if (n > 0) addLogEntries(world.env, n);
    return measureAction(`${n.toLocaleString('en-US')} Log`, world, (r) =>
      r.run('saveMeasurement', [
        {
          metric: 'Adoption (%)',
          window: 'Pilot',
          periodStart: '2026-06-01',
          periodEnd: '2026-06-05',
          value: 80,
          items: 30,
          note: '',
        },
      ]),
    );
  }),
  true,
);

table(
  'Hourly run, 10 replies to read, with N entries already in the Log',
  logSizes.map((n) =>
    measureApproval(
      `${n.toLocaleString('en-US')} Log`,
      (env) => {
        waitingWorld(10, true)(env);
        if (n > 0) addLogEntries(env, n);
      },
      (r) => r.run('checkApprovalRepliesHourly', [], asClock),
    ),
  ),
  'trigger',
);

table(
  'Open the Measure view: summaries and stop rules over N measurement rows',
  sizes.map((n) => measureMetrics(n, (r) => r.run('getMetricsBoard'))),
  true,
);

const corpusPath =
  process.env['EMAIL_REPLY_CORPUS'] ?? path.resolve(root, '../shared/corpora/email-replies/cases.json');
if (existsSync(corpusPath)) {
  const report = runCorpus(corpusPath);
  console.log('\nReply reader over the public corpus');
  console.log(
    `  ${report.passed}/${report.total} cases pass; ${Math.round(report.casesPerSecond).toLocaleString('en-US')} cases a second; slowest ${report.slowest.ms.toFixed(1)} ms (${report.slowest.name}; bound 1,000 ms for a hostile input)`,
  );
} else {
  console.log(`\nReply reader: the public corpus is not at ${corpusPath}; set EMAIL_REPLY_CORPUS.`);
}

console.log(`\n${cpu.title}`);
for (const line of cpu.lines) console.log(line);

const kb = (text: string) =>
  `${(Buffer.byteLength(text) / 1024).toFixed(1)} KB (${(gzipSync(text).length / 1024).toFixed(1)} KB gzipped)`;
console.log('\nBundle sizes');
console.log(`  dist/Code.js       ${kb(code)}`);
console.log(`  dist/Sidebar.html  ${kb(sidebar)}`);
