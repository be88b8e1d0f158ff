import type { FieldError } from './input-fields';

/**
 * The most characters each text input of each sidebar call may hold: the one place they are
 * declared (the input checks take their limits from here). Above its cap a call is refused with a
 * short message and changes nothing; no input is ever cut to fit silently. IDs and choices are capped
 * near their longest real value, so a message that names one stays short. A test gives every text
 * field of every call 1 MB, and fails for a field this table does not cap.
 */
const day = 10;
const pilotText = 2000;

export const inputCaps = {
  saveWorkflow: {
    id: 40,
    name: 120,
    description: 2000,
    team: 100,
    timeLost: 1000,
    fragmented: 1000,
    frequentSafe: 1000,
    dataTier: 20,
    kind: 40,
    confirmApprovedChange: 20,
  },
  saveScore: { workflowId: 40, fitsDay: 10, note: 1000, scorerName: 80 },
  selectWorkflow: { workflowId: 40, reason: 500 },
  updateChecklistItem: {
    id: 40,
    status: 40,
    evidence: 2000,
    naReason: 1000,
    due: day,
    owner: 200,
    verifiedBy: 200,
    confirmApprovedChange: 20,
  },
  showChecklistRow: { id: 40 },
  resolveReview: { requestId: 40, decision: 20, note: 500 },
  savePilotPlan: {
    question: pilotText,
    decisionInformed: pilotText,
    team: pilotText,
    inScope: pilotText,
    outOfScope: pilotText,
    tool: pilotText,
    agreement: pilotText,
    sources: pilotText,
    dataRule: pilotText,
    reviewRule: pilotText,
    humanOnly: pilotText,
    escalation: pilotText,
    stopRule: pilotText,
    communication: pilotText,
    feedback: pilotText,
    baselineStart: day,
    baselineEnd: day,
    pilotStart: day,
    pilotEnd: day,
    checkInDay: 20,
    confirmApprovedChange: 20,
  },
  recordDecision: { decision: 20, rationale: 2000, scaleTier: 20, evidence: 2000 },
  resumePilot: { reason: 1000, evidence: 2000 },
  saveMeasurement: {
    metric: 100,
    window: 20,
    periodStart: day,
    periodEnd: day,
    note: 1000,
    language: 60,
    school: 60,
  },
  correctMeasurement: {
    id: 20,
    metric: 100,
    window: 20,
    periodStart: day,
    periodEnd: day,
    note: 1000,
    language: 60,
    school: 60,
  },
  withdrawMeasurement: { id: 20, reason: 1000 },
  recordIncident: { what: 1000, found: day, severity: 20, dataInvolved: 20 },
  shareWithLeaders: { addresses: 5000, access: 20, note: 1000 },
} as const satisfies Record<string, Record<string, number>>;

export type CappedCall = keyof typeof inputCaps;

/**
 * The first check of every sidebar input: a text above its field's cap refuses the whole call, each
 * such field with a short message. Only the fields the table names are looked at; any other key is
 * ignored (and never read as a property of a prototype).
 */
export function oversized(call: CappedCall, input: Readonly<Record<string, unknown>>): FieldError[] {
  const caps: Readonly<Record<string, number>> = inputCaps[call];
  return Object.keys(caps).flatMap((field) => {
    const value = Object.prototype.hasOwnProperty.call(input, field) ? input[field] : undefined;
    const cap = caps[field] ?? 0;
    return typeof value === 'string' && value.length > cap
      ? [
          {
            field,
            message: `This is too long: ${value.length.toLocaleString('en-US')} characters, at most ${cap}.`,
          },
        ]
      : [];
  });
}

/** The refusal of a call whose input holds a text above its cap, or null. */
export function refusedForLength(
  call: CappedCall,
  input: unknown,
): { ok: false; errors: FieldError[] } | null {
  if (typeof input !== 'object' || input === null) return null;
  const errors = oversized(call, input as Record<string, unknown>);
  return errors.length > 0 ? { ok: false, errors } : null;
}

/** At most 80 characters of what someone gave, for a message that names it. */
export function quoted(value: unknown): string {
  const text = typeof value === 'string' ? value : String(value ?? '');
  return text.length > 80 ? `${text.slice(0, 79)}…` : text;
}
