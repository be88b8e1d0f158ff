import type { FieldError } from './workflows';

/** Sharing with leaders, across the sidebar ↔ server contract (plain JSON only). */
export type ShareInput = {
  /** Email addresses, separated by commas, spaces or new lines. */
  addresses: string;
  /** "summary" (the default): the Board summary by email, no access; "view": also view access. */
  access: string;
  /** Set once the person confirmed sending to addresses outside the district's domain. */
  confirmOutside: boolean;
  note: string;
};

export type ShareResult = { ok: true; message: string } | { ok: false; errors: FieldError[] };
