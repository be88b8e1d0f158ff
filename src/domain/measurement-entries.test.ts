import { metrics as metricsTemplate } from '../../sheets-templates/metrics';
import { describe, expect, it } from '@jest/globals';
import {
  checkCorrectionInput,
  checkWithdrawalInput,
  entryToChange,
  listEntries,
  periodTaken,
} from './measurement-entries';
import { readMeasurements } from './metrics';
import { readTableData } from './table';

const headers = metricsTemplate.columns.map((c) => c.header);
const keys = metricsTemplate.columns.map((c) => c.key);
const line = (cells: Record<string, unknown>) => keys.map((k) => cells[k] ?? '');
const row = (id: string, start: string, extra: Record<string, unknown> = {}) =>
  line({
    id,
    workflowId: 'WF-001',
    metric: 'Time per item (minutes)',
    window: 'Baseline',
    periodStart: start,
    periodEnd: start,
    value: 30,
    items: 40,
    enteredBy: 'ana@district.example.org',
    ...extra,
  });
const table = (...lines: unknown[][]) => readTableData(metricsTemplate, [headers, ...lines]);

const measurement = {
  metric: 'Time per item (minutes)',
  window: 'Baseline',
  periodStart: '2026-10-05',
  periodEnd: '2026-10-09',
  value: 30,
  items: 40,
  language: '',
  school: '',
  note: '',
};

describe('the entries the Measure view lists', () => {
  it('are the workflow’s rows with an ID, newest period first, each saying whether it counts', () => {
    const data = table(
      row('MS-0001', '2026-10-05'),
      row('MS-0002', '2026-10-19', { value: 'quick' }),
      row('MS-0003', '2026-10-12', {
        withdrawn: 'x',
        withdrawnBy: 'bo@district.example.org',
        withdrawnWhy: 'Typed twice',
      }),
      row('MS-0004', '2026-10-12', { workflowId: 'WF-002' }),
      row('', '2026-10-26'),
    );
    const { records } = readMeasurements(data);
    const entries = listEntries(data.rows, 'WF-001', records, () => '2026-10-20 09:00');
    expect(entries.map((e) => [e.id, e.periodStart, e.status])).toEqual([
      ['MS-0002', '2026-10-19', 'to fix'],
      ['MS-0003', '2026-10-12', 'withdrawn'],
      ['MS-0001', '2026-10-05', 'counts'],
    ]);
    expect(entries[1]?.withdrawn).toEqual({
      by: 'bo@district.example.org',
      when: '2026-10-20 09:00',
      why: 'Typed twice',
    });
    expect(entries[2]).toMatchObject({ value: 30, items: 40, enteredBy: 'ana@district.example.org' });
  });

  it('never count a withdrawn row, nor list it as a row to fix', () => {
    const { records, problems } = readMeasurements(
      table(row('MS-0001', '2026-10-05', { withdrawnWhy: 'Wrong team', value: 'n/a' })),
    );
    expect(records).toEqual([]);
    expect(problems).toEqual([]);
  });
});

describe('changing an entry', () => {
  const data = table(row('MS-0001', '2026-10-05'), row('MS-0002', '2026-10-12', { withdrawnBy: 'bo' }));

  it('finds the selected workflow’s entry, and refuses another workflow’s, an unknown or a withdrawn one', () => {
    expect(entryToChange(data.rows, 'WF-001', 'MS-0001')).toMatchObject({ ok: true, row: { row: 2 } });
    expect(entryToChange(data.rows, 'WF-002', 'MS-0001')).toEqual({
      ok: false,
      message: 'There is no entry MS-0001 for the selected workflow.',
    });
    expect(entryToChange(data.rows, 'WF-001', 'MS-0009')).toMatchObject({ ok: false });
    expect(entryToChange(data.rows, 'WF-001', 'MS-0002')).toEqual({
      ok: false,
      message: 'Entry MS-0002 is withdrawn: add a new entry instead.',
    });
  });

  it('refuses a period already measured by another counting entry, but not the entry itself', () => {
    const { records } = readMeasurements(data);
    const value = {
      metric: 'Time per item (minutes)',
      window: 'Baseline',
      periodStart: '2026-10-05',
    } as const;
    expect(periodTaken(records, 'WF-001', value, null)?.message).toBe(
      'Time per item (minutes) is already measured for the baseline period starting 2026-10-05 (MS-0001): correct that entry instead.',
    );
    expect(periodTaken(records, 'WF-001', value, 2)).toBeNull();
    // The withdrawn entry's period is free again.
    expect(periodTaken(records, 'WF-001', { ...value, periodStart: '2026-10-12' }, null)).toBeNull();
  });

  it('checks a correction as a new entry, with the entry’s ID', () => {
    expect(checkCorrectionInput({ ...measurement, id: 'MS-0001', value: 31 })).toMatchObject({
      ok: true,
      value: { id: 'MS-0001', value: 31 },
    });
    const refused = checkCorrectionInput({ ...measurement, id: '', value: 'lots' });
    expect(refused.ok ? [] : refused.errors.map((e) => e.field)).toEqual(['', 'value']);
  });

  it('needs why an entry is withdrawn', () => {
    expect(checkWithdrawalInput({ id: 'MS-0001', reason: ' Typed twice ' })).toEqual({
      ok: true,
      value: { id: 'MS-0001', reason: 'Typed twice' },
    });
    const refused = checkWithdrawalInput({ id: 'MS-0001', reason: '' });
    expect(refused.ok ? null : refused.errors).toEqual([
      { field: 'reason', message: 'Why it is withdrawn is required.' },
    ]);
  });
});
