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
import { readRoles } from '../domain/roles';
import { nextId, text } from '../domain/table';
import { readWorkflows } from '../domain/workflow-records';
import type { IncidentResult } from '../shared/incidents';
import { activeSpreadsheet } from './active-spreadsheet';
import type { AppsScript } from './apps-script';
import { appendToLog } from './audit-log-gateway';
import { withDocumentLock } from './document-lock';
import { localSigner } from './document-secret';
import { displayName, whoAmI } from './identity';
import { SheetTable } from './sheet-table';

/**
 * Recording an incident: one row in Incidents, the pilot paused, and one email to each of the privacy
 * officer, the security lead and the sponsor. The row is written as "Sending" before any email goes and
 * "Sent" after; a run cut off in between is completed by the next one, which finds what went out by the
 * token in the subject, so nobody is told twice. (Until the shared outbox lands, this is the same
 * record-then-send pattern the approval requests use.)
 */
const SENDER_NAME = 'AI Plan Workspace';

export function recordIncident(gas: AppsScript, input: unknown): IncidentResult {
  const refused = refusedForLength('recordIncident', input);
  if (refused) return refused;
  const checked = checkIncidentInput(input);
  if (!checked.ok) return { ok: false, errors: checked.errors };
  const value = checked.value;
  const spreadsheet = activeSpreadsheet(gas);
  return withDocumentLock(gas, () => {
    const now = new Date();
    const who = displayName(whoAmI(gas));
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
    // A row left at "Sending" by a run cut short: finish telling people (nobody is told twice).
    for (const stuck of table.data.rows.filter((r) => text(r.cells['notice']) === 'Sending')) {
      const found = stuck.cells['found'] instanceof Date ? stuck.cells['found'] : now;
      const told = notify(gas, {
        ...noticeFor(text(stuck.cells['id']), selected.name, stuck.cells, found, hours, spreadsheet.getUrl()),
        paused: state === 'Paused',
        people,
      });
      table.set(stuck.row, 'notice', told.missing.length === incidentRoles.length ? 'Not sent' : 'Sent');
      table.set(stuck.row, 'told', told.summary);
      events.push({
        who,
        action: 'Incident notice completed',
        subject: text(stuck.cells['id']),
        before: 'Sending',
        after: told.summary,
        note: 'The run that recorded it stopped before every email was recorded.',
      });
    }
    const found = isoDayToUtc(value.found) ?? now;
    const id = nextId(
      incidentsTemplate.idPrefix,
      table.data.rows.map((r) => text(r.cells['id'])),
      4,
    );
    const row = table.append({
      id,
      workflowId: selected.id,
      what: value.what,
      found: value.found,
      severity: value.severity,
      dataInvolved: value.dataInvolved,
      noticeDue: noticeDue(found, hours),
      told: '',
      notice: 'Sending',
      recordedBy: who,
      recorded: now,
    });
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
    // Record first: the row says "Sending" before any email goes.
    table.flush(gas);
    pilot.flush(gas);
    const told = notify(gas, {
      ...noticeFor(
        id,
        selected.name,
        { severity: value.severity, dataInvolved: value.dataInvolved },
        found,
        hours,
        spreadsheet.getUrl(),
      ),
      // Paused now by this incident, or already paused (a stop rule, an earlier incident).
      paused: state === 'Running' || state === 'Paused',
      people,
    });
    table.set(row, 'notice', told.missing.length === incidentRoles.length ? 'Not sent' : 'Sent');
    table.set(row, 'told', told.summary);
    table.flush(gas);
    events.push({
      who,
      action: 'Incident notice sent',
      subject: id,
      before: 'Sending',
      after: told.summary,
      note: told.missing.length > 0 ? `No email in Settings for: ${told.missing.join(', ')}.` : '',
    });
    appendToLog(gas, spreadsheet, events, now);
    const paused = state === 'Running' ? ' The pilot is paused.' : '';
    const missing =
      told.missing.length > 0
        ? ` Nobody could be emailed for ${told.missing.join(', ')}: add their address in Settings and tell them yourself.`
        : '';
    return { ok: true, message: `Recorded incident ${id}.${paused} ${told.summary}${missing}`.trim() };
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

/** Emails each role holder once: a message already in Sent with the token for that address is not sent again. */
function notify(
  gas: AppsScript,
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
): { summary: string; missing: string[] } {
  const email = composeIncidentNotice(n);
  const told: string[] = [];
  const missing: string[] = [];
  const sentTo = new Set<string>();
  for (const role of incidentRoles) {
    const person = n.people.find((p) => p.role.toLowerCase() === role.toLowerCase());
    const address = person?.email.toLowerCase() ?? '';
    if (!person || address === '') {
      missing.push(role);
      continue;
    }
    if (!sentTo.has(address)) {
      const already = gas.GmailApp.search(`in:sent to:${address} subject:"${n.token}"`, 0, 1).length > 0;
      if (!already)
        gas.GmailApp.createDraft(address, email.subject, email.plain, {
          htmlBody: email.html,
          name: SENDER_NAME,
        }).send();
      sentTo.add(address);
    }
    told.push(`${role} (${person.name || address})`);
  }
  return { summary: told.length > 0 ? `Emailed: ${told.join(', ')}.` : 'Nobody was emailed.', missing };
}
