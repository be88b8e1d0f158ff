import { oneLine } from './email-text';

/**
 * Replies that reached a request's thread and did not count (another sender, a failed sender check,
 * another request's token): kept on the request's row, newest first, so the Approvals view can say
 * why without anyone reading the Log. Each line holds who sent it, why it did not count and at most a
 * short excerpt of the reply's first paragraph, on one line; the view shows them as text, never as markup.
 */
export interface UncountedReply {
  /** yyyy-mm-dd hh:mm in the spreadsheet's time zone. */
  when: string;
  from: string;
  reason: string;
  /** The reply's text; only its first words are kept. */
  text: string;
}

/** The lines kept per request: enough to see a pattern (a colleague answering for the approver). */
export const UNCOUNTED_KEPT = 3;
const EXCERPT_MAX = 60;
const FROM_MAX = 80;
const SEPARATOR = '\n';

/** One line: "2026-12-02 10:14 · jo@x.org · another sender · “Looks fine to me…”". */
export function uncountedLine(reply: UncountedReply): string {
  // The first paragraph only: what follows is most often the quoted request.
  const excerpt = oneLine(reply.text.trim().split(/\n\s*\n/)[0] ?? '', EXCERPT_MAX);
  return [
    oneLine(reply.when, 20),
    oneLine(reply.from, FROM_MAX),
    oneLine(reply.reason, 160),
    excerpt ? `“${excerpt}”` : '',
  ]
    .filter(Boolean)
    .join(' · ');
}

/** The cell after one more reply that did not count: the newest first, at most UNCOUNTED_KEPT lines. */
export function withUncounted(cell: string, reply: UncountedReply): string {
  const line = uncountedLine(reply);
  const kept = uncountedLines(cell).filter((l) => l !== line);
  return [line, ...kept].slice(0, UNCOUNTED_KEPT).join(SEPARATOR);
}

export function uncountedLines(cell: string): string[] {
  return cell
    .split(SEPARATOR)
    .map((l) => l.trim())
    .filter(Boolean)
    .slice(0, UNCOUNTED_KEPT);
}
