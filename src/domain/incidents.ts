import { escapeHtml, htmlParagraphs, oneLine } from './email-text';
import { inputCaps } from './input-caps';
import { isRecord, textField, type Checked, type FieldError } from './input-fields';
import { isoDayToUtc } from './iso-day';
import { render, type Language } from './messages/catalogue';
import { incidentNotice } from './messages/incident-notice';
import { dataTiers, type DataTier } from './workflow-profile';

/**
 * Incidents: an AI error or a data exposure, recorded in the Incidents sheet. Recording one pauses the
 * pilot and tells the privacy officer, the security lead and the sponsor once, with the deadline for
 * notice under the data-privacy agreement (NIST AI RMF MANAGE 4.1, 4.3; the SDPC agreement's breach
 * clause; state breach laws). The email says where to read the record, never what happened.
 */
export const incidentSeverities = ['Minor', 'Material', 'Harmful'] as const;
export type IncidentSeverity = (typeof incidentSeverities)[number];

export const incidentData = ['None', ...dataTiers] as const;
export type IncidentData = 'None' | DataTier;

/** The roles told of every incident, in this order. */
export const incidentRoles = ['Privacy officer', 'Security lead', 'Executive sponsor'] as const;

/** The notice window when Settings does not give one: the SDPC national agreement's 72 hours. */
export const DEFAULT_NOTICE_HOURS = 72;

export interface IncidentFields {
  what: string;
  /** yyyy-mm-dd: the day it was found. */
  found: string;
  severity: IncidentSeverity;
  dataInvolved: IncidentData;
}

/** `today`: yyyy-mm-dd in the spreadsheet's time zone; an incident cannot be found after it. */
export function checkIncidentInput(input: unknown, today: string): Checked<IncidentFields> {
  if (!isRecord(input))
    return { ok: false, errors: [{ field: '', message: 'The incident could not be read.' }] };
  const errors: FieldError[] = [];
  const what = textField(errors, input, 'what', 'What happened', inputCaps.recordIncident.what, true);
  const found = typeof input['found'] === 'string' ? input['found'].trim() : '';
  if (!isoDayToUtc(found))
    errors.push({ field: 'found', message: 'Give the day it was found (yyyy-mm-dd).' });
  // yyyy-mm-dd strings compare as the days they name.
  else if (found > today)
    errors.push({
      field: 'found',
      message: `An incident cannot be found after today (${today}): check the day it was found.`,
    });
  const severity = incidentSeverities.find((s) => s === input['severity']);
  if (!severity)
    errors.push({
      field: 'severity',
      message: 'Choose the severity: Minor, Material (someone could act on it) or Harmful.',
    });
  const dataInvolved = incidentData.find((d) => d === input['dataInvolved']);
  if (!dataInvolved)
    errors.push({
      field: 'dataInvolved',
      message: `Choose the data involved: ${incidentData.join(', ')}.`,
    });
  if (errors.length > 0 || !severity || !dataInvolved) return { ok: false, errors };
  return { ok: true, value: { what, found, severity, dataInvolved } };
}

/** When notice is due: the found day's start plus the agreement's window. */
export function noticeDue(found: Date, hours: number): Date {
  return new Date(found.getTime() + hours * 3_600_000);
}

/** The notice window from Settings (`timing.incidentNoticeHours`), or the default when unusable. */
export function noticeHours(raw: string): number {
  const hours = Number(raw);
  return raw.trim() !== '' && Number.isFinite(hours) && hours > 0 && hours <= 24 * 60
    ? hours
    : DEFAULT_NOTICE_HOURS;
}

export interface IncidentNotice {
  subject: string;
  plain: string;
  html: string;
}

/** The one email to the people told, in English and then Spanish. */
export function composeIncidentNotice(n: {
  token: string;
  workflow: string;
  severity: IncidentSeverity;
  dataInvolved: IncidentData;
  found: string;
  due: string;
  hours: number;
  url: string;
  /** Whether the pilot is paused now: the notice says so only when it is. */
  paused: boolean;
}): IncidentNotice {
  const params = (language: Language) => ({
    token: n.token,
    workflow: oneLine(n.workflow, 120),
    severity: render(incidentNotice[`severity.${n.severity}`], language),
    data: render(incidentNotice[`data.${n.dataInvolved}`], language),
    found: n.found,
    due: n.due,
    hours: n.hours,
    url: n.url,
  });
  const paragraphs = (language: Language) =>
    [
      n.paused ? incidentNotice.intro : incidentNotice.introNotPaused,
      incidentNotice.facts,
      incidentNotice.deadline,
      incidentNotice.where,
    ].map((m) => render(m, language, params(language)));
  const languages: Language[] = ['en', 'es'];
  return {
    subject: oneLine(
      render(n.paused ? incidentNotice.subject : incidentNotice.subjectNotPaused, 'en', params('en')),
      250,
    ),
    plain: languages.map((l) => paragraphs(l).join('\n\n')).join('\n\n---\n\n'),
    html: [
      '<div style="font-family:Arial,Helvetica,sans-serif;font-size:14px;line-height:1.4;color:#202124">',
      ...languages.map(
        (l) =>
          `<div lang="${l}">${paragraphs(l)
            .map((p) => htmlParagraphs(p))
            .join('')}</div>`,
      ),
      `<p style="color:#5f6368">${escapeHtml(n.token)}</p>`,
      '</div>',
    ].join(''),
  };
}
