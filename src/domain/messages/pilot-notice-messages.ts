import type { Catalogue } from './catalogue';

/**
 * The notifications sent when the pilot's stop rule pauses it (to the sponsor, the privacy officer and
 * the requester) and when its decision is recorded (to the sponsor, the approvers and the requester).
 * Written for a phone: what happened first, then why, what happens next and who acted. Names and roles
 * only: no addresses, no detail of what the measurements hold.
 */
export const pilotNotice = {
  'pause.subject': {
    en: 'AI pilot paused: {workflow}',
    es: 'Piloto de IA en pausa: {workflow}',
  },
  'pause.lead': {
    en: 'The pilot of “{workflow}” is paused: its stop rule was met.',
    es: 'El piloto de «{workflow}» está en pausa: se cumplió su regla de suspensión.',
  },
  'pause.why': {
    en: 'Why (from the Metrics sheet): {reasons}',
    es: 'Motivo (según la hoja Metrics): {reasons}',
  },
  'pause.next': {
    en: 'Staff stop using the AI tool for this work until the pilot resumes. {sponsor} can resume it with a reason, or record the decision, in the add-on (Pilot).',
    es: 'El personal del distrito deja de usar la herramienta de IA para este trabajo hasta que el piloto se reanude. {sponsor} puede reanudarlo indicando el motivo, o registrar la decisión, en el complemento (Pilot).',
  },
  'pause.byMeasurement': {
    en: 'Paused by the add-on when {who} saved a measurement.',
    es: 'Lo pausó el complemento cuando {who} guardó una medida.',
  },
  'pause.byCheck': {
    en: 'Paused by the add-on’s hourly check of the Metrics sheet, run for {who}.',
    es: 'Lo pausó la revisión horaria de la hoja Metrics que el complemento hace para {who}.',
  },
  'pause.leadPlan': {
    en: 'The pilot of “{workflow}” is paused: the plan its approvers approved was changed.',
    es: 'El piloto de «{workflow}» está en pausa: se modificó su plan aprobado.',
  },
  'pause.whyPlan': {
    en: 'What changed: {reasons}',
    es: 'Qué cambió: {reasons}',
  },
  'pause.nextPlan': {
    en: 'Staff stop using the AI tool for this work until every approval step approves the changed plan. Then {sponsor} can resume the pilot with a reason in the add-on (Pilot).',
    es: 'El personal del distrito deja de usar la herramienta de IA para este trabajo hasta que cada paso de aprobación apruebe el plan modificado. Después, {sponsor} puede reanudar el piloto indicando el motivo en el complemento (Pilot).',
  },
  'pause.byPlan': {
    en: 'Paused by the add-on when {who} confirmed the change to the approved plan.',
    es: 'Lo pausó el complemento cuando {who} confirmó el cambio del plan aprobado.',
  },
  'decision.subject': {
    en: 'AI pilot decision: {decision} — {workflow}',
    es: 'Decisión sobre el piloto de IA: {decision} — {workflow}',
  },
  'decision.lead': {
    en: 'The pilot of “{workflow}” has ended with a decision: {decision}.',
    es: 'El piloto de «{workflow}» terminó con una decisión: {decision}.',
  },
  'decision.why': {
    en: 'Why: {rationale}',
    es: 'Motivo: {rationale}',
  },
  'decision.by': {
    en: 'Decided by {sponsor}, executive sponsor.',
    es: 'Lo decidió {sponsor}, patrocinador/a ejecutivo/a.',
  },
  'decision.onBehalf': {
    en: 'Decided by {sponsor}, executive sponsor; recorded by {recorder} on their behalf.',
    es: 'Lo decidió {sponsor}, patrocinador/a ejecutivo/a; lo registró {recorder} en su nombre.',
  },
  'decision.Scale': { en: 'Scale', es: 'Ampliar' },
  'decision.Extend': { en: 'Extend', es: 'Prolongar' },
  'decision.Narrow': { en: 'Narrow', es: 'Acotar' },
  'decision.Revise': { en: 'Revise', es: 'Revisar' },
  'decision.Stop': { en: 'Stop', es: 'Detener' },
  'next.Scale': {
    en: 'Next: the team prepares the wider use, with the same human review and data rule.',
    es: 'Próximo paso: el equipo prepara el uso más amplio, con la misma revisión humana y la misma regla de datos.',
  },
  'next.reopens': {
    en: 'Next: the wider use raises the data tier or adds a vendor, so the checklist and every approval step open again for the new plan version.',
    es: 'Próximo paso: el uso más amplio eleva el nivel de datos o añade un proveedor, así que la lista de verificación y cada paso de aprobación se abren de nuevo para la nueva versión del plan.',
  },
  'next.Extend': {
    en: 'Next: the team updates the pilot plan with the longer period; the changed plan is approved again before the pilot goes on.',
    es: 'Próximo paso: el equipo actualiza el plan piloto con el período más largo; el plan modificado se aprueba de nuevo antes de que el piloto continúe.',
  },
  'next.Narrow': {
    en: 'Next: the team narrows the pilot plan to what worked; the changed plan is approved again before the pilot goes on.',
    es: 'Próximo paso: el equipo acota el plan piloto a lo que funcionó; el plan modificado se aprueba de nuevo antes de que el piloto continúe.',
  },
  'next.Revise': {
    en: 'Next: the team revises the pilot plan; the changed plan is approved again before a new pilot.',
    es: 'Próximo paso: el equipo revisa el plan piloto; el plan modificado se aprueba de nuevo antes de un nuevo piloto.',
  },
  'next.Stop': {
    en: 'Next: staff stop using the AI tool for this work, and the vendor is asked to delete the district’s data as the data agreement says.',
    es: 'Próximo paso: el personal del distrito deja de usar la herramienta de IA para este trabajo y se pide al proveedor que elimine los datos del distrito, según el acuerdo de datos.',
  },
  footer: {
    en: 'People with access to the plan can open it here: {url}',
    es: 'Quienes tienen acceso al plan pueden abrirlo aquí: {url}',
  },
  'sponsor.unnamed': { en: 'The executive sponsor', es: 'El/la patrocinador/a ejecutivo/a' },
} as const satisfies Catalogue;
