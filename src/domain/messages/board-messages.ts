import type { Catalogue } from './catalogue';

/**
 * The leader view's texts: the Board summary sheet, the Dashboard's labels and the summary email that
 * carries the Board summary. Plain language for a board member; every figure comes with its n.
 */
export const boardMessages = {
  title: {
    en: 'AI implementation plan: board summary',
    es: 'Plan de implementación de IA: resumen para la junta',
  },
  asOf: {
    en: 'As of {date}. Figures from the plan’s sheets; n is how many items or periods were measured.',
    es: 'Al {date}. Cifras de las hojas del plan; n es cuántos elementos o períodos se midieron.',
  },
  printHint: {
    en: 'Prints on one page: File › Print › Scale: Fit to width.',
    es: 'Se imprime en una página: Archivo › Imprimir › Escala: Ajustar al ancho.',
  },

  status: { en: 'Status', es: 'Estado' },
  'stage.empty': {
    en: 'Getting started: no candidate workflows yet.',
    es: 'En preparación: todavía no hay procesos de trabajo candidatos.',
  },
  'stage.choosing': {
    en: 'Choosing one workflow: staff are scoring {count} candidates.',
    es: 'Elección de un proceso de trabajo: el personal está puntuando {count} candidatos.',
  },
  'stage.selected': {
    en: '“{workflow}” is chosen. Its governance checklist is under way: {done} of {total} required items done.',
    es: 'Se eligió “{workflow}”. Su lista de verificación de gobernanza está en curso: {done} de {total} elementos obligatorios completados.',
  },
  'stage.planning': {
    en: '“{workflow}” is chosen and its governance checklist is done. Its pilot plan is still being written.',
    es: 'Se eligió “{workflow}” y su lista de verificación de gobernanza está completa. Su plan piloto aún se está redactando.',
  },
  'stage.ready': {
    en: '“{workflow}” is ready for approval: all {total} required checklist items are done and the pilot plan is written.',
    es: '“{workflow}” está listo para aprobación: los {total} elementos obligatorios de la lista de verificación están completados y el plan piloto está redactado.',
  },
  'stage.approvals': {
    en: '“{workflow}” is waiting for approval: {approved} of {requested} approvals received.',
    es: '“{workflow}” espera aprobación: se recibieron {approved} de {requested} aprobaciones.',
  },
  'stage.approved': {
    en: '“{workflow}” is approved. The pilot has not started yet.',
    es: '“{workflow}” está aprobado. El piloto aún no ha comenzado.',
  },
  'stage.running': {
    en: 'The pilot of “{workflow}” is running, {start} to {end}.',
    es: 'El piloto de “{workflow}” está en marcha, del {start} al {end}.',
  },
  'stage.paused': {
    en: 'The pilot of “{workflow}” is paused until the team reviews what happened.',
    es: 'El piloto de “{workflow}” está en pausa hasta que el equipo revise lo ocurrido.',
  },
  'stage.ended': {
    en: 'The pilot of “{workflow}” has ended. A decision is due.',
    es: 'El piloto de “{workflow}” terminó. Falta la decisión.',
  },
  'stage.decided': {
    en: 'The pilot of “{workflow}” has ended with a decision.',
    es: 'El piloto de “{workflow}” terminó con una decisión.',
  },

  decision: { en: 'Decision', es: 'Decisión' },
  decisionNone: { en: 'Not decided yet.', es: 'Aún no se ha decidido.' },
  decisionMade: { en: '{decision}. {rationale}', es: '{decision}. {rationale}' },
  'decision.Scale': { en: 'Scale up', es: 'Ampliar' },
  'decision.Extend': { en: 'Extend the pilot', es: 'Extender el piloto' },
  'decision.Narrow': { en: 'Narrow the use', es: 'Acotar el uso' },
  'decision.Revise': { en: 'Revise the plan', es: 'Revisar el plan' },
  'decision.Stop': { en: 'Stop', es: 'Detener' },

  plan: { en: 'Plan', es: 'Plan' },
  planNone: {
    en: 'No plan yet: a workflow must be chosen first.',
    es: 'Aún no hay plan: primero debe elegirse un proceso de trabajo.',
  },
  planApproved: {
    en: 'Plan version {version}, approved {date}.',
    es: 'Versión del plan {version}, aprobada el {date}.',
  },
  planPending: {
    en: 'Plan version {version}, not approved yet.',
    es: 'Versión del plan {version}, aún sin aprobar.',
  },
  planNotSent: {
    en: 'Plan version {version} is being prepared; it has not been sent for approval yet.',
    es: 'Se está preparando la versión del plan {version}; aún no se ha enviado para aprobación.',
  },
  planDraft: {
    en: 'The plan is being written; no version has been numbered yet.',
    es: 'El plan se está redactando; aún no tiene número de versión.',
  },

  improved: { en: 'What improved', es: 'Qué mejoró' },
  improvedBefore: {
    en: 'Nothing to report until the pilot has been measured.',
    es: 'No hay resultados hasta que se mida el piloto.',
  },
  improvedFell: {
    en: '{metric} fell from {baseline} to {pilot} over {n}.',
    es: '{metric} bajó de {baseline} a {pilot} en {n}.',
  },
  improvedRose: {
    en: '{metric} rose from {baseline} to {pilot} over {n}.',
    es: '{metric} subió de {baseline} a {pilot} en {n}.',
  },
  improvedNotEnough: {
    en: 'Not enough data yet: each measure needs at least {min} measured periods before and during the pilot.',
    es: 'Aún no hay datos suficientes: cada medida necesita al menos {min} períodos medidos antes y durante el piloto.',
  },
  improvedNone: {
    en: 'No measure has improved yet ({count} measured with enough data).',
    es: 'Ninguna medida ha mejorado todavía ({count} medidas con datos suficientes).',
  },
  targetsMet: { en: '{met} of {judged} targets met.', es: 'Se cumplieron {met} de {judged} metas.' },
  items: { en: '{n} items', es: '{n} elementos' },
  periods: { en: '{n} measured periods', es: '{n} períodos medidos' },
  item: { en: '{n} item', es: '{n} elemento' },
  period: { en: '{n} measured period', es: '{n} período medido' },
  nPair: { en: '{pilot} in the pilot, {baseline} before', es: '{pilot} en el piloto, {baseline} antes' },

  targets: { en: 'Targets', es: 'Metas' },
  targetLine: {
    en: '{metric}: {baseline} → {pilot} ({change}, {cue}). Target {target}: {met}. n = {n}.',
    es: '{metric}: {baseline} → {pilot} ({change}, {cue}). Meta {target}: {met}. n = {n}.',
  },
  targetLinePilotOnly: {
    en: '{metric}: {pilot} in the pilot, with no baseline to compare. Target {target}: {met}. n = {n}.',
    es: '{metric}: {pilot} en el piloto, sin línea de base para comparar. Meta {target}: {met}. n = {n}.',
  },
  targetNotEnough: {
    en: '{metric}: not enough data (n = {n}; at least {min} periods each are needed).',
    es: '{metric}: datos insuficientes (n = {n}; se necesitan al menos {min} períodos en cada uno).',
  },
  targetsNone: { en: 'No measurements yet.', es: 'Aún no hay mediciones.' },
  targetsMore: {
    en: '{count} more measures are on the Dashboard.',
    es: 'Otras {count} medidas están en el Dashboard.',
  },
  met: { en: 'met', es: 'cumplida' },
  notMet: { en: 'not met', es: 'no cumplida' },
  notKnown: { en: 'not known yet', es: 'aún no se sabe' },
  'cue.better': { en: 'better', es: 'mejor' },
  'cue.worse': { en: 'worse', es: 'peor' },
  'cue.same': { en: 'no change', es: 'sin cambio' },
  'cue.noBaseline': { en: 'no baseline', es: 'sin línea de base' },
  'cue.unknown': { en: 'not enough data', es: 'datos insuficientes' },

  safeguards: { en: 'Safeguards', es: 'Salvaguardas' },
  dataTier: { en: 'Data: {tier} tier. {rule}', es: 'Datos: nivel {tier}. {rule}' },
  dataTierNone: {
    en: 'Data: the data tier is not set yet.',
    es: 'Datos: aún no se ha fijado el nivel de datos.',
  },
  dataRuleNone: { en: 'The data rule is not written yet.', es: 'La regla de datos aún no está escrita.' },
  'tier.Green': { en: 'green (public or directory data)', es: 'verde (datos públicos o de directorio)' },
  'tier.Amber': { en: 'amber (internal data)', es: 'ámbar (datos internos)' },
  'tier.Red': { en: 'red (confidential data)', es: 'rojo (datos confidenciales)' },
  review: { en: 'Human review: {rule}', es: 'Revisión humana: {rule}' },
  reviewNone: {
    en: 'Human review: the review rule is not written yet.',
    es: 'Revisión humana: la regla de revisión aún no está escrita.',
  },
  approvedBy: {
    en: 'Approved by: {roles}. Last approval {date}.',
    es: 'Aprobado por: {roles}. Última aprobación el {date}.',
  },
  approvalsSoFar: {
    en: 'Approvals: {approved} of {requested} received.',
    es: 'Aprobaciones: se recibieron {approved} de {requested}.',
  },
  approvalsNone: { en: 'Approvals: not requested yet.', es: 'Aprobaciones: aún no se han solicitado.' },
  approvalsStopped: {
    en: 'Approvals: an approver rejected the plan or asked for changes.',
    es: 'Aprobaciones: una persona que aprueba rechazó el plan o solicitó cambios.',
  },
  andMore: { en: '{roles} and {count} more', es: '{roles} y {count} más' },
  families: { en: 'Families informed: {how}', es: 'Familias informadas: {how}' },
  familiesMissing: {
    en: 'Families informed: not recorded yet, and this workflow reaches families.',
    es: 'Familias informadas: aún no consta, y este proceso de trabajo llega a las familias.',
  },
  familiesNotNeeded: {
    en: 'Families informed: not required; the workflow does not reach families.',
    es: 'Familias informadas: no se requiere; el proceso de trabajo no llega a las familias.',
  },

  risks: { en: 'Risks and incidents', es: 'Riesgos e incidentes' },
  risksBefore: {
    en: 'No pilot has run yet, so there are no incidents to report.',
    es: 'Aún no se ha realizado ningún piloto, así que no hay incidentes que informar.',
  },
  risksIncidents: {
    en: 'Incidents recorded for this workflow: {incidents}.',
    es: 'Incidentes registrados para este proceso de trabajo: {incidents}.',
  },
  risksErrors: {
    en: 'Errors that reached families or staff during the pilot: {escaped}. n = {n}.',
    es: 'Errores que llegaron a familias o al personal durante el piloto: {escaped}. n = {n}.',
  },
  risksErrorsNotMeasured: {
    en: 'No pilot period has an error count yet, so errors that reached people cannot be reported.',
    es: 'Ningún período del piloto tiene aún un recuento de errores, así que no se pueden informar los errores que llegaron a las personas.',
  },
  risksPaused: {
    en: 'The pilot is paused until the team reviews what happened and the sponsor resumes it or records a decision.',
    es: 'El piloto está en pausa hasta que el equipo revise lo ocurrido y el patrocinador ejecutivo lo reanude o registre una decisión.',
  },
  risksOpen: {
    en: '{open} required checklist items are still open.',
    es: 'Aún quedan {open} elementos obligatorios abiertos en la lista de verificación.',
  },

  next: { en: 'What happens next', es: 'Próximos pasos' },
  'next.empty': {
    en: 'Staff list the workflows they are considering and score them.',
    es: 'El personal enumera los procesos de trabajo que considera y los puntúa.',
  },
  'next.choosing': {
    en: 'The team chooses one workflow to pilot.',
    es: 'El equipo elige un proceso de trabajo para el piloto.',
  },
  'next.selected': {
    en: 'Finish the governance checklist and the pilot plan, then request approvals.',
    es: 'Completar la lista de verificación de gobernanza y el plan piloto, y luego solicitar las aprobaciones.',
  },
  'next.ready': {
    en: 'The plan goes to the approvers named in Settings, one step at a time.',
    es: 'El plan pasa a las personas que aprueban indicadas en Settings, paso a paso.',
  },
  'next.approvals': {
    en: 'Approvers answer by email; the pilot starts only once every step approves.',
    es: 'Las personas que aprueban responden por correo; el piloto comienza solo cuando todos los pasos lo aprueban.',
  },
  'next.approved': {
    en: 'The pilot starts with staff reviewing every output.',
    es: 'El piloto comienza con el personal revisando cada resultado.',
  },
  'next.running': {
    en: 'Staff measure each week; the pilot ends {end} and the sponsor decides.',
    es: 'El personal mide cada semana; el piloto termina el {end} y el patrocinador/a ejecutivo/a decide.',
  },
  'next.paused': {
    en: 'The team reviews the incident; the pilot resumes only with the sponsor’s agreement.',
    es: 'El equipo revisa el incidente; el piloto se reanuda solo con el acuerdo del patrocinador/a ejecutivo/a.',
  },
  'next.ended': {
    en: 'The sponsor compares the baseline with the pilot and records the decision.',
    es: 'El patrocinador/a ejecutivo/a compara la línea de base con el piloto y registra la decisión.',
  },
  'next.Scale': {
    en: 'Wider use goes through the checklist and approvals again before it starts.',
    es: 'El uso más amplio vuelve a pasar por la lista de verificación y las aprobaciones antes de comenzar.',
  },
  'next.Extend': {
    en: 'The pilot continues to gather more evidence.',
    es: 'El piloto continúa para reunir más evidencia.',
  },
  'next.Narrow': {
    en: 'The use continues in a narrower scope.',
    es: 'El uso continúa con un alcance más acotado.',
  },
  'next.Revise': {
    en: 'The plan is revised and approved again before any further use.',
    es: 'El plan se revisa y se aprueba de nuevo antes de cualquier otro uso.',
  },
  'next.Stop': {
    en: 'The use stops; the team records what it learned.',
    es: 'El uso se detiene; el equipo registra lo aprendido.',
  },

  'metric.Time per item (minutes)': { en: 'Time per item (minutes)', es: 'Tiempo por elemento (minutos)' },
  'metric.Items handled per week': { en: 'Items handled per week', es: 'Elementos atendidos por semana' },
  'metric.Revision rate (%)': { en: 'Revision rate (%)', es: 'Tasa de revisión (%)' },
  'metric.Caught errors (%)': {
    en: 'Errors caught in review (%)',
    es: 'Errores detectados en la revisión (%)',
  },
  'metric.Escaped errors': { en: 'Errors that reached people', es: 'Errores que llegaron a las personas' },
  'metric.Response time (business hours)': {
    en: 'Response time (business hours)',
    es: 'Tiempo de respuesta (horas hábiles)',
  },
  'metric.Staff trust (1–5)': { en: 'Staff trust (1–5)', es: 'Confianza del personal (1–5)' },
  'metric.Adoption (%)': { en: 'Adoption (%)', es: 'Adopción (%)' },
  'metric.Incidents': { en: 'Incidents', es: 'Incidentes' },
  'metric.Spot-check errors found (%)': {
    en: 'Errors a second reviewer found (%)',
    es: 'Errores hallados en la segunda revisión (%)',
  },
  'metric.Summary accuracy (%)': { en: 'Summary accuracy (%)', es: 'Exactitud de los resúmenes (%)' },
  'metric.Answer found (%)': { en: 'Answer found (%)', es: 'Respuesta encontrada (%)' },
  'metric.Escaped errors: minor': {
    en: 'Minor errors that reached people',
    es: 'Errores menores que llegaron a las personas',
  },
  'metric.Escaped errors: material': {
    en: 'Material errors that reached people',
    es: 'Errores importantes que llegaron a las personas',
  },
  'metric.Escaped errors: harmful': {
    en: 'Harmful errors that reached people',
    es: 'Errores graves que llegaron a las personas',
  },
  'metric.Staff trust (% agreeing)': {
    en: 'Staff trust (% agreeing)',
    es: 'Confianza del personal (% de acuerdo)',
  },

  'target.lowerBy': {
    en: 'at least {percent}% lower than the baseline',
    es: 'al menos un {percent}% menos que la línea de base',
  },
  'target.atLeastBaseline': { en: 'at least the baseline', es: 'al menos la línea de base' },
  'target.under': { en: 'under {limit}', es: 'menos de {limit}' },
  'target.atLeast': { en: '{limit} or more', es: '{limit} o más' },
  'target.none': { en: 'none', es: 'ninguno' },

  leaderView: {
    en: 'Leader view (written by the add-on with every change)',
    es: 'Vista para líderes (la escribe el complemento con cada cambio)',
  },
  updated: { en: 'Updated {date}', es: 'Actualizado el {date}' },
  safety: { en: 'Safety', es: 'Seguridad' },
  measure: { en: 'Measure', es: 'Medida' },
  baseline: { en: 'Baseline', es: 'Línea de base' },
  pilot: { en: 'Pilot', es: 'Piloto' },
  n: { en: 'n', es: 'n' },
  change: { en: 'Change', es: 'Cambio' },
  betterOrWorse: { en: 'Better or worse', es: 'Mejor o peor' },
  target: { en: 'Target', es: 'Meta' },
  targetMet: { en: 'Target met', es: 'Meta cumplida' },
  notEnoughData: { en: 'not enough data', es: 'datos insuficientes' },
  changeChart: {
    en: 'Change from baseline (%), measures with enough data',
    es: 'Cambio respecto a la línea de base (%), medidas con datos suficientes',
  },
  changePercent: { en: 'Change (%)', es: 'Cambio (%)' },
  week: { en: 'Week of', es: 'Semana del' },
  byWeek: { en: '{metric}, by week', es: '{metric}, por semana' },
  checklist: { en: 'Governance checklist', es: 'Lista de verificación de gobernanza' },
  checklistItems: { en: 'Required items', es: 'Elementos obligatorios' },
  checklistChart: {
    en: 'Governance checklist: required items',
    es: 'Lista de verificación de gobernanza: elementos obligatorios',
  },
  itemsDone: { en: 'Done', es: 'Completados' },
  itemsOpen: { en: 'Open', es: 'Abiertos' },
  readyForApproval: { en: 'Ready for approval', es: 'Lista para aprobación' },
  yes: { en: 'Yes', es: 'Sí' },
  no: { en: 'No', es: 'No' },
  noChecklist: { en: 'No checklist yet', es: 'Aún no hay lista de verificación' },
  approvalSteps: { en: 'Approval steps', es: 'Pasos de aprobación' },
  stepStatus: { en: 'Status', es: 'Estado' },
  stepDate: { en: 'Approved on', es: 'Aprobado el' },
  stepLabel: { en: 'Step {number}: {name}', es: 'Paso {number}: {name}' },
  stepApproved: { en: 'Approved', es: 'Aprobado' },
  stepWaiting: {
    en: '{approved} of {requested} approvals received',
    es: 'Se recibieron {approved} de {requested} aprobaciones',
  },
  stepNotSent: { en: 'Not requested yet', es: 'Aún no solicitado' },
  stepStopped: { en: 'Rejected or changes requested', es: 'Rechazado o con cambios solicitados' },
  ranking: { en: 'Candidate workflows, ranked', es: 'Procesos de trabajo candidatos, por orden' },
  teamScore: { en: 'Team score (of 20)', es: 'Puntuación del equipo (sobre 20)' },
  scoredBy: { en: 'n (people who scored)', es: 'n (personas que puntuaron)' },
  rankingChart: {
    en: 'Candidate workflows by team score (of 20)',
    es: 'Procesos de trabajo candidatos por puntuación del equipo (sobre 20)',
  },
  rankingMore: { en: 'and {count} more candidates', es: 'y {count} candidatos más' },
} satisfies Catalogue;

export type BoardMessage = keyof typeof boardMessages;
