import { pilotLabels } from './pilot-plan';
import { canonicalChecklistFields, canonicalWorkflowFields } from './plan-version';
import { profileFlagDefinitions } from './workflow-profile';

/**
 * What changed between two versions of a plan, read from their canonical forms (plan-version.ts), as a
 * district user reads it: "Pilot plan › Stop rule: Any privacy incident → Two privacy incidents". The
 * canonical form is what the version hashes, so every change of version shows here, and nothing else.
 */
export interface PlanChange {
  /** "Workflow › Data tier", "Checklist G12 › Evidence link", "Pilot plan › Stop rule". */
  label: string;
  /** "" when there was none (a row added) or none is left (a row removed). */
  before: string;
  after: string;
  /** A person's name may be in it (an owner, a contact): emails name the change, not the values. */
  personal: boolean;
}

interface Parsed {
  workflow: string[];
  flags: [string, boolean][];
  checklist: string[][];
  pilot: [string, string][];
}

function parse(canonical: string): Parsed | null {
  try {
    const value = JSON.parse(canonical) as Partial<Parsed> | null;
    if (
      !value ||
      !Array.isArray(value.workflow) ||
      !Array.isArray(value.flags) ||
      !Array.isArray(value.checklist) ||
      !Array.isArray(value.pilot)
    )
      return null;
    return value as Parsed;
  } catch {
    return null;
  }
}

const flagLabel = (key: string) => profileFlagDefinitions.find((f) => f.key === key)?.condition ?? key;
const pilotLabel = (key: string) => (pilotLabels as Record<string, string>)[key] ?? key;
const yesNo = (value: boolean | undefined) => (value ? 'Yes' : 'No');
const personalChecklist = new Set(['owner']);
const personalPilot = new Set(['escalation', 'team']);
const STATUS = canonicalChecklistFields.findIndex(([key]) => key === 'status');

/** A checklist row by its item code (a district's own row without one, by its text). */
function rowsByKey(rows: readonly string[][]): Map<string, string[]> {
  const map = new Map<string, string[]>();
  for (const row of rows) {
    const key = row[0] || row[1] || '';
    if (!map.has(key)) map.set(key, row);
  }
  return map;
}

/** The changes from `before` to `after` (canonical forms); null when either cannot be read. */
export function planChanges(before: string, after: string): PlanChange[] | null {
  const a = parse(before);
  const b = parse(after);
  if (!a || !b) return null;
  const changes: PlanChange[] = [];
  const add = (label: string, was: string | undefined, now: string | undefined, personal = false) => {
    if ((was ?? '') !== (now ?? '')) changes.push({ label, before: was ?? '', after: now ?? '', personal });
  };
  canonicalWorkflowFields.forEach(([key, header], i) => {
    if (key !== 'id') add(`Workflow › ${header}`, a.workflow[i], b.workflow[i]);
  });
  const flagsBefore = new Map(a.flags);
  const flagsAfter = new Map(b.flags);
  for (const key of new Set([...flagsBefore.keys(), ...flagsAfter.keys()]))
    if (Boolean(flagsBefore.get(key)) !== Boolean(flagsAfter.get(key)))
      add(`Workflow › ${flagLabel(key)}`, yesNo(flagsBefore.get(key)), yesNo(flagsAfter.get(key)));
  const rowsBefore = rowsByKey(a.checklist);
  const rowsAfter = rowsByKey(b.checklist);
  for (const key of new Set([...rowsBefore.keys(), ...rowsAfter.keys()])) {
    const was = rowsBefore.get(key);
    const now = rowsAfter.get(key);
    const name = `Checklist ${key}`;
    if (!was || !now) {
      // A row that starts or stops applying (the profile changed): its status says where it stands.
      const row = was ?? now ?? [];
      const status = row[STATUS] ?? '';
      add(
        name,
        was ? `Applies (${status})` : 'Does not apply',
        now ? `Applies (${status})` : 'Does not apply',
      );
      continue;
    }
    canonicalChecklistFields.forEach(([field, header], i) => {
      if (field !== 'code') add(`${name} › ${header}`, was[i], now[i], personalChecklist.has(field));
    });
  }
  const pilotBefore = new Map(a.pilot);
  const pilotAfter = new Map(b.pilot);
  for (const key of Object.keys(pilotLabels).filter((k) => pilotBefore.has(k) || pilotAfter.has(k)))
    add(`Pilot plan › ${pilotLabel(key)}`, pilotBefore.get(key), pilotAfter.get(key), personalPilot.has(key));
  for (const key of new Set([...pilotBefore.keys(), ...pilotAfter.keys()]))
    if (!(key in pilotLabels)) add(`Pilot plan › ${key}`, pilotBefore.get(key), pilotAfter.get(key));
  return changes;
}

/** At most `max` characters of a value, on one line, for a message or a Log cell. */
export function shortValue(value: string, max = 80): string {
  const line = value.replace(/\s+/g, ' ').trim();
  if (line === '') return '(empty)';
  return line.length > max ? `${line.slice(0, max - 1).trimEnd()}…` : line;
}

/** "Pilot plan › Stop rule: Any incident → Two incidents", for the Log and the planner. */
export function describeChange(change: PlanChange, max = 80): string {
  return `${change.label}: ${shortValue(change.before, max)} → ${shortValue(change.after, max)}`;
}
