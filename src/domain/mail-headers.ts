/**
 * Reading headers from a message's raw RFC 822 text. Gmail adds its own Authentication-Results at the
 * top; a sender can put a forged one lower down, so only the first one is Gmail's verdict.
 */
const MAX_HEADER_TEXT = 64 * 1024;

/** The first header named `name` (case-insensitive), unfolded; "" when absent. */
export function firstHeader(raw: string, name: string): string {
  const head = raw.slice(0, MAX_HEADER_TEXT);
  const end = head.search(/\r?\n\r?\n/);
  const lines = (end >= 0 ? head.slice(0, end) : head).split(/\r?\n/);
  const prefix = `${name.toLowerCase()}:`;
  for (let i = 0; i < lines.length; i += 1) {
    const line = lines[i] ?? '';
    if (!line.toLowerCase().startsWith(prefix)) continue;
    let value = line.slice(prefix.length);
    for (let j = i + 1; j < lines.length && /^[ \t]/.test(lines[j] ?? ''); j += 1)
      value += ` ${(lines[j] ?? '').trim()}`;
    return value.trim();
  }
  return '';
}
