import { describe, expect, it } from '@jest/globals';
import { keepInWindows, noWindows, periodFieldError, periodOutsideWindow } from './measurement-windows';
import type { MeasurementRecord } from './metrics';

const plan = {
  baselineStart: '2026-10-05',
  baselineEnd: '2026-10-30',
  pilotStart: '2026-11-02',
  pilotEnd: '2026-12-18',
};
const today = '2026-11-20';

const record = (
  row: number,
  window: 'Baseline' | 'Pilot',
  start: string,
  end: string,
): MeasurementRecord => ({
  row,
  id: `MS-000${row}`,
  workflowId: 'WF-001',
  metric: 'Incidents',
  window,
  periodStart: new Date(`${start}T00:00:00Z`),
  periodEnd: new Date(`${end}T00:00:00Z`),
  value: 1,
  items: null,
  language: '',
  school: '',
});

describe('a period and the window it claims', () => {
  it('counts a baseline period inside the baseline window and a pilot period inside the pilot window', () => {
    expect(periodOutsideWindow('Baseline', '2026-10-05', '2026-10-09', plan, today)).toBeNull();
    expect(periodOutsideWindow('Baseline', '2026-10-26', '2026-10-30', plan, today)).toBeNull();
    expect(periodOutsideWindow('Pilot', '2026-11-16', '2026-11-20', plan, today)).toBeNull();
  });

  it('refuses a baseline period dated inside the pilot window, naming the baseline window', () => {
    expect(periodOutsideWindow('Baseline', '2026-11-09', '2026-11-13', plan, today)).toBe(
      'A baseline period must lie within the baseline window, 2026-10-05 to 2026-10-30 (Pilot sheet, Baseline start–end).',
    );
  });

  it('refuses a period that only overlaps its window', () => {
    expect(periodOutsideWindow('Baseline', '2026-10-26', '2026-11-03', plan, today)).toContain(
      'within the baseline window',
    );
    expect(periodOutsideWindow('Pilot', '2026-10-30', '2026-11-05', plan, today)).toContain(
      'within the pilot window, 2026-11-02 to 2026-12-18',
    );
  });

  it('refuses a period that starts after today, and accepts one that starts today', () => {
    expect(periodOutsideWindow('Pilot', '2026-11-23', '2026-11-27', plan, today)).toBe(
      'The period starts 2026-11-23, after today (2026-11-20): enter it once the period has begun.',
    );
    expect(periodOutsideWindow('Pilot', '2026-11-20', '2026-11-27', plan, today)).toBeNull();
  });

  it('accepts any past period while the plan has not set the window, and still refuses the future', () => {
    expect(periodOutsideWindow('Baseline', '2026-01-05', '2026-01-09', noWindows, today)).toBeNull();
    expect(
      periodOutsideWindow('Pilot', '2026-11-09', '2026-11-13', { ...plan, pilotEnd: '' }, today),
    ).toBeNull();
    expect(periodOutsideWindow('Baseline', '2027-01-04', '2027-01-08', noWindows, today)).toContain(
      'after today',
    );
  });

  it('puts the form’s refusal on the period start', () => {
    expect(
      periodFieldError({ window: 'Pilot', periodStart: '2026-10-12', periodEnd: '2026-10-16' }, plan, today),
    ).toEqual({ field: 'periodStart', message: expect.stringContaining('pilot window') as unknown });
  });
});

describe('rows typed into the sheet, held to their windows', () => {
  it('leaves out a row outside its window or in the future, as a row to fix with its row number', () => {
    const { records, problems } = keepInWindows(
      [
        record(2, 'Baseline', '2026-10-12', '2026-10-16'),
        record(3, 'Baseline', '2026-11-09', '2026-11-13'),
        record(4, 'Pilot', '2026-11-30', '2026-12-04'),
        record(5, 'Pilot', '2026-11-09', '2026-11-13'),
      ],
      () => plan,
      today,
    );
    expect(records.map((r) => r.row)).toEqual([2, 5]);
    expect(problems).toEqual([
      {
        sheet: 'Metrics',
        row: 3,
        message:
          'Metrics row 3: a baseline period must lie within the baseline window, 2026-10-05 to 2026-10-30 (Pilot sheet, Baseline start–end). The row is left out until it is fixed.',
      },
      {
        sheet: 'Metrics',
        row: 4,
        message:
          'Metrics row 4: the period starts 2026-11-30, after today (2026-11-20): enter it once the period has begun. The row is left out until it is fixed.',
      },
    ]);
  });

  it('reads each row against its own workflow’s plan, in the days the sheet shows', () => {
    const other = { ...plan, baselineStart: '2026-11-02', baselineEnd: '2026-11-13' };
    const rows = [record(2, 'Baseline', '2026-11-09', '2026-11-13')];
    expect(keepInWindows(rows, () => other, today).records).toHaveLength(1);
    // The sheet shows the period a day later than its UTC day (a time zone east of UTC).
    expect(
      keepInWindows(
        rows,
        () => other,
        today,
        () => ({ start: '2026-11-10', end: '2026-11-14' }),
      ).problems,
    ).toHaveLength(1);
  });
});
