/**
 * Domain CPU on plain data, no fakes: scoring N workflows (three scores each) and computing readiness
 * over N checklist rows. What matters is the ratio between sizes: 8× the rows should cost about 8× the
 * time, never 64×.
 */
import { performance } from 'node:perf_hooks';
import { defaultChecklist } from '../sheets-templates/checklist';
import { governance } from '../sheets-templates/governance';
import { scores as scoresTemplate } from '../sheets-templates/scores';
import { workflows as workflowsTemplate } from '../sheets-templates/workflows';
import { readChecklist } from '../src/domain/checklist-records';
import { planChecklist } from '../src/domain/checklist-sync';
import { readiness } from '../src/domain/readiness';
import { equalWeights, scoreWorkflows } from '../src/domain/scoring';
import { readTableData } from '../src/domain/table';
import type { TableTemplate } from '../src/domain/workspace-template';
import { readScores, readWorkflows } from '../src/domain/workflow-records';

/** Values as a sheet read returns them: the header row, then one line per record. */
function grid(template: TableTemplate, records: readonly Record<string, unknown>[]): unknown[][] {
  const keys = template.columns.map((c) => c.key);
  return [
    template.columns.map((c) => c.header),
    ...records.map((record) => keys.map((key) => record[key] ?? '')),
  ];
}

const scorers = ['ana@district.example.org', 'ben@district.example.org', 'cy@district.example.org'];

function scoringInput(count: number): { workflows: unknown[][]; scores: unknown[][] } {
  const ids = Array.from({ length: count }, (_, i) => `WF-${String(i + 1).padStart(5, '0')}`);
  return {
    workflows: grid(
      workflowsTemplate,
      ids.map((id, i) => ({ id, name: `Workflow ${i + 1}`, selected: i === 0 })),
    ),
    scores: grid(
      scoresTemplate,
      ids.flatMap((workflowId, i) =>
        scorers.map((scorer, j) => ({
          id: `SC-${i * 3 + j}`,
          workflowId,
          scorer,
          common: 1 + (i % 5),
          measurable: 3,
          risk: 3 + (i % 3),
          pain: 4,
        })),
      ),
    ),
  };
}

function scoreAll(input: { workflows: unknown[][]; scores: unknown[][] }): number {
  const { workflows } = readWorkflows(readTableData(workflowsTemplate, input.workflows));
  const ids = new Set(workflows.flatMap((w) => (w.id ? [w.id] : [])));
  const { scores } = readScores(readTableData(scoresTemplate, input.scores), ids);
  return scoreWorkflows([...ids], scores, equalWeights).length;
}

function checklistInput(count: number): unknown[][] {
  const statuses = ['Not started', 'In progress', 'Done'];
  return grid(
    governance,
    Array.from({ length: count }, (_, i) => ({
      id: `GV-${String(i + 1).padStart(6, '0')}`,
      workflowId: 'WF-00001',
      category: 'District items',
      item: `District check ${i + 1}`,
      requirement: i % 2 === 0 ? 'Required' : 'Recommended',
      applies: 'Yes',
      ownerRole: 'Workflow owner',
      status: statuses[i % statuses.length],
    })),
  );
}

function assessChecklist(values: unknown[][]): number {
  const records = readChecklist(readTableData(governance, values), new Map());
  const [selected] = readWorkflows(
    readTableData(
      workflowsTemplate,
      grid(workflowsTemplate, [{ id: 'WF-00001', name: 'W', selected: true }]),
    ),
  ).workflows;
  planChecklist(defaultChecklist, selected ?? null, records, () => '');
  return readiness(records, () => '').gating;
}

/** The fastest of a few runs, in milliseconds, after one warm-up: the least disturbed by other work. */
function timed(body: () => unknown): number {
  body();
  const runs = Array.from({ length: 5 }, () => {
    const start = performance.now();
    body();
    return performance.now() - start;
  });
  return Math.min(...runs);
}

export function domainCpu(): { title: string; lines: string[] } {
  const lines: string[] = [];
  const compare = (what: string, small: number, large: number, run: (n: number) => () => unknown) => {
    const a = timed(run(small));
    const b = timed(run(large));
    lines.push(
      `  ${what.padEnd(34)}${`${small.toLocaleString('en-US')}: ${a.toFixed(1)} ms`.padStart(22)}${`${large.toLocaleString('en-US')}: ${b.toFixed(1)} ms`.padStart(24)}${`×${(b / a).toFixed(1)} for ×${large / small} rows`.padStart(24)}`,
    );
  };
  compare('Score workflows (3 scores each)', 1000, 8000, (n) => {
    const input = scoringInput(n);
    return () => scoreAll(input);
  });
  compare('Checklist sync and readiness', 4000, 32000, (n) => {
    const input = checklistInput(n);
    return () => assessChecklist(input);
  });
  return { title: 'Domain CPU (plain data, fastest of 5 runs)', lines };
}
