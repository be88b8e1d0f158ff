import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { mapHeaders } from '../src/domain/header-map';
import type { TableTemplate } from '../src/domain/workspace-template';
import { workspaceTemplate } from '../sheets-templates';
import { BundleRuntime } from '../test/bundle/load-bundle';
import { actionsOf, GmailCardHost, type CardPanel, type OpenMessage } from '../test/bundle/gmail-card-host';
import type { CardJson } from '../test/fakes/card-service';
import { namePeople, parallelReviewChain } from '../test/support/approvals';
import { FakeEnvironment, newWorldState, type WorldState } from '../test/fakes/environment';
import { formatJavaDate } from '../test/fakes/java-date-format';
import type { MenuEntry, UiRecord } from '../test/fakes/ui';
import { copyPlain, copyWorldState } from '../test/fakes/world-copy';
import type { MailMessageState, SentRecord } from '../test/fakes/mail-model';
import { SpreadsheetModel } from '../test/fakes/spreadsheet/model';
import type { SheetState } from '../test/fakes/spreadsheet/state';
import { loadState, saveState } from './state-file';
import { resultForSidebar } from './transfer';

/** What the page draws for one sheet. */
export interface SheetView {
  name: string;
  tabColor: string | null;
  frozenRows: number;
  protection: 'owner-only' | 'warning' | null;
  columnWidths: number[];
  /** Display text of every cell up to the last row and column with content (headers at least). */
  rows: CellView[][];
  /** The sheet's embedded charts as recorded (type, ranges, options, position), with their data. */
  charts: ChartView[];
}

/** One recorded chart and the values of its range, so the page can draw it as Sheets would. */
export interface ChartView {
  type: string;
  title: string;
  vAxis: string;
  hAxis: string;
  /** Top-left cell, 1-based. */
  anchor: { row: number; column: number };
  /** The range's first row (headers) and the rows below: a label, then one value per series. */
  header: string[];
  rows: { label: string; values: (number | null)[] }[];
}

/** Sheets' default size for an embedded chart, in pixels. */
export const CHART_SIZE = { width: 600, height: 371 } as const;

export interface CellView {
  text: string;
  formula?: string;
  note?: string;
  checkbox?: boolean;
  background?: string;
  bold?: boolean;
  /** Wrapped text (Range.setWrap): shown over several lines at the column's width. */
  wrap?: boolean;
}

/** People the playground can act as, so a team can be tried out on one computer. */
export interface PlaygroundUser {
  /** The account running the add-on. */
  user: string;
  /** What Session.getActiveUser() shows: '' for an account outside the domain. */
  activeUserEmail: string;
  label: string;
}

export const playgroundUsers: readonly PlaygroundUser[] = [
  {
    user: 'coordinator@district.example.org',
    activeUserEmail: 'coordinator@district.example.org',
    label: 'AI coordinator (owner)',
  },
  {
    user: 'principal@district.example.org',
    activeUserEmail: 'principal@district.example.org',
    label: 'Principal',
  },
  {
    user: 'sam@district.example.org',
    activeUserEmail: 'sam@district.example.org',
    label: 'Technology director (approver)',
  },
  {
    user: 'pat.lee@district.example.org',
    activeUserEmail: 'pat.lee@district.example.org',
    label: 'Privacy officer (approver)',
  },
  {
    user: 'rivera@district.example.org',
    activeUserEmail: 'rivera@district.example.org',
    label: 'Executive sponsor (approver)',
  },
  {
    user: 'comms@district.example.org',
    activeUserEmail: 'comms@district.example.org',
    label: 'Communications lead',
  },
  {
    user: 'volunteer@gmail.com',
    activeUserEmail: '',
    label: 'Outside account (email not shared)',
  },
];

export interface PlaygroundView {
  spreadsheetName: string;
  /** Who the sidebar runs as now, and who else it can run as. */
  actingAs: string;
  users: { user: string; label: string }[];
  menu: MenuEntry[];
  sidebarTitle: string | null;
  sheets: SheetView[];
  toasts: { id: number; message: string; title: string }[];
  alerts: { id: number; title: string; prompt: string }[];
  /** The rows the add-on last selected (Range.activate), as the person would see them selected. */
  active: { sheet: string; row: number; numRows: number } | null;
  /** Every email the add-on sent, newest first, for the Mail panel. */
  outbox: OutboxMail[];
  /** The Gmail card beside the email the acting user opened in the Mail panel, if any. */
  gmailCard: GmailCardView | null;
}

/** Gmail's side panel: the card on top of the stack, and the compose window of a draft it opened. */
export interface GmailCardView {
  user: string;
  subject: string;
  card: CardJson | null;
  /** Cards below the top one: Gmail shows a back arrow when there are any. */
  depth: number;
  notification: string | null;
  error: string | null;
  draft: { id: string; to: string; subject: string; body: string } | null;
}

export interface OutboxMail {
  /** The RFC Message-ID, which a reply answers. */
  messageId: string;
  from: string;
  to: string;
  subject: string;
  date: string;
  body: string;
  /** The replies in its thread from anyone but its sender (a reply typed here, or sent from the Gmail card), oldest first. */
  replies: { from: string; date: string; text: string }[];
}

/** A reply typed in the playground, as if the recipient answered from their own mail client. */
export interface PlaygroundReply {
  messageId: string;
  from: string;
  body: string;
  /** Deliver it as Gmail would a forged message: DMARC fails. */
  failDmarc: boolean;
}

/** A call's result, and whether it opened (or reopened) the sidebar. */
export type RunOutcome = ({ ok: true; value: unknown } | { ok: false; message: string }) & {
  sidebarOpened: boolean;
};

export interface PlaygroundSnapshot {
  state: WorldState;
  ui: UiRecord;
}

export interface PlaygroundOptions {
  /** Where dist/Code.js and dist/Sidebar.html are. */
  distDir: string;
  /** Where the Gmail card's dist-gmail/Code.js is; beside distDir unless given. */
  gmailDistDir?: string;
  /** The JSON file the workspace is saved to; null keeps it in memory only (tests). */
  stateFile: string | null;
  log?: (message: string) => void;
}

/**
 * The product without a Google account: the built bundle, loaded as Apps Script loads it, over the
 * in-memory Apps Script services, with the workspace saved to a file after every call.
 */
export class Playground {
  private env: FakeEnvironment;
  private runtime: BundleRuntime;
  private readonly code: string;
  private readonly htmlFiles: Record<string, string>;
  private readonly log: (message: string) => void;
  private actingAs: PlaygroundUser = playgroundUsers[0] as PlaygroundUser;
  private readonly cardCode: string | null;
  private cardHost: GmailCardHost | null = null;
  private card: { open: OpenMessage; subject: string; panel: CardPanel } | null = null;

  constructor(private readonly options: PlaygroundOptions) {
    this.code = readFileSync(path.join(options.distDir, 'Code.js'), 'utf8');
    const cardFile = path.join(
      options.gmailDistDir ?? path.join(options.distDir, '../dist-gmail'),
      'Code.js',
    );
    this.cardCode = existsSync(cardFile) ? readFileSync(cardFile, 'utf8') : null;
    this.htmlFiles = { Sidebar: readFileSync(path.join(options.distDir, 'Sidebar.html'), 'utf8') };
    this.log = options.log ?? ((message) => console.log(message));
    const saved = options.stateFile ? loadState(options.stateFile) : null;
    [this.env, this.runtime] = this.start(saved ?? newWorldState());
    this.openDocument();
  }

  private start(state: WorldState): [FakeEnvironment, BundleRuntime] {
    const env = new FakeEnvironment({ state, htmlFiles: this.htmlFiles });
    this.cardHost = this.cardCode === null ? null : new GmailCardHost(this.cardCode, env);
    this.card = null;
    return [env, new BundleRuntime(this.code, env)];
  }

  /** Opening the spreadsheet runs onOpen, which builds the add-on menu. */
  private openDocument(): void {
    this.env.ui.menu = null;
    this.run('onOpen', [{ authMode: 'FULL' }]);
  }

  /** One server call, as a menu click or `google.script.run` makes it: a fresh execution. */
  run(functionName: string, args: unknown[]): RunOutcome {
    if (!this.runtime.functions.has(functionName) || functionName.endsWith('_')) {
      return { ok: false, message: `Script function not found: ${functionName}`, sidebarOpened: false };
    }
    const sidebarBefore = this.env.ui.sidebar;
    const opened = () => this.env.ui.sidebar !== sidebarBefore;
    try {
      const value = this.runtime.run(functionName, args, {
        user: this.actingAs.user,
        activeUserEmail: this.actingAs.activeUserEmail,
      });
      return { ok: true, value: resultForSidebar(functionName, value, this.log), sidebarOpened: opened() };
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      this.log(`${functionName} failed: ${error instanceof Error ? (error.stack ?? message) : message}`);
      return { ok: false, message, sidebarOpened: opened() };
    } finally {
      this.save();
    }
  }

  /**
   * The workspace and what Sheets shows of it (menu, sidebar, toasts, alerts) as they are now, for
   * `restore`: a test file prepares a workspace once and starts each test from it.
   */
  snapshot(): PlaygroundSnapshot {
    return { state: copyWorldState(this.env.state), ui: copyPlain(this.env.ui) as UiRecord };
  }

  /** Puts back a workspace from `snapshot` (a copy of it, so the snapshot can be restored again). */
  restore(snapshot: PlaygroundSnapshot): void {
    [this.env, this.runtime] = this.start(copyWorldState(snapshot.state));
    Object.assign(this.env.ui, copyPlain(snapshot.ui));
    this.save();
  }

  /** Starts over with an empty spreadsheet. */
  reset(): void {
    [this.env, this.runtime] = this.start(newWorldState());
    this.openDocument();
    this.save();
  }

  /** Every later call runs as this person, as if they had opened the shared sheet. */
  actAs(user: string): boolean {
    const found = playgroundUsers.find((u) => u.user === user);
    if (found && found.user !== this.actingAs.user) this.card = null;
    if (found) this.actingAs = found;
    return found !== undefined;
  }

  /**
   * The acting user opens one of the sent emails in their own Gmail: the card project's contextual
   * trigger runs on their copy of it, as Gmail runs it beside an opened message.
   */
  openInGmail(messageId: string): { ok: boolean; message: string } {
    if (!this.cardHost) return { ok: false, message: 'The Gmail card is not built: run npm run build.' };
    const user = this.actingAs.user;
    const mailbox = this.env.mail.threads(user);
    for (const thread of mailbox) {
      const message = thread.messages.find((m) => m.messageId === messageId && !m.labels.includes('DRAFT'));
      if (!message) continue;
      const open = { user, messageId: message.id, threadId: thread.id };
      this.card = { open, subject: message.subject, panel: this.cardHost.open(open) };
      return { ok: true, message: `Opened in ${user}'s Gmail.` };
    }
    this.card = null;
    return {
      ok: false,
      message: `That email is not in ${user}'s mailbox. Act as one of its recipients to open it in Gmail.`,
    };
  }

  /** A button of the card on top is pressed, with the card's text inputs as typed. */
  pressCardButton(index: number, inputs: Record<string, string>): { ok: boolean; message: string } {
    const card = this.card;
    const top = card?.panel.stack[card.panel.stack.length - 1];
    const action = top ? actionsOf(top)[index] : undefined;
    if (!this.cardHost || !card || !action)
      return { ok: false, message: 'That button is no longer on the card.' };
    card.panel = this.cardHost.press(card.open, card.panel, action, inputs);
    this.save();
    return { ok: card.panel.error === null, message: card.panel.error ?? '' };
  }

  /** Gmail's back arrow: the card below the top one. */
  cardBack(): void {
    if (this.card && this.card.panel.stack.length > 1)
      this.card.panel = { ...this.card.panel, stack: this.card.panel.stack.slice(0, -1), draftId: null };
  }

  /** The approver presses Send in Gmail's compose window, on the draft the card opened. */
  sendCardDraft(): { ok: boolean; message: string } {
    const card = this.card;
    const draftId = card?.panel.draftId;
    if (!card || !draftId || !this.env.mail.draft(card.open.user, draftId))
      return { ok: false, message: 'There is no reply waiting to be sent.' };
    const sent = this.env.mail.sendDraft(card.open.user, draftId);
    this.card = null;
    this.save();
    return {
      ok: true,
      message: `Sent from ${sent.sender}'s Gmail to ${sent.to}. The requester's Check replies now reads it.`,
    };
  }

  private cardView(): GmailCardView | null {
    const card = this.card;
    if (!card) return null;
    const { panel } = card;
    const draft = panel.draftId ? this.env.mail.draft(card.open.user, panel.draftId) : null;
    return {
      user: card.open.user,
      subject: card.subject,
      card: panel.stack[panel.stack.length - 1] ?? null,
      depth: Math.max(0, panel.stack.length - 1),
      notification: panel.notification,
      error: panel.error,
      draft:
        draft && panel.draftId
          ? { id: panel.draftId, to: draft.to, subject: draft.subject, body: draft.body }
          : null,
    };
  }

  /**
   * Delivers a reply to one of the sent emails into the sender's mailbox, quoting it below as mail
   * clients do. Returns a message for the page; then "Check replies now" reads it.
   */
  reply(input: PlaygroundReply): { ok: boolean; message: string } {
    const original = this.env.mail.sent().find((m) => m.messageId === input.messageId);
    if (!original) return { ok: false, message: 'That email is no longer in the outbox.' };
    const from = input.from.trim();
    if (!/^[^\s@<>]+@[^\s@<>]+\.[^\s@<>]+$/.test(from) && !/<[^\s@<>]+@[^\s@<>]+>$/.test(from))
      return { ok: false, message: 'Reply from an email address, such as pat.lee@district.example.org.' };
    const when = formatJavaDate(original.date, this.env.state.spreadsheet.timeZone, 'EEE, MMM d, yyyy');
    const quoted = original.plainBody
      .split('\n')
      .map((line) => `> ${line}`)
      .join('\n');
    const domain = from.replace(/.*@/, '').replace(/>$/, '');
    this.env.mail.deliver({
      to: original.sender,
      from,
      inReplyToMessageId: original.messageId,
      body: `${input.body}\n\nOn ${when}, ${original.from} wrote:\n${quoted}`,
      ...(input.failDmarc
        ? {
            authResults: `mx.google.com; dkim=none; spf=fail smtp.mailfrom=${domain}; dmarc=fail (p=NONE) header.from=${domain}`,
          }
        : {}),
    });
    this.save();
    return {
      ok: true,
      message: `Replied as ${from}. Now check replies in the sidebar (4. Approve › Check replies now).`,
    };
  }

  /**
   * Types example people (names, emails) into the Settings roles, as a district would, so approvals
   * can be tried at once. Their addresses are the playground's users and made-up colleagues.
   */
  fillExamplePeople(): { ok: boolean; message: string } {
    try {
      namePeople(this.env);
    } catch (error) {
      return {
        ok: false,
        message: `Set up the workspace first (${error instanceof Error ? error.message : String(error)}).`,
      };
    }
    this.save();
    return {
      ok: true,
      message: 'Example people are in Settings › Role rows. Replies count only from their addresses.',
    };
  }

  /**
   * Sets the approval chain the approval tests walk through (technology and privacy in parallel, then
   * the sponsor), as a district could in Settings.
   */
  useParallelReviewChain(): void {
    parallelReviewChain(this.env);
    this.save();
  }

  /** Renames the spreadsheet, as its owner could in Sheets. */
  rename(name: string): void {
    this.env.state.spreadsheet.name = name;
    this.save();
  }

  sidebarHtml(): string | null {
    return this.env.ui.sidebar?.content ?? null;
  }

  /** Forbidden globals the bundle touched since start: shown loudly, since Apps Script would fail there. */
  touchedGlobals(): string[] {
    return [...new Set(this.runtime.touched)];
  }

  view(): PlaygroundView {
    const model = new SpreadsheetModel(this.env.state.spreadsheet, () => this.env.now());
    const ui = this.env.ui;
    return {
      spreadsheetName: this.env.state.spreadsheet.name,
      actingAs: this.actingAs.user,
      users: playgroundUsers.map(({ user, label }) => ({ user, label })),
      menu: ui.menu ?? [],
      sidebarTitle: ui.sidebar?.title ?? null,
      sheets: this.env.state.spreadsheet.sheets.map((sheet) => sheetView(model, sheet)),
      toasts: ui.toasts.map((t, id) => ({ id, message: t.message, title: t.title })),
      alerts: ui.alerts.map((a, id) => ({ id, title: a.title, prompt: a.prompt })),
      active: this.activeRows(),
      outbox: this.env.mail
        .sent()
        .filter((m) => m.via !== 'Gmail') // a person's own reply from Gmail is not the add-on's mail
        .reverse()
        .map((m) => ({
          messageId: m.messageId,
          from: m.from,
          to: [m.to, m.cc].filter(Boolean).join(', '),
          subject: m.subject,
          date: formatJavaDate(m.date, this.env.state.spreadsheet.timeZone, 'yyyy-MM-dd HH:mm'),
          body: m.plainBody,
          replies: this.repliesTo(m),
        })),
      gmailCard: this.cardView(),
    };
  }

  /** The replies filed in the sender's thread of a sent email, from anyone else, with their first line. */
  private repliesTo(sent: Pick<SentRecord, 'sender' | 'gmailId'> & { date: Date }): OutboxMail['replies'] {
    const mailbox = this.env.state.mail.mailboxes[sent.sender];
    const thread = mailbox?.threads.find((t) => t.messages.some((m) => m.id === sent.gmailId));
    const header = (m: MailMessageState, name: string) =>
      m.headers.find(([key]) => key.toLowerCase() === name)?.[1] ?? '';
    return (thread?.messages ?? [])
      .filter(
        (m) =>
          m.date >= sent.date.getTime() &&
          !header(m, 'from').toLowerCase().includes(sent.sender.toLowerCase()),
      )
      .map((m) => ({
        from: header(m, 'from'),
        date: formatJavaDate(new Date(m.date), this.env.state.spreadsheet.timeZone, 'yyyy-MM-dd HH:mm'),
        text: m.plainBody.trim().split('\n')[0] ?? '',
      }));
  }

  private activeRows(): PlaygroundView['active'] {
    const range = this.env.state.spreadsheet.activeRange;
    const sheet = range && this.env.state.spreadsheet.sheets.find((s) => s.id === range.sheetId);
    return range && sheet ? { sheet: sheet.name, row: range.row, numRows: range.numRows } : null;
  }

  private save(): void {
    if (this.options.stateFile) saveState(this.options.stateFile, this.env.state);
  }
}

function chartView(model: SpreadsheetModel, chart: SheetState['charts'][number]): ChartView {
  const range = chart.ranges[0];
  const sheet = range && model.state.sheets.find((s) => s.id === range.sheetId);
  const values = range && sheet ? model.values(sheet, range) : [];
  const text = (v: unknown) => (v === null || v === undefined ? '' : String(v));
  const option = (key: string) => text(chart.options[key]);
  return {
    type: chart.chartType,
    title: option('title'),
    vAxis: option('vAxis.title'),
    hAxis: option('hAxis.title'),
    anchor: { row: chart.position.row, column: chart.position.column },
    header: (values[0] ?? []).map(text),
    rows: values.slice(1).map((row) => ({
      label: text(row[0]),
      values: row.slice(1).map((v) => (typeof v === 'number' ? v : null)),
    })),
  };
}

function sheetView(model: SpreadsheetModel, sheet: SheetState): SheetView {
  const state = model.state;
  // The grid reaches under every chart, as Sheets' does, so a chart floats over cells at its anchor.
  const chartRows = Math.ceil(CHART_SIZE.height / 21) + 1;
  const lastRow = Math.max(1, model.lastRow(sheet), ...sheet.charts.map((c) => c.position.row + chartRows));
  const lastColumn = Math.max(1, model.lastColumn(sheet), ...sheet.charts.map((c) => c.position.column + 5));
  const grid = { sheetId: sheet.id, row: 1, column: 1, numRows: lastRow, numColumns: lastColumn };
  const values = model.values(sheet, grid);
  const template = workspaceTemplate.sheets.find(
    (t): t is TableTemplate => t.kind === 'table' && t.name === sheet.name,
  );
  const decimals = new Map<number, number>();
  if (template) {
    for (const [key, at] of mapHeaders(template.columns, values[0] ?? []).columns) {
      const column = template.columns.find((c) => c.key === key);
      if (column?.type.kind === 'number') decimals.set(at, column.type.decimals ?? 0);
    }
  }
  const protection = state.protections.find((p) => p.type === 'SHEET' && p.range.sheetId === sheet.id);
  return {
    name: sheet.name,
    tabColor: sheet.tabColor,
    frozenRows: sheet.frozenRows,
    protection: protection ? (protection.warningOnly ? 'warning' : 'owner-only') : null,
    columnWidths: Array.from({ length: lastColumn }, (_, i) => sheet.columnWidths[i] ?? 100),
    charts: sheet.charts.map((chart) => chartView(model, chart)),
    rows: values.map((row, r) =>
      row.map((value, c) => {
        const cell = model.cell(sheet, r + 1, c + 1);
        const view: CellView = { text: displayText(value, cell?.format, decimals.get(c), state.timeZone) };
        if (cell?.formula) view.formula = cell.formula;
        if (cell?.note) view.note = cell.note;
        if (cell?.validation?.criteria === 'CHECKBOX') view.checkbox = value === true;
        if (cell?.style?.background) view.background = cell.style.background;
        if (cell?.style?.fontWeight === 'bold') view.bold = true;
        if (cell?.style?.wrap) view.wrap = true;
        return view;
      }),
    ),
  };
}

function displayText(
  value: unknown,
  format: string | undefined,
  decimals: number | undefined,
  timeZone: string,
): string {
  if (value instanceof Date) {
    const pattern = format?.includes('h') ? 'yyyy-MM-dd HH:mm' : 'yyyy-MM-dd';
    return formatJavaDate(value, timeZone, pattern);
  }
  if (typeof value === 'number' && decimals !== undefined)
    return String(Math.round(value * 10 ** decimals) / 10 ** decimals);
  if (typeof value === 'boolean') return value ? 'TRUE' : 'FALSE';
  return String(value);
}
