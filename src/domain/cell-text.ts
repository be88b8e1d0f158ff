/**
 * Text from people and emails must never become a formula. Sheets reads a leading "=", "+", "-" or
 * "@" as the start of a formula or a function, even in plain-text cells, so such text is written with
 * a leading apostrophe, which Sheets shows and returns without.
 */
const formulaStart = /^\s*[=+\-@]/;

export function asCellText(text: string): string {
  return formulaStart.test(text) ? `'${text}` : text;
}

/** Reads a text cell back, tolerating a stored apostrophe where one was kept. */
export function fromCellText(value: unknown): string {
  // Every cell read passes here: most are plain strings without an apostrophe.
  if (typeof value === 'string' && value.charCodeAt(0) !== 39) return value;
  const text = value instanceof Date ? value.toISOString() : String(value ?? '');
  return text.startsWith("'") && formulaStart.test(text.slice(1)) ? text.slice(1) : text;
}
