import type { FieldError } from './workflows';

/** Sharing with leaders, across the sidebar ↔ server contract (plain JSON only). */
export type ShareInput = {
  /** Email addresses, separated by commas, spaces or new lines. */
  addresses: string;
  /** "viewer" (the default) or "editor". */
  role: string;
  note: string;
};

export type ShareResult = { ok: true; message: string } | { ok: false; errors: FieldError[] };
