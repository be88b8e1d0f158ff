/**
 * Checking what the sidebar sends. The sidebar is not trusted: every field is checked for type and
 * length, and every problem is reported with its field so the form can show it beside the input.
 */
export type FieldError = { field: string; message: string };
export type Checked<T> = { ok: true; value: T } | { ok: false; errors: FieldError[] };

/** Removes control characters (but keeps line breaks and tabs) and surrounding space. */
export function clean(value: unknown): string | null {
  if (typeof value !== 'string') return null;
  // eslint-disable-next-line no-control-regex -- stripping control characters is the point
  return value.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '').trim();
}

export function textField(
  errors: FieldError[],
  input: Record<string, unknown>,
  field: string,
  label: string,
  max: number,
  required = false,
): string {
  const value = clean(input[field]);
  if (value === null) {
    errors.push({ field, message: `${label} must be text.` });
    return '';
  }
  if (required && value === '') errors.push({ field, message: `${label} is required.` });
  if (value.length > max)
    errors.push({ field, message: `${label} is too long: ${value.length} characters, at most ${max}.` });
  return value;
}

export const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
