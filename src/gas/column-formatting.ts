import { columnFormat, type ValidationSpec } from '../domain/column-format';
import type { ColumnTemplate, TableTemplate } from '../domain/workspace-template';
import type { AppsScript, DataValidation, Sheet } from './apps-script';

/** A template column and where it is in the sheet (1-based). */
export interface PlacedColumn {
  column: ColumnTemplate;
  at: number;
}

export function placeColumns(
  template: TableTemplate,
  columns: Readonly<Record<string, number>>,
): PlacedColumn[] {
  return template.columns
    .flatMap((column) =>
      columns[column.key] === undefined ? [] : [{ column, at: columns[column.key] ?? 0 }],
    )
    .sort((a, b) => a.at - b.at);
}

/**
 * Number formats, validation and wrapping for data rows of the workspace's columns: one call per run
 * of adjacent columns for the formats, one per validated column, whatever the number of rows. Used by
 * set-up for every row, and when a sheet grows, for the new rows (new rows do not get formats).
 */
export function formatDataRows(
  sheet: Sheet,
  placed: readonly PlacedColumn[],
  fromRow: number,
  count: number,
  rules: ValidationRules,
): void {
  if (count < 1) return;
  for (const run of runs(placed)) {
    const formats = run.items.map((p) => columnFormat(p.column.type).numberFormat);
    sheet
      .getRange(fromRow, run.start, count, run.items.length)
      .setNumberFormats(Array.from({ length: count }, () => formats));
  }
  for (const { column, at } of placed) {
    const format = columnFormat(column.type);
    if (!format.validation && !format.wrap) continue;
    const range = sheet.getRange(fromRow, at, count, 1);
    if (format.validation) range.setDataValidation(rules.get(format.validation, column.help));
    if (format.wrap) range.setWrap(true);
  }
}

/** Validation rules, built once per kind for a whole action. */
export class ValidationRules {
  private readonly built = new Map<string, DataValidation>();

  constructor(private readonly gas: AppsScript) {}

  get(spec: ValidationSpec, help: string): DataValidation {
    const key = `${JSON.stringify(spec)}|${help}`;
    let rule = this.built.get(key);
    if (!rule) {
      const builder = this.gas.SpreadsheetApp.newDataValidation();
      const withCriteria =
        spec.kind === 'list'
          ? builder.requireValueInList([...spec.values], true)
          : spec.kind === 'checkbox'
            ? builder.requireCheckbox()
            : spec.kind === 'number'
              ? builder.requireNumberBetween(spec.min, spec.max)
              : spec.kind === 'date'
                ? builder.requireDate()
                : spec.kind === 'email'
                  ? builder.requireTextIsEmail()
                  : builder.requireTextIsUrl();
      rule = withCriteria.setAllowInvalid(false).setHelpText(help).build();
      this.built.set(key, rule);
    }
    return rule;
  }
}

/** Groups positioned items into runs of adjacent columns, so each run is one range. */
export function runs<T extends { at: number }>(items: readonly T[]): { start: number; items: T[] }[] {
  const out: { start: number; items: T[] }[] = [];
  for (const item of [...items].sort((a, b) => a.at - b.at)) {
    const last = out[out.length - 1];
    if (last && last.start + last.items.length === item.at) last.items.push(item);
    else out.push({ start: item.at, items: [item] });
  }
  return out;
}
