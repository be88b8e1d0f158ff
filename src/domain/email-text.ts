/**
 * Text that goes into an email. Anything a person typed (names, comments, workflow descriptions) is
 * made safe for where it lands: a header gets one line with no control characters, so nothing can add
 * a header or a recipient; HTML gets every special character escaped, so nothing becomes markup.
 */
export function oneLine(value: string, max = 200): string {
  const flat = value
    // eslint-disable-next-line no-control-regex -- removing control characters is the point
    .replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

export function escapeHtml(value: string): string {
  return value.replace(
    /[&<>"']/g,
    (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c] ?? c,
  );
}

/** Plain-text paragraphs, escaped, with line breaks kept. */
export function htmlParagraphs(value: string): string {
  return value
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, '<br>')}</p>`)
    .join('');
}
