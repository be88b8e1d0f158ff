import type { Catalogue } from './catalogue';

/**
 * The note the privacy officer, the security lead and the sponsor receive when an incident is
 * recorded. It carries no detail of what happened (that may hold personal data): only the severity,
 * the data tier involved, the dates and where to read the record.
 */
export const incidentNotice = {
  subject: {
    en: '[AI Plan {token}] Incident recorded: {workflow} pilot paused',
    es: '[AI Plan {token}] Incidente registrado: piloto {workflow} en pausa',
  },
  intro: {
    en: 'An incident was recorded in the AI pilot of “{workflow}”. The pilot is paused until the team decides how to go on.',
    es: 'Se registró un incidente en el piloto de IA de «{workflow}». El piloto queda en pausa hasta que el equipo decida cómo continuar.',
  },
  subjectNotPaused: {
    en: '[AI Plan {token}] Incident recorded: {workflow}',
    es: '[AI Plan {token}] Incidente registrado: {workflow}',
  },
  introNotPaused: {
    en: 'An incident was recorded for “{workflow}”. No pilot of it is running, so nothing was paused.',
    es: 'Se registró un incidente relativo a «{workflow}». No hay ningún piloto en curso, así que no se pausó nada.',
  },
  facts: {
    en: 'Severity: {severity}. Data involved: {data}. Found: {found}.',
    es: 'Gravedad: {severity}. Datos afectados: {data}. Detectado: {found}.',
  },
  deadline: {
    en: 'Notice under the data-privacy agreement is due by {due} ({hours} hours after it was found).',
    es: 'El aviso previsto en el acuerdo de privacidad de datos vence el {due} ({hours} horas después de detectarse).',
  },
  where: {
    en: 'What happened is recorded in the Incidents sheet, not in this email: {url}',
    es: 'Lo ocurrido consta en la hoja Incidents, no en este correo: {url}',
  },
  'severity.Minor': { en: 'minor', es: 'leve' },
  'severity.Material': { en: 'material', es: 'importante' },
  'severity.Harmful': { en: 'harmful', es: 'dañino' },
  'data.None': { en: 'none', es: 'ninguno' },
  'data.Green': { en: 'Green (public)', es: 'Verde (público)' },
  'data.Yellow': { en: 'Yellow (internal)', es: 'Amarillo (interno)' },
  'data.Amber': {
    en: 'Amber (personal data about staff or families)',
    es: 'Ámbar (datos personales del personal del distrito o de las familias)',
  },
  'data.Red': { en: 'Red (student education records)', es: 'Rojo (expedientes educativos de estudiantes)' },
} as const satisfies Catalogue;
