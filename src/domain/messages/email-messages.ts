import type { Catalogue } from './catalogue';

/**
 * Every text of the emails approvers, the sponsor and the requester receive: the request, reminder,
 * escalation, receipt, unreadable-reply note and the requester's notice. Keys are grouped by what
 * they are for (`reply.*` is how to answer, reusable by the Gmail card; `request.*` the request
 * email; `fact.*` the facts it states); values from the sheet are filled in as placeholders and
 * escaped by the layout for where they land. Spanish is formal (usted), terms as in GLOSSARY.md.
 */
export const emailMessages = {
  // How to answer: the one instruction every email carries, one line per language.
  'reply.how': {
    en: 'Reply with APPROVE, REJECT or CHANGES as the first word, then any comments.',
    es: 'Responda con APROBAR, RECHAZAR o CAMBIOS como primera palabra y, después, sus comentarios.',
  },
  'reply.approve': { en: 'Approve', es: 'Aprobar' },
  'reply.reject': { en: 'Reject', es: 'Rechazar' },
  'reply.changes': { en: 'Changes', es: 'Cambios' },

  // The request.
  'request.subject': {
    en: 'Approve the {workflow} pilot? Due {due}',
    es: '¿Aprueba el piloto de {workflow}? Vence el {due}',
  },
  'request.ask': { en: 'Approve the {workflow} pilot?', es: '¿Aprueba el piloto de {workflow}?' },
  'request.due': {
    en: 'Please reply by {due}.',
    es: 'Le rogamos que responda a más tardar el {due}.',
  },
  'request.decision': {
    en: 'As {role} (step {step} of {steps}: {stepName}), you are asked to approve starting this pilot, to ask for changes, or to reject it. You are not asked to approve buying a tool or using it beyond the pilot.',
    es: 'Como {role} (paso {step} de {steps}: {stepName}), se le pide que apruebe el inicio de este piloto, que solicite cambios o que lo rechace. No se le pide que apruebe la compra de una herramienta ni su uso más allá del piloto.',
  },
  'request.otherLanguage': { en: 'In English', es: 'En español' },
  'request.again': {
    en: 'Asked again: the plan changed since this step approved it. What changed is listed first below.',
    es: 'Se le solicita de nuevo: el plan cambió desde que este paso lo aprobó. Lo que cambió figura primero más abajo.',
  },
  'request.footer': {
    en: 'Request {token} · plan version {version}. People with access to the plan can open it here: {url}',
    es: 'Solicitud {token} · versión del plan {version}. Quienes tienen acceso al plan pueden abrirlo aquí: {url}',
  },

  // Section titles of the request's facts.
  'section.changed': {
    en: 'What changed since this step approved',
    es: 'Qué cambió desde que este paso aprobó',
  },
  'section.who': { en: 'Who is asking', es: 'Quién lo solicita' },
  'section.workflow': { en: 'The workflow', es: 'El proceso de trabajo' },
  'section.why': { en: 'Why it was chosen', es: 'Por qué se eligió' },
  'section.tool': { en: 'Tool and data', es: 'Herramienta y datos' },
  'section.pilot': { en: 'How the pilot runs', es: 'Cómo funciona el piloto' },
  'section.targets': { en: 'Targets and stop rule', es: 'Metas y regla de suspensión' },
  'section.approvals': { en: 'Approvals so far', es: 'Aprobaciones hasta ahora' },
  'section.timing': { en: 'Timing', es: 'Plazos' },
  'section.record': { en: 'Record', es: 'Registro' },

  // The facts.
  'fact.requester': {
    en: '{requester}, for {team}.',
    es: '{requester}, en nombre de {team}.',
  },
  'fact.noTeam': { en: 'the team', es: 'el equipo' },
  'fact.sponsor': { en: 'Executive sponsor: {sponsor}.', es: 'Patrocinador/a ejecutivo/a: {sponsor}.' },
  'fact.notNamed': { en: 'not named yet', es: 'aún sin nombrar' },
  'fact.notWritten': { en: 'not written in the plan yet', es: 'aún no consta en el plan' },
  'fact.noDescription': { en: 'No description yet.', es: 'Aún no tiene descripción.' },
  'fact.scores': {
    en: 'The team’s scores (median of {scorers}, from 1 to 5): common {common}, measurable {measurable}, low enough risk {risk}, painful enough {pain}; total {total} of 20 ({band}).',
    es: 'Puntuaciones del equipo (mediana de {scorers}, de 1 a 5): frecuente {common}, medible {measurable}, riesgo suficientemente bajo {risk}, suficientemente costoso {pain}; total {total} de 20 ({band}).',
  },
  'fact.scorersOne': { en: '1 scorer', es: '1 persona evaluadora' },
  'fact.scorersMany': { en: '{count} scorers', es: '{count} personas evaluadoras' },
  'fact.notScored': { en: 'The team has not scored it yet.', es: 'El equipo aún no lo ha puntuado.' },
  'band.strong': { en: 'strong', es: 'sólido' },
  'band.possible': { en: 'possible', es: 'posible' },
  'band.defer': { en: 'defer', es: 'aplazar' },
  'eligibility.eligible': {
    en: 'Eligible: risk is low enough and no scorer raised a red flag.',
    es: 'Apto: el riesgo es suficientemente bajo y ninguna persona evaluadora señaló una alerta.',
  },
  'eligibility.needsBaseline': {
    en: 'Eligible once a baseline is planned: measurability is {measurable} of 5, so the plan must say how time and quality are measured before the pilot.',
    es: 'Apto cuando se planifique la línea de base: la medibilidad es {measurable} de 5, así que el plan debe indicar cómo se medirán el tiempo y la calidad antes del piloto.',
  },
  'eligibility.notEligible': {
    en: 'Not eligible: it does not pass the team’s risk and red-flag gates.',
    es: 'No apto: no supera los filtros de riesgo y de alertas del equipo.',
  },
  'eligibility.notScored': {
    en: 'Eligibility is not known until the team scores it.',
    es: 'No se sabe si es apto hasta que el equipo lo puntúe.',
  },
  'eligibility.needsScorers': {
    en: 'It waits for a second scorer before it can be selected.',
    es: 'Espera a que una segunda persona lo puntúe antes de poder seleccionarse.',
  },
  'fact.tool': {
    en: 'Tool and the account it runs under: {tool}',
    es: 'Herramienta y cuenta con la que se usa: {tool}',
  },
  'fact.agreement': {
    en: 'Data agreement or registry entry: {agreement}',
    es: 'Acuerdo de datos o registro de herramientas: {agreement}',
  },
  'fact.tier': { en: 'Data tier: {tier}.', es: 'Nivel de datos: {tier}.' },
  'tier.green': { en: 'Green (public)', es: 'Verde (público)' },
  'tier.yellow': { en: 'Yellow (internal)', es: 'Amarillo (interno)' },
  'tier.amber': {
    en: 'Amber (personal data about staff or families)',
    es: 'Ámbar (datos personales del personal del distrito o de las familias)',
  },
  'tier.red': { en: 'Red (student education records)', es: 'Rojo (expedientes educativos de estudiantes)' },
  'tier.none': { en: 'not classified yet', es: 'aún sin clasificar' },
  // The tier's rule, quoted from src/domain/messages/data-tier-messages.ts.
  'fact.tierRule': { en: 'The tier’s rule: {rule}', es: 'Regla del nivel: {rule}' },
  'fact.noTierRule': {
    en: 'No tier rule applies yet: the workflow has no data tier, so approve nothing that depends on one.',
    es: 'Aún no se aplica ninguna regla de nivel: el proceso de trabajo no tiene nivel de datos, así que no apruebe nada que dependa de ello.',
  },
  'fact.dataVerified': {
    en: '{who} verified the data classification ({item}).',
    es: '{who} verificó la clasificación de los datos ({item}).',
  },
  'fact.dataNotVerified': {
    en: 'Nobody has verified the data classification ({item}) yet.',
    es: 'Nadie ha verificado todavía la clasificación de los datos ({item}).',
  },
  'fact.dataRule': { en: 'The plan’s data rule: {rule}', es: 'Regla de datos del plan: {rule}' },
  'fact.reaches': { en: 'Who it reaches: {profile}.', es: 'A quién llega: {profile}.' },
  'profile.internal': {
    en: 'staff only, in English, no new vendor',
    es: 'solo personal del distrito, en inglés, sin proveedor nuevo',
  },
  'profile.familyFacing': { en: 'families', es: 'las familias' },
  'profile.studentFacing': { en: 'students', es: 'el alumnado' },
  'profile.nonEnglish': { en: 'output in languages other than English', es: 'textos en otros idiomas' },
  'profile.newVendor': { en: 'a new vendor', es: 'un proveedor nuevo' },
  'profile.dutiesChange': { en: 'changed job duties', es: 'cambios en las funciones del personal' },
  'profile.collectsFromStudents': {
    en: 'information collected from students',
    es: 'información recogida del alumnado',
  },
  'fact.reviewRule': { en: 'Review rule: {rule}', es: 'Regla de revisión: {rule}' },
  'fact.baseline': {
    en: 'Baseline: {start} to {end}.',
    es: 'Línea de base: del {start} al {end}.',
  },
  'fact.pilotDates': { en: 'Pilot: {start} to {end}.', es: 'Piloto: del {start} al {end}.' },
  'fact.datesMissing': {
    en: '{what}: dates not written in the plan yet.',
    es: '{what}: fechas aún no indicadas en el plan.',
  },
  'fact.baselineWord': { en: 'Baseline', es: 'Línea de base' },
  'fact.pilotWord': { en: 'Pilot', es: 'Piloto' },
  'fact.target': { en: '{metric}: {target}.', es: '{metric}: {target}.' },
  'fact.stopRule': { en: 'Stop rule: {rule}', es: 'Regla de suspensión: {rule}' },
  'fact.prior': { en: '{role}: {status} on {day}.', es: '{role}: {status} el {day}.' },
  'fact.priorPending': { en: '{role}: {status}.', es: '{role}: {status}.' },
  'fact.firstStep': { en: 'This is the first step.', es: 'Este es el primer paso.' },
  'changed.since': {
    en: 'This step approved plan version {version} on {day}. Since then:',
    es: 'Este paso aprobó la versión del plan {version} el {day}. Desde entonces:',
  },
  'changed.value': { en: '{label}: {before} → {after}', es: '{label}: {before} → {after}' },
  'changed.personal': {
    en: '{label}: changed (see the sheet).',
    es: '{label}: cambió (consulte la hoja).',
  },
  'changed.empty': { en: '(empty)', es: '(vacío)' },
  'changed.more': {
    en: '…and {count} more changes: the plan’s Log sheet lists each one.',
    es: '…y {count} cambios más: la hoja Log del plan los detalla uno por uno.',
  },
  'changed.unknown': {
    en: 'This step approved plan version {version} on {day}. That version is not on record in the sheet, so its changes cannot be listed here: the plan’s Log sheet lists them.',
    es: 'Este paso aprobó la versión del plan {version} el {day}. Esa versión no consta en la hoja, así que sus cambios no pueden detallarse aquí: la hoja Log del plan los detalla.',
  },
  'fact.next': { en: 'Next: {step} ({roles}).', es: 'Después: {step} ({roles}).' },
  'fact.last': {
    en: 'This is the last step: once it approves, the pilot can start.',
    es: 'Este es el último paso: con su aprobación, el piloto puede empezar.',
  },
  'fact.timing': {
    en: 'A reminder follows in this thread after {reminderDays} days without a reply; after {escalationDays} days the executive sponsor is told that the request is waiting.',
    es: 'Si no hay respuesta, recibirá un recordatorio en esta conversación a los {reminderDays} días; a los {escalationDays} días se avisará al patrocinador/a ejecutivo/a de que la solicitud está pendiente.',
  },
  'fact.record': {
    en: 'Your reply, its time, your address and the plan version are recorded in the plan’s Approvals sheet. Please keep student and staff personal data out of your reply: district email is a public record.',
    es: 'Su respuesta, la hora, su dirección y la versión del plan quedan registradas en la hoja Approvals del plan. No incluya datos personales de alumnos ni del personal en su respuesta: el correo del distrito es un registro público.',
  },
  'status.approved': { en: 'approved', es: 'aprobado' },
  'status.rejected': { en: 'rejected', es: 'rechazado' },
  'status.changes': { en: 'asked for changes', es: 'solicitó cambios' },
  'status.waiting': { en: 'waiting for a reply', es: 'en espera de respuesta' },
  'status.review': { en: 'reply being read by a person', es: 'una persona está revisando la respuesta' },
  'status.notAsked': { en: 'not asked yet', es: 'aún no se ha solicitado' },

  // The reminder, in the request's thread.
  'reminder.lead': {
    en: 'A reminder from {requester}: this request is waiting for your reply.',
    es: 'Un recordatorio de {requester}: esta solicitud espera su respuesta.',
  },

  // The escalation, in the request's thread, with the sponsor copied.
  'escalation.lead': {
    en: 'No reply in {days} days: {sponsor}, the executive sponsor, is copied.',
    es: 'Sin respuesta en {days} días: se envía copia a {sponsor}, patrocinador/a ejecutivo/a.',
  },
  'escalation.onlyApprover': {
    en: 'Only the {role}’s reply counts.',
    es: 'Solo cuenta la respuesta de la persona con el rol {role}.',
  },

  // The receipt, in the thread, when a reply is counted.
  'receipt.recorded': {
    en: 'Recorded: {decision}, plan version {version}, at {time} on {day}.',
    es: 'Registrado: {decision}, versión del plan {version}, a las {time} del {day}.',
  },
  'receipt.correctApproval': {
    en: 'If that is not what you meant, reply CHANGES.',
    es: 'Si no es lo que quiso decir, responda CAMBIOS.',
  },
  'receipt.stopped': {
    en: 'The chain stops here: {requester} has been told and will change the plan before asking again.',
    es: 'La cadena se detiene aquí: se ha avisado a {requester}, que cambiará el plan antes de volver a solicitarlo.',
  },

  // The note when the named approver's reply could not be read (once per request).
  'unreadable.lead': {
    en: 'Your reply could not be read as a decision, so {requester} will read it in person. To answer directly, reply as below.',
    es: 'Su respuesta no se pudo leer como una decisión, así que {requester} la leerá personalmente. Para responder directamente, hágalo como se indica a continuación.',
  },
  // The requester's notice when an approver stops the chain.
  'stopped.subject': {
    en: '{role} answered {decision}: {workflow}',
    es: '{role} respondió {decision}: {workflow}',
  },
  'stopped.lead': {
    en: '{approver} answered “{decision}” for the pilot of {workflow}. The approval chain stops here until the plan changes.',
    es: '{approver} respondió «{decision}» sobre el piloto de {workflow}. La cadena de aprobación se detiene aquí hasta que cambie el plan.',
  },
  'stopped.words': { en: 'Their words:', es: 'Sus palabras:' },
  'stopped.open': { en: 'Open the plan: {url}', es: 'Abra el plan: {url}' },
} as const satisfies Catalogue;

export type EmailMessageKey = keyof typeof emailMessages;
