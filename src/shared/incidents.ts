import type { FieldError } from './workflows';

/** The incidents part of the sidebar ↔ server contract (plain JSON only). */
export type IncidentInput = {
  what: string;
  /** yyyy-mm-dd. */
  found: string;
  /** "Minor", "Material" or "Harmful". */
  severity: string;
  /** "None" or a data tier. */
  dataInvolved: string;
};

export type IncidentResult = { ok: true; message: string } | { ok: false; errors: FieldError[] };
