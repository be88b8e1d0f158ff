import type { Ui } from '../../../src/gas/apps-script';
import type { SpreadsheetModel } from './model';

/** What the spreadsheet fakes need from the execution they run in. */
export interface SpreadsheetContext {
  readonly model: SpreadsheetModel;
  /** The user whose permissions apply (the effective user). */
  readonly user: string;
  /** Wraps an object handed to the caller so its calls are counted and guarded. */
  wrap<T extends object>(target: T, typeName: string): T;
  ui(): Ui;
  toast(message: string, title: string, timeoutSeconds: number | null): void;
}
