import type {
  DeveloperMetadata,
  DeveloperMetadataFinder,
  DeveloperMetadataLocation,
  DeveloperMetadataLocationType,
  Range,
  Sheet,
} from '../../../src/gas/apps-script';
import { gasError } from '../errors';
import type { SpreadsheetContext } from './context';
import { intersects } from './model';
import { FakeRange } from './range';
import { FakeSheet } from './sheet';
import type { GridRange, MetadataState, SheetState } from './state';

/**
 * Developer metadata lives on the spreadsheet, a sheet, or a whole row or column. Row and column
 * metadata is stored beside the row or column itself, so it moves when rows are inserted above it and
 * disappears with its row (FAKES §1.11).
 */
type Location =
  | { type: 'SPREADSHEET' }
  | { type: 'SHEET'; sheet: SheetState }
  | { type: 'ROW' | 'COLUMN'; sheet: SheetState; index: number };

interface Found {
  state: MetadataState;
  list: MetadataState[];
  location: Location;
}

function everything(ctx: SpreadsheetContext): Found[] {
  const found: Found[] = ctx.model.state.metadata.map((state, _i, list) => ({
    state,
    list,
    location: { type: 'SPREADSHEET' },
  }));
  for (const sheet of ctx.model.state.sheets) {
    for (const state of sheet.metadata)
      found.push({ state, list: sheet.metadata, location: { type: 'SHEET', sheet } });
    sheet.rowMetadata.forEach((list, index) => {
      for (const state of list ?? [])
        found.push({ state, list: list ?? [], location: { type: 'ROW', sheet, index: index + 1 } });
    });
    sheet.columnMetadata.forEach((list, index) => {
      for (const state of list ?? []) {
        found.push({ state, list: list ?? [], location: { type: 'COLUMN', sheet, index: index + 1 } });
      }
    });
  }
  return found;
}

function locationRange(location: Location): GridRange | null {
  if (location.type === 'ROW') {
    return {
      sheetId: location.sheet.id,
      row: location.index,
      column: 1,
      numRows: 1,
      numColumns: location.sheet.maxColumns,
    };
  }
  if (location.type === 'COLUMN') {
    return {
      sheetId: location.sheet.id,
      row: 1,
      column: location.index,
      numRows: location.sheet.maxRows,
      numColumns: 1,
    };
  }
  return null;
}

export type MetadataScope = (found: Found, intersecting: boolean) => boolean;

export const metadataScope = {
  spreadsheet: (): MetadataScope => () => true,
  sheet:
    (sheetId: number): MetadataScope =>
    (f) =>
      f.location.type !== 'SPREADSHEET' && f.location.sheet.id === sheetId,
  range:
    (grid: GridRange): MetadataScope =>
    (f, intersecting) => {
      const r = locationRange(f.location);
      if (!r) return false;
      if (intersecting) return intersects(r, grid);
      return (
        r.row === grid.row &&
        r.column === grid.column &&
        r.numRows === grid.numRows &&
        r.numColumns === grid.numColumns
      );
    },
};

export class FakeDeveloperMetadataFinder implements DeveloperMetadataFinder {
  private key: string | null = null;
  private value: string | null = null;
  private type: string | null = null;
  private intersecting = false;

  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly scope: MetadataScope,
  ) {}

  private self(): DeveloperMetadataFinder {
    return this.ctx.wrap(this, 'DeveloperMetadataFinder');
  }
  withKey(key: string): DeveloperMetadataFinder {
    this.key = key;
    return this.self();
  }
  withValue(value: string): DeveloperMetadataFinder {
    this.value = value;
    return this.self();
  }
  withLocationType(locationType: DeveloperMetadataLocationType): DeveloperMetadataFinder {
    this.type = String(locationType);
    return this.self();
  }
  onIntersectingLocations(): DeveloperMetadataFinder {
    this.intersecting = true;
    return this.self();
  }
  find(): DeveloperMetadata[] {
    return everything(this.ctx)
      .filter((f) => this.scope(f, this.intersecting))
      .filter((f) => this.key === null || f.state.key === this.key)
      .filter((f) => this.value === null || f.state.value === this.value)
      .filter((f) => this.type === null || f.location.type === this.type)
      .map((f) => this.ctx.wrap(new FakeDeveloperMetadata(this.ctx, f.state.id), 'DeveloperMetadata'));
  }
}

export class FakeDeveloperMetadata implements DeveloperMetadata {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly id: number,
  ) {}

  private found(): Found {
    const found = everything(this.ctx).find((f) => f.state.id === this.id);
    if (!found) throw gasError('The developer metadata was removed.');
    return found;
  }

  getId(): number {
    return this.id;
  }
  getKey(): string {
    return this.found().state.key;
  }
  getValue(): string | null {
    return this.found().state.value;
  }
  setValue(value: string): DeveloperMetadata {
    this.found().state.value = value;
    return this.ctx.wrap(this, 'DeveloperMetadata');
  }
  remove(): void {
    const { list, state } = this.found();
    list.splice(list.indexOf(state), 1);
  }
  getLocation(): DeveloperMetadataLocation {
    return this.ctx.wrap(
      new FakeDeveloperMetadataLocation(this.ctx, this.found().location),
      'DeveloperMetadataLocation',
    );
  }
}

class FakeDeveloperMetadataLocation implements DeveloperMetadataLocation {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly location: Location,
  ) {}

  getLocationType(): DeveloperMetadataLocationType {
    return this.location.type as unknown as DeveloperMetadataLocationType;
  }
  getRow(): Range | null {
    const r = this.location.type === 'ROW' ? locationRange(this.location) : null;
    return r ? this.ctx.wrap(new FakeRange(this.ctx, r), 'Range') : null;
  }
  getSheet(): Sheet | null {
    return this.location.type === 'SHEET'
      ? this.ctx.wrap(new FakeSheet(this.ctx, this.location.sheet.id), 'Sheet')
      : null;
  }
}
