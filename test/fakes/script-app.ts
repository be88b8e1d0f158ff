import type {
  AuthMode,
  AuthorizationInfo,
  AuthorizationStatus,
  ClockTriggerBuilder,
  EventType,
  ScriptApp,
  Spreadsheet,
  SpreadsheetTriggerBuilder,
  Trigger,
  TriggerBuilder,
  TriggerSource,
} from '../../src/gas/apps-script';
import { unwrap } from './calls';
import * as enums from './enums';
import { gasError, signatureError } from './errors';
import { sameUser } from './spreadsheet/model';

export interface TriggerState {
  id: string;
  handler: string;
  eventType: 'CLOCK' | 'ON_OPEN' | 'ON_EDIT';
  source: 'CLOCK' | 'SPREADSHEETS';
  sourceId: string;
  user: string;
  /** The document the add-on created it in (add-on triggers belong to one file). */
  documentId: string;
  everyHours: number | null;
}

export interface ScriptAppContext {
  triggers: TriggerState[];
  user: string;
  documentId: string | null;
  authorizationRequired: boolean;
  nextId(): string;
  wrap<T extends object>(target: T, typeName: string): T;
}

export const MAX_TRIGGERS_PER_USER = 20;

/**
 * Installable triggers as an editor add-on gets them (FAKES §7, PLATFORM §1.1): created only by code,
 * for the current file, one per event type per user per document, time-driven no more than hourly.
 */
export class FakeScriptApp implements ScriptApp {
  readonly AuthMode = enums.AuthMode;
  readonly AuthorizationStatus = enums.AuthorizationStatus;
  readonly EventType = enums.EventType;
  readonly TriggerSource = enums.TriggerSource;

  constructor(private readonly ctx: ScriptAppContext) {}

  newTrigger(functionName: string): TriggerBuilder {
    if (typeof functionName !== 'string') throw signatureError([functionName], 'ScriptApp.newTrigger');
    return this.ctx.wrap(new FakeTriggerBuilder(this.ctx, functionName), 'TriggerBuilder');
  }

  getProjectTriggers(): Trigger[] {
    return this.ctx.triggers
      .filter((t) => sameUser(t.user, this.ctx.user))
      .map((t) => this.ctx.wrap(new FakeTrigger(t), 'Trigger'));
  }

  deleteTrigger(trigger: Trigger): void {
    const raw = unwrap(trigger);
    if (!(raw instanceof FakeTrigger)) throw signatureError([trigger], 'ScriptApp.deleteTrigger');
    const at = this.ctx.triggers.findIndex((t) => t.id === raw.state.id && sameUser(t.user, this.ctx.user));
    if (at >= 0) this.ctx.triggers.splice(at, 1);
  }

  getAuthorizationInfo(authMode: AuthMode): AuthorizationInfo {
    if (authMode === undefined) throw signatureError([authMode], 'ScriptApp.getAuthorizationInfo');
    const status = this.ctx.authorizationRequired ? 'REQUIRED' : 'NOT_REQUIRED';
    return this.ctx.wrap(
      new FakeAuthorizationInfo(status as unknown as AuthorizationStatus),
      'AuthorizationInfo',
    );
  }
}

class FakeAuthorizationInfo implements AuthorizationInfo {
  constructor(private readonly status: AuthorizationStatus) {}
  getAuthorizationStatus(): AuthorizationStatus {
    return this.status;
  }
}

class FakeTriggerBuilder implements TriggerBuilder {
  constructor(
    private readonly ctx: ScriptAppContext,
    private readonly handler: string,
  ) {}

  timeBased(): ClockTriggerBuilder {
    return this.ctx.wrap(new FakeClockTriggerBuilder(this.ctx, this.handler), 'ClockTriggerBuilder');
  }

  forSpreadsheet(sheet: Spreadsheet): SpreadsheetTriggerBuilder {
    const id = (unwrap(sheet) as Partial<Spreadsheet>).getId?.();
    if (id === undefined) throw signatureError([sheet], 'TriggerBuilder.forSpreadsheet');
    if (id !== this.ctx.documentId)
      throw gasError('Add-ons can only create triggers for the document they run in.');
    return this.ctx.wrap(
      new FakeSpreadsheetTriggerBuilder(this.ctx, this.handler),
      'SpreadsheetTriggerBuilder',
    );
  }
}

function createTrigger(
  ctx: ScriptAppContext,
  state: Omit<TriggerState, 'id' | 'user' | 'documentId'>,
): Trigger {
  if (ctx.documentId === null) throw gasError('Add-on triggers can only be created from a document.');
  const mine = ctx.triggers.filter((t) => sameUser(t.user, ctx.user));
  if (mine.length >= MAX_TRIGGERS_PER_USER) {
    throw gasError(
      'This script has too many triggers. Triggers must be deleted from the script before more can be added.',
    );
  }
  if (mine.some((t) => t.documentId === ctx.documentId && t.eventType === state.eventType)) {
    throw gasError(
      state.eventType === 'CLOCK'
        ? 'This add-on has created too many time-based triggers in this document for this Google user account.'
        : 'This add-on has created too many triggers of this type in this document for this Google user account.',
    );
  }
  const full: TriggerState = { ...state, id: ctx.nextId(), user: ctx.user, documentId: ctx.documentId };
  ctx.triggers.push(full);
  return ctx.wrap(new FakeTrigger(full), 'Trigger');
}

class FakeClockTriggerBuilder implements ClockTriggerBuilder {
  private hours: number | null = null;

  constructor(
    private readonly ctx: ScriptAppContext,
    private readonly handler: string,
  ) {}

  /** Add-ons may not run time-driven triggers more often than hourly. */
  everyMinutes(n: number): ClockTriggerBuilder {
    throw gasError(
      `Add-ons may not create time-based triggers that run more often than once an hour (everyMinutes(${n})).`,
    );
  }

  everyHours(n: number): ClockTriggerBuilder {
    if (![1, 2, 4, 6, 8, 12].includes(n)) throw gasError(`Invalid argument: everyHours(${n})`);
    this.hours = n;
    return this.ctx.wrap(this, 'ClockTriggerBuilder');
  }

  create(): Trigger {
    if (this.hours === null) throw gasError('A time-based trigger needs a schedule, such as everyHours(1).');
    return createTrigger(this.ctx, {
      handler: this.handler,
      eventType: 'CLOCK',
      source: 'CLOCK',
      sourceId: '',
      everyHours: this.hours,
    });
  }
}

class FakeSpreadsheetTriggerBuilder implements SpreadsheetTriggerBuilder {
  private event: 'ON_OPEN' | 'ON_EDIT' | null = null;

  constructor(
    private readonly ctx: ScriptAppContext,
    private readonly handler: string,
  ) {}

  onOpen(): SpreadsheetTriggerBuilder {
    this.event = 'ON_OPEN';
    return this.ctx.wrap(this, 'SpreadsheetTriggerBuilder');
  }
  onEdit(): SpreadsheetTriggerBuilder {
    this.event = 'ON_EDIT';
    return this.ctx.wrap(this, 'SpreadsheetTriggerBuilder');
  }
  create(): Trigger {
    if (this.event === null) throw gasError('A spreadsheet trigger needs an event, such as onOpen().');
    return createTrigger(this.ctx, {
      handler: this.handler,
      eventType: this.event,
      source: 'SPREADSHEETS',
      sourceId: this.ctx.documentId ?? '',
      everyHours: null,
    });
  }
}

export class FakeTrigger implements Trigger {
  constructor(readonly state: TriggerState) {}

  getEventType(): EventType {
    return this.state.eventType as unknown as EventType;
  }
  getHandlerFunction(): string {
    return this.state.handler;
  }
  getTriggerSource(): TriggerSource {
    return this.state.source as unknown as TriggerSource;
  }
  getTriggerSourceId(): string {
    return this.state.sourceId;
  }
  getUniqueId(): string {
    return this.state.id;
  }
}
