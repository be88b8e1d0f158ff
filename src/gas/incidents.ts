import { incidents as incidentsTemplate } from '../../sheets-templates/incidents';
import { pilot as pilotTemplate } from '../../sheets-templates/pilot';
import { settings as settingsTemplate } from '../../sheets-templates/settings';
import { workflows as workflowsTemplate } from '../../sheets-templates/workflows';
import type { LogEvent } from '../domain/audit-log';
import {
  checkIncidentInput,
  composeIncidentNotice,
  incidentData,
  incidentRoles,
  incidentSeverities,
  noticeDue,
  noticeHours,
  type IncidentData,
  type IncidentSeverity,
} from '../domain/incidents';
import { refusedForLength } from '../domain/input-caps';
import { pilotSeal, sealedPilot } from '../domain/pilot-seal';
import { isoDayToUtc } from '../domain/iso-day';
import { countIncidents } from '../domain/leader-parts';
import { readRoles } from '../domain/roles';
import { nextId, text } from '../domain/table';
import { readWorkflows } from '../domain/workflow-records';
import type { IncidentResult } from '../shared/incidents';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { withDocumentLock } from './document-lock';
import type { PartSource } from './leader-view';
import { localSigner } from './document-secret';
import { displayName, whoAmI } from './identity';
import { Outbox } from './outbox';
import { SheetTable } from './sheet-table';
import { mailToken, type MailIntent } from '../domain/outbox';
import { localDay, timeZoneOf } from './local-time';

/**
 * Recording an incident: one row in Incidents, the pilot paused, and one email to each of the privacy
 * officer, the security lead and the sponsor, through the Outbox like every other email: the emails
 * and the Log events are queued first (tokens derived from the incident and the address), then the row
 * ("Sending") and the pause are written, then the emails are sent and the row marked "Sent". A run cut
 * off anywhere is completed by the next action of the same user (or the hourly check), which finds in
 * sent mail what went out, so nobody is told twice; a row left at "Sending" is marked by the next
 * recording once its emails are settled.
 */
const SENDER_NAME = 'AI Plan Workspace';

/** The result, and what the leader view needs from it (the count per workflow, the pilot's state). */
export type RecordedIncident =
  (Extract<IncidentResult, { ok: true }> & { leader: PartSource }) | Extract<IncidentResult, { ok: false }>;

export function recordIncident(gas: AppsScript, input: unknown): RecordedIncident {
  const refused = refusedForLength('recordIncident', input);
  if (refused) return refused;
  const spreadsheet = activeSpreadsheet(gas);
  const today = localDay(gas, timeZoneOf(spreadsheet), new Date());
  const checked = checkIncidentInput(input, today);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const value = checked.value;
  return withDocumentLock(gas, () => {
    const now = new Date();
    const me = whoAmI(gas);
    const who = displayName(me);
    const workflows = SheetTable.open(spreadsheet, workflowsTemplate, ['id', 'name', 'selected']);
    const chosen = readWorkflows(workflows.data).workflows.filter((w) => w.selected && w.id);
    const selected = chosen.length === 1 ? chosen[0] : undefined;
    if (!selected?.id) return { ok: false, errors: [{ field: '', message: 'Select a workflow first.' }] };
    const table = SheetTable.open(spreadsheet, incidentsTemplate, ['id', 'notice']);
    const pilot = SheetTable.open(spreadsheet, pilotTemplate, ['workflowId', 'state', 'pausedBecause']);
    const settings = SheetTable.open(spreadsheet, settingsTemplate, ['id', 'value']);
    const hours = noticeHours(
      text(
        settings.data.rows.find((r) => text(r.cells['id']) === 'timing.incidentNoticeHours')?.cells['value'],
      ),
    );
    const people = readRoles(settings.data).directory.people;
    const events: LogEvent[] = [];
    const pilotRow = pilot.data.rows.find((r) => text(r.cells['workflowId']) === selected.id);
    // The pilot's state that counts is the sealed one (pilot-seal.ts), whatever was typed into the row.
    const sign = localSigner(gas);
    const sealed = pilotRow ? sealedPilot(sign, pilotRow.row, pilotRow.cells) : null;
    const state = sealed?.state || 'Draft';
    const outbox = Outbox.open(gas, spreadsheet, me.email.toLowerCase(), sign);
    const url = spreadsheet.getUrl();
    const tokenOf = (about: readonly string[]) => mailToken(sign, spreadsheet.getId(), about);
    const noticeOf = (id: string, cells: Record<string, unknown>, found: Date, paused: boolean) =>
      noticeIntents(tokenOf, {
        ...noticeFor(id, selected.name, cells, found, hours, url),
        paused,
        people,
      });
    // Rows left at "Sending" by a run cut short: their emails are queued again where they are not in
    // the Outbox (a row from before it), and sent below after a look in sent mail.
    const sending = new Map<number, string[]>();
    for (const stuck of table.data.rows.filter((r) => text(r.cells['notice']) === 'Sending')) {
      const found = stuck.cells['found'] instanceof Date ? stuck.cells['found'] : now;
      const told = noticeOf(text(stuck.cells['id']), stuck.cells, found, state === 'Paused');
      outbox.enqueue(told.intents, now, { look: true });
      sending.set(stuck.row, told.tokens);
    }
    const found = isoDayToUtc(value.found) ?? now;
    const id = nextId(
      incidentsTemplate.idPrefix,
      table.data.rows.map((r) => text(r.cells['id'])),
      4,
    );
    // Paused now by this incident, or already paused (a stop rule, an earlier incident).
    const told = noticeOf(
      id,
      { severity: value.severity, dataInvolved: value.dataInvolved },
      found,
      state === 'Running' || state === 'Paused',
    );
    const row = table.append({
      id,
      workflowId: selected.id,
      what: value.what,
      found: value.found,
      severity: value.severity,
      dataInvolved: value.dataInvolved,
      noticeDue: noticeDue(found, hours),
      told: told.summary,
      notice: 'Sending',
      recordedBy: who,
      recorded: now,
    });
    sending.set(row, told.tokens);
    events.push({
      who,
      action: 'Recorded an incident',
      subject: id,
      before: '',
      after: `${value.severity}, data involved: ${value.dataInvolved}`,
      note: '',
    });
    if (pilotRow && state === 'Running') {
      const pausedBecause = `Incident ${id} (${value.severity}).`;
      // Written with its seal (and the sealed decision), so the pause counts as the add-on's.
      const cells = { ...pilotRow.cells, state: 'Paused', decision: sealed?.decision ?? '', pausedBecause };
      pilot.set(pilotRow.row, 'state', 'Paused');
      pilot.set(pilotRow.row, 'decision', cells.decision);
      // The sponsor's resume reads why it stopped (as after a stop rule).
      pilot.set(pilotRow.row, 'pausedBecause', pausedBecause);
      pilot.set(pilotRow.row, 'seal', pilotSeal(sign, cells));
      events.push({
        who,
        action: 'Pilot paused by an incident',
        subject: selected.id,
        before: 'Running',
        after: 'Paused',
        note: id,
      });
    }
    events.push({
      who,
      action: 'Incident notice sent',
      subject: id,
      before: '',
      after: told.summary,
      note: told.missing.length > 0 ? `No email in Settings for: ${told.missing.join(', ')}.` : '',
    });
    // The emails and events first, then the row ("Sending") and the pause, then the Log, then the emails.
    outbox.enqueue(told.intents, now);
    outbox.journal(events, now);
    outbox.write();
    table.flush(gas);
    pilot.flush(gas);
    outbox.log(now);
    const rows = new Map(table.current().rows.map((r) => [text(r.cells['id']), r.row]));
    outbox.deliver(now, (record) => {
      // Another email of this user (a notification left by a cut-off run) goes as it would anywhere;
      // requests and their receipts only with their Approvals rows, in the approvals flow.
      if (!/^IN-/.test(record.about))
        return ['Request', 'Receipt', 'Reply note'].includes(record.kind) ? 'hold' : 'send';
      // An incident's notice goes out only with its row as recorded (not one a cut-off run never wrote).
      const at = rows.get(record.about);
      return at !== undefined && sending.get(at)?.includes(record.token) ? 'send' : 'cancel';
    });
    for (const [at, tokens] of sending) {
      const settled = tokens.map((t) => outbox.find(t)?.state ?? '');
      if (settled.every((s) => s === 'Sent' || s === 'Not sent'))
        table.set(at, 'notice', tokens.length === 0 ? 'Not sent' : 'Sent');
    }
    table.flush(gas);
    const paused = state === 'Running' ? ' The pilot is paused.' : '';
    const missing =
      told.missing.length > 0
        ? ` Nobody could be emailed for ${told.missing.join(', ')}: add their address in Settings and tell them yourself.`
        : '';
    return {
      ok: true,
      message: `Recorded incident ${id}.${paused} ${told.summary}${missing}`.trim(),
      leader: {
        incidents: countIncidents(table.current().rows.map((r) => text(r.cells['workflowId']))),
        pilotState: pilotRow
          ? { workflowId: selected.id, state: state === 'Running' ? 'Paused' : state }
          : undefined,
      },
    };
  });
}

/** What the notice says about one incident row. */
function noticeFor(
  token: string,
  workflow: string,
  cells: Record<string, unknown>,
  found: Date,
  hours: number,
  url: string,
) {
  return {
    token,
    workflow,
    // A value edited by hand in the sheet that is no choice reads as the cautious one.
    severity: incidentSeverities.find((s) => s === text(cells['severity'])) ?? 'Material',
    dataInvolved: incidentData.find((d) => d === text(cells['dataInvolved'])) ?? 'None',
    found: found.toISOString().slice(0, 10),
    due: `${noticeDue(found, hours).toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    hours,
    url,
  };
}

/**
 * The notice's Outbox intents, one per address (a person holding two roles is told once), with the
 * summary of who is told. Tokens are derived from the incident and the address, so a run deciding the
 * same notice again queues it once.
 */
function noticeIntents(
  tokenOf: (about: readonly string[]) => string,
  n: {
    token: string;
    workflow: string;
    severity: IncidentSeverity;
    dataInvolved: IncidentData;
    found: string;
    due: string;
    hours: number;
    url: string;
    paused: boolean;
    people: readonly { role: string; name: string; email: string }[];
  },
): { intents: MailIntent[]; tokens: string[]; summary: string; missing: string[] } {
  const email = composeIncidentNotice(n);
  const told: string[] = [];
  const missing: string[] = [];
  const intents: MailIntent[] = [];
  for (const role of incidentRoles) {
    const person = n.people.find((p) => p.role.toLowerCase() === role.toLowerCase());
    const address = person?.email.toLowerCase() ?? '';
    if (!person || address === '') {
      missing.push(role);
      continue;
    }
    if (!intents.some((i) => i.to === address))
      intents.push({
        token: tokenOf(['Incident notice', n.token, n.severity, n.dataInvolved, n.found, address]),
        kind: 'Notification',
        about: n.token,
        to: address,
        cc: '',
        subject: email.subject,
        plain: email.plain,
        html: email.html,
        inThread: '',
        allowed: [],
        fromName: SENDER_NAME,
      });
    told.push(`${role} (${person.name || address})`);
  }
  return {
    intents,
    tokens: intents.map((i) => i.token),
    summary: told.length > 0 ? `Emailed: ${told.join(', ')}.` : 'Nobody was emailed.',
    missing,
  };
}
