import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { AppsScript, Ui } from '../../src/gas/apps-script';
import { CallLog, counted, type CallGuard } from './calls';
import { gasError, messages } from './errors';
import { FakeDriveApp } from './drive-app';
import * as enums from './enums';
import { FaultInjector } from './faults';
import { FakeGmailApp, type MailContext } from './gmail';
import { FakeHtmlService, type HtmlFiles } from './html-service';
import { FakeLockService, LockTable } from './lock';
import { FakeMailApp } from './mail-app';
import { MailControls } from './mail-controls';
import { MailModel, newMailState, type MailState } from './mail-model';
import { FakePropertiesService, type PropertyStores } from './properties';
import { FakeScriptApp, type TriggerState } from './script-app';
import { FakeSession } from './session';
import type { SpreadsheetContext } from './spreadsheet/context';
import { SpreadsheetModel } from './spreadsheet/model';
import { FakeSpreadsheetApp } from './spreadsheet/spreadsheet-app';
import { newSpreadsheetState, type SpreadsheetState } from './spreadsheet/state';
import { emptyUiRecord, FakeUi, type UiRecord } from './ui';
import { FakeUtilities } from './utilities';

/** Everything that outlives an execution; plain data, so the playground can save it. */
export interface WorldState {
  spreadsheet: SpreadsheetState;
  /** Other spreadsheets in the Drive, made by `SpreadsheetApp.create` (the contract build only). */
  files: SpreadsheetState[];
  properties: PropertyStores;
  triggers: TriggerState[];
  nextTriggerId: number;
  /** Every user's Gmail mailbox, the outbox and the daily recipient quotas. */
  mail: MailState;
}

export const DEFAULT_OWNER = 'coordinator@district.example.org';

export function newWorldState(options: { owner?: string; timeZone?: string } = {}): WorldState {
  return {
    spreadsheet: newSpreadsheetState({
      owner: options.owner ?? DEFAULT_OWNER,
      ...(options.timeZone ? { timeZone: options.timeZone } : {}),
    }),
    files: [],
    properties: { script: {}, document: {}, user: {} },
    triggers: [],
    nextTriggerId: 1,
    mail: newMailState(),
  };
}

export type AuthModeName = 'NONE' | 'LIMITED' | 'FULL';

export interface ExecutionOptions {
  /** The user running the code; defaults to the spreadsheet's owner. */
  user?: string;
  /** What `Session.getActiveUser().getEmail()` returns; "" is possible in real Apps Script. */
  activeUserEmail?: string;
  authMode?: AuthModeName;
  /** 'editor' for menus and sidebar calls; 'trigger' for time-driven runs, which have no Ui. */
  kind?: 'editor' | 'trigger';
  /** The file an editor run happens in (default: the world's main spreadsheet). */
  spreadsheetId?: string;
}

/**
 * What a time-driven run of the add-on sees. 'no-document' (the default) is how Apps Script runs an
 * editor add-on's clock trigger: the trigger belongs to the script, not to a file, so
 * `getActiveSpreadsheet()` is null, there is no Ui, no Document properties and no document lock, and a
 * file is reached only with `SpreadsheetApp.openById` (issue 12; FAKES §1.13; mogsdad/SheetConverter#2
 * "A timed trigger will receive null when it calls SpreadsheetApp.getActiveSpreadsheet()";
 * vtst/google-apps-scripts, add-on trigger library README, "Limitations"). 'active-document' is the
 * older, looser model (the file the trigger was created in is active), kept to compare against.
 */
export type ClockRunModel = 'no-document' | 'active-document';

/** The scopes in the add-on's manifest (appsscript.json), which the fakes grant unless told otherwise. */
export function manifestScopes(): string[] {
  // Found from here upwards: this file also runs bundled (bench, playground) from another folder.
  for (let dir = __dirname; ; dir = path.dirname(dir)) {
    const file = path.join(dir, 'appsscript.json');
    if (existsSync(file) && existsSync(path.join(dir, 'package.json'))) {
      const manifest = JSON.parse(readFileSync(file, 'utf8')) as { oauthScopes?: string[] };
      return manifest.oauthScopes ?? [];
    }
    if (path.dirname(dir) === dir) throw new Error('appsscript.json not found above the fakes');
  }
}

export interface EnvironmentOptions {
  state?: WorldState;
  htmlFiles?: HtmlFiles;
  scriptTimeZone?: string;
  /** The clock the fakes read; time spent in `sleep` and lock waits is added to it. */
  now?: () => number;
  /** What a time-driven run sees (default 'no-document', as in Apps Script). */
  clockRun?: ClockRunModel;
  /** The OAuth scopes granted (default: the manifest's). */
  scopes?: readonly string[];
}

/** Menu building is all that works in AuthMode.NONE (FAKES §11 rule 17). */
const allowedWithoutAuth = /^(SpreadsheetApp\.getUi|Ui\.createAddonMenu|Ui\.createMenu|Menu\.\w+)$/;
/** LIMITED reaches the current document and the Ui, nothing that needs further authorisation. */
const deniedInLimitedMode = /^(PropertiesService|LockService|ScriptApp|Session|Utilities|Gmail\w+|MailApp)\./;

/**
 * One Apps Script world: a spreadsheet with its properties, triggers and users. Each call into the
 * add-on runs in an execution started here, as every menu click, sidebar call and trigger run is a
 * separate execution in Apps Script; locks end with it.
 */
export class FakeEnvironment {
  readonly calls = new CallLog();
  /** Fault injection: make a counted call throw once (see `faults.ts`). */
  readonly faults = new FaultInjector();
  /** Test-side mail controls: deliver replies, read the outbox, set quotas (see `mail-controls.ts`). */
  readonly mail: MailControls;
  readonly ui: UiRecord = emptyUiRecord();
  readonly state: WorldState;
  /** Answers for `Ui.alert`, consumed in order. */
  readonly alertAnswers: string[] = [];
  /** Which global functions exist; the bundle loader points it at the loaded script. */
  isCallable: (functionName: string) => boolean = () => true;
  /** Set to make `ScriptApp.getAuthorizationInfo` report that re-authorisation is needed. */
  authorizationRequired = false;
  readonly htmlFiles: HtmlFiles;
  readonly scriptTimeZone: string;
  readonly clockRun: ClockRunModel;
  readonly scopes: readonly string[];
  private readonly locks = new LockTable();
  private readonly clock: () => number;
  private elapsed = 0;
  private executions = 0;

  constructor(options: EnvironmentOptions = {}) {
    this.state = options.state ?? newWorldState();
    // A world saved before mail existed.
    this.state.mail ??= newMailState();
    this.htmlFiles = options.htmlFiles ?? {};
    this.scriptTimeZone = options.scriptTimeZone ?? 'America/New_York';
    this.clock = options.now ?? (() => Date.now());
    this.clockRun = options.clockRun ?? 'no-document';
    this.scopes = options.scopes ?? manifestScopes();
    this.mail = new MailControls(this.mailModel());
  }

  /** The mail world over this environment's state and clock. */
  mailModel(): MailModel {
    return new MailModel(this.state.mail, () => this.now());
  }

  now(): Date {
    return new Date(this.clock() + this.elapsed);
  }

  /** Moves the fake clock, as a sleep or a lock wait would take real time. */
  advance(ms: number): void {
    this.elapsed += ms;
  }

  get owner(): string {
    return this.state.spreadsheet.owner;
  }

  start(options: ExecutionOptions = {}): FakeExecution {
    this.executions += 1;
    return new FakeExecution(this, this.locks, this.executions, options);
  }

  /** Runs `body` in a fresh execution and ends it, whatever happens. */
  run<T>(body: (globals: FakeGlobals) => T, options: ExecutionOptions = {}): T {
    const execution = this.start(options);
    try {
      return body(execution.globals);
    } finally {
      execution.end();
    }
  }

  /** Every spreadsheet in the world: the main one first, then the other files. */
  spreadsheets(): SpreadsheetState[] {
    return [this.state.spreadsheet, ...this.state.files];
  }

  /** Adds another spreadsheet to the world (the same user's second workspace, say) and returns it. */
  addSpreadsheet(options: { id: string; name: string; owner?: string }): SpreadsheetState {
    const state = newSpreadsheetState({
      id: options.id,
      name: options.name,
      owner: options.owner ?? this.owner,
      timeZone: this.state.spreadsheet.timeZone,
    });
    this.state.files.push(state);
    return state;
  }

  /** Deletes a spreadsheet for good (trashed and emptied): it can no longer be opened. */
  deleteSpreadsheet(id: string): void {
    this.state.files = this.state.files.filter((f) => f.id !== id);
    if (this.state.spreadsheet.id === id) throw new Error('the main spreadsheet cannot be deleted');
  }

  /** The clock triggers of `user`, as Apps Script would fire them. */
  clockTriggers(user: string = this.owner): TriggerState[] {
    return this.state.triggers.filter(
      (t) => t.eventType === 'CLOCK' && t.user.toLowerCase() === user.toLowerCase(),
    );
  }

  nextTriggerId(): string {
    const id = this.state.nextTriggerId;
    this.state.nextTriggerId += 1;
    return String(1000000 + id);
  }
}

/** The Document properties of one file: the main spreadsheet's, or another file's by ID; none outside one. */
function documentStore(env: FakeEnvironment, id: string | null): Record<string, string> | null {
  if (id === null) return null;
  if (id === env.state.spreadsheet.id) return env.state.properties.document;
  const stores = (env.state.properties.documents ??= {});
  return (stores[id] ??= {});
}

/** The add-on's services, plus the few the developer-only contract build uses. */
export interface FakeGlobals extends AppsScript {
  SpreadsheetApp: FakeSpreadsheetApp;
  DriveApp: FakeDriveApp;
  GmailApp: FakeGmailApp;
  MailApp: FakeMailApp;
}

export class FakeExecution {
  readonly globals: FakeGlobals;
  readonly user: string;
  private ended = false;

  constructor(
    env: FakeEnvironment,
    private readonly locks: LockTable,
    readonly id: number,
    options: ExecutionOptions,
  ) {
    const user = options.user ?? env.owner;
    this.user = user;
    const authMode = options.authMode ?? 'FULL';
    const kind = options.kind ?? 'editor';
    const guard: CallGuard = (name) => {
      if (this.ended)
        throw gasError(`${name} was called after its execution ended; nothing survives between executions.`);
      if (authMode === 'NONE' && !allowedWithoutAuth.test(name))
        throw gasError(messages.authorizationRequired);
      if (authMode === 'LIMITED' && deniedInLimitedMode.test(name))
        throw gasError(messages.authorizationRequired);
    };
    const wrap = <T extends object>(target: T, typeName: string): T =>
      counted(target, typeName, env.calls, guard, env.faults);
    const clockRun = kind === 'trigger' && env.clockRun === 'no-document';
    const wanted = options.spreadsheetId ?? env.state.spreadsheet.id;
    const document = clockRun ? null : (env.spreadsheets().find((f) => f.id === wanted) ?? null);
    if (!clockRun && !document) throw new Error(`no spreadsheet ${wanted} in this world`);
    const documentId = document?.id ?? null;
    const wait = (ms: number) => env.advance(ms);

    const mail: MailContext = { model: env.mailModel(), user, wrap };

    let ui: Ui | null = null;
    const spreadsheetContext: SpreadsheetContext = {
      model: new SpreadsheetModel(document ?? env.state.spreadsheet, () => env.now()),
      user,
      wrap,
      ui: () => {
        if (kind === 'trigger') throw gasError(messages.uiContext);
        ui ??= wrap(
          new FakeUi({
            record: env.ui,
            wrap,
            isCallable: (name) => !name.endsWith('_') && env.isCallable(name),
            nextAlertAnswer: () => env.alertAnswers.shift() ?? 'OK',
            onSuspend: () => locks.releaseAll(id),
          }),
          'Ui',
        );
        return ui;
      },
      toast: (message, title, timeoutSeconds) => env.ui.toasts.push({ message, title, timeoutSeconds }),
    };

    this.globals = {
      SpreadsheetApp: wrap(
        new FakeSpreadsheetApp(spreadsheetContext, document !== null, env.state.files, {
          files: () => env.spreadsheets(),
          scopes: env.scopes,
        }),
        'SpreadsheetApp',
      ),
      DriveApp: wrap(new FakeDriveApp(env.state.files, wrap), 'DriveApp'),
      Charts: { ChartType: enums.ChartType },
      HtmlService: wrap(new FakeHtmlService(env.htmlFiles, wrap), 'HtmlService'),
      PropertiesService: wrap(
        new FakePropertiesService(env.state.properties, user, documentStore(env, documentId), wrap),
        'PropertiesService',
      ),
      LockService: wrap(
        new FakeLockService(locks, { execution: id, user, documentId }, wait, wrap),
        'LockService',
      ),
      Session: wrap(
        new FakeSession(options.activeUserEmail ?? user, user, env.scriptTimeZone, wrap),
        'Session',
      ),
      Utilities: wrap(new FakeUtilities(wait), 'Utilities'),
      ScriptApp: wrap(
        new FakeScriptApp({
          triggers: env.state.triggers,
          user,
          documentId,
          authorizationRequired: env.authorizationRequired,
          nextId: () => env.nextTriggerId(),
          wrap,
        }),
        'ScriptApp',
      ),
      GmailApp: wrap(new FakeGmailApp(mail), 'GmailApp'),
      MailApp: wrap(new FakeMailApp(mail), 'MailApp'),
    };
  }

  /** Ends the execution: its locks are released and its objects stop working. */
  end(): void {
    this.ended = true;
    this.locks.releaseAll(this.id);
  }
}
