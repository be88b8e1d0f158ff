import type { Protection, ProtectionType, Range, User } from '../../../src/gas/apps-script';
import { gasError } from '../errors';
import { FakeUser } from '../user';
import type { SpreadsheetContext } from './context';
import { sameUser } from './model';
import { FakeRange } from './range';
import type { GridRange, ProtectionState } from './state';

/**
 * Protections as Sheets keeps them (FAKES §1.9): a sheet has at most one sheet protection, while
 * `range.protect()` always adds a new one; the owner can always edit; warning-only protection never
 * blocks a script; a new protection starts with the file's editors plus the user who made it.
 */
export class FakeProtection implements Protection {
  constructor(
    private readonly ctx: SpreadsheetContext,
    private readonly id: number,
  ) {}

  static create(ctx: SpreadsheetContext, type: 'SHEET' | 'RANGE', range: GridRange): Protection {
    const { model, user } = ctx;
    const existing =
      type === 'SHEET'
        ? model.state.protections.find((p) => p.type === 'SHEET' && p.range.sheetId === range.sheetId)
        : undefined;
    if (existing) return ctx.wrap(new FakeProtection(ctx, existing.id), 'Protection');
    model.assertCanEdit(user, range);
    const editors = [...model.state.editors];
    if (!sameUser(user, model.state.owner) && !editors.some((e) => sameUser(e, user))) editors.push(user);
    const state: ProtectionState = {
      id: model.nextId(),
      type,
      range,
      description: '',
      warningOnly: false,
      editors,
      domainEdit: !isConsumerAccount(model.state.owner),
    };
    model.state.protections.push(state);
    return ctx.wrap(new FakeProtection(ctx, state.id), 'Protection');
  }

  private get state(): ProtectionState {
    const state = this.ctx.model.state.protections.find((p) => p.id === this.id);
    if (!state) throw gasError('The protection was removed.');
    return state;
  }

  private self(): Protection {
    return this.ctx.wrap(this, 'Protection');
  }

  /** Only the owner and the protection's editors may change it. */
  private assertMayChange(): ProtectionState {
    const state = this.state;
    const { user, model } = this.ctx;
    if (!sameUser(user, model.state.owner) && !state.editors.some((e) => sameUser(e, user))) {
      throw gasError('You do not have permission to modify this protection.');
    }
    return state;
  }

  addEditor(emailAddress: string): Protection {
    const state = this.assertMayChange();
    if (!state.editors.some((e) => sameUser(e, emailAddress))) state.editors.push(emailAddress);
    return this.self();
  }

  removeEditors(emailAddresses: string[]): Protection {
    const state = this.assertMayChange();
    const { user, model } = this.ctx;
    const removable = emailAddresses.filter((e) => !sameUser(e, user) && !sameUser(e, model.state.owner));
    state.editors = state.editors.filter((e) => !removable.some((r) => sameUser(r, e)));
    return this.self();
  }

  canDomainEdit(): boolean {
    return this.assertMayChange().domainEdit;
  }

  setDomainEdit(editable: boolean): Protection {
    const state = this.assertMayChange();
    if (isConsumerAccount(this.ctx.model.state.owner)) {
      throw gasError('Domain editing is not available for spreadsheets owned by a consumer account.');
    }
    state.domainEdit = editable;
    return this.self();
  }

  canEdit(): boolean {
    const state = this.state;
    const { user, model } = this.ctx;
    return (
      state.warningOnly || sameUser(user, model.state.owner) || state.editors.some((e) => sameUser(e, user))
    );
  }

  getEditors(): User[] {
    return this.assertMayChange().editors.map((e) => this.ctx.wrap(new FakeUser(e), 'User'));
  }

  getDescription(): string {
    return this.state.description;
  }

  setDescription(description: string): Protection {
    this.assertMayChange().description = description;
    return this.self();
  }

  getProtectionType(): ProtectionType {
    return this.state.type as unknown as ProtectionType;
  }

  getRange(): Range {
    return this.ctx.wrap(new FakeRange(this.ctx, this.state.range), 'Range');
  }

  isWarningOnly(): boolean {
    return this.state.warningOnly;
  }

  setWarningOnly(warningOnly: boolean): Protection {
    this.assertMayChange().warningOnly = warningOnly;
    return this.self();
  }

  remove(): void {
    this.assertMayChange();
    const list = this.ctx.model.state.protections;
    list.splice(
      list.findIndex((p) => p.id === this.id),
      1,
    );
  }
}

function isConsumerAccount(email: string): boolean {
  return /@(gmail|googlemail)\.com$/i.test(email);
}
