import { gasError } from './errors';
import type { SpreadsheetState } from './spreadsheet/state';

/**
 * Only what the developer-only contract build uses: trashing the scratch spreadsheet it created.
 * The add-on itself never touches Drive.
 */
export class FakeDriveApp {
  constructor(
    private readonly files: SpreadsheetState[],
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
  ) {}

  getFileById(id: string): FakeDriveFile {
    const file = this.files.find((f) => f.id === id);
    if (!file)
      throw gasError('No item with the given ID could be found, or you do not have permission to access it.');
    return this.wrap(new FakeDriveFile(this.files, file), 'File');
  }
}

export class FakeDriveFile {
  constructor(
    private readonly files: SpreadsheetState[],
    private readonly file: SpreadsheetState,
  ) {}

  getId(): string {
    return this.file.id;
  }

  getName(): string {
    return this.file.name;
  }

  /** Trashed files leave the fake Drive at once. */
  setTrashed(trashed: boolean): FakeDriveFile {
    if (trashed) {
      const at = this.files.indexOf(this.file);
      if (at >= 0) this.files.splice(at, 1);
    }
    return this;
  }
}
