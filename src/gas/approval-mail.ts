import { addressOf } from '../domain/approval-flow';
import type { RenderedEmail } from '../domain/email-layout';
import type { GmailMessage, GmailThread } from './apps-script';

/**
 * Sending into a request's thread to the people allowed to receive it, and no one else. GmailThread's
 * reply goes to the sender of the thread's last message (its Reply-To first) and reply-all to that
 * message's recipients too (GmailThread reference, FAKES §8.3), so where a reply would go is worked
 * out from the last message before anything is sent: when anyone outside `allowed` would get it,
 * nothing is sent and the caller records that.
 */
const addresses = (header: string): string[] =>
  header
    .split(',')
    .map((part) => addressOf(part))
    .filter((a) => a !== '');

/** Where a reply in the thread would go, and which call sends it there. */
function replyRoute(last: GmailMessage, me: string): { all: boolean; to: string[] } {
  if (addressOf(last.getFrom()) === me) {
    // Our own message is last (the request, a reminder): reply-all reaches its recipients.
    const to = [...addresses(last.getTo()), ...addresses(last.getCc())].filter((a) => a !== me);
    return { all: true, to };
  }
  return { all: false, to: addresses(last.getReplyTo() || last.getFrom()) };
}

export interface ThreadSend {
  thread: GmailThread;
  messages: readonly GmailMessage[];
  me: string;
  /** Lower-case addresses that may receive it: the named approver and their aliases. */
  allowed: readonly string[];
  email: RenderedEmail;
  name: string;
  /** Copied, e.g. the sponsor on an escalation. */
  cc?: string;
}

/** True when sent; false when the reply would reach someone not allowed (nothing is sent then). */
export function replyInThread(send: ThreadSend): boolean {
  let last: GmailMessage | undefined;
  for (let i = send.messages.length - 1; i >= 0 && !last; i -= 1) {
    const message = send.messages[i];
    if (message && !message.isDraft()) last = message;
  }
  if (!last) return false;
  const route = replyRoute(last, send.me);
  const allowed = new Set([...send.allowed, ...(send.cc ? [send.cc.toLowerCase()] : [])]);
  if (route.to.length === 0 || route.to.some((a) => !allowed.has(a))) return false;
  const options = {
    htmlBody: send.email.html,
    name: send.name,
    ...(send.cc && !route.to.includes(send.cc.toLowerCase()) ? { cc: send.cc } : {}),
  };
  if (route.all) send.thread.replyAll(send.email.plain, options);
  else send.thread.reply(send.email.plain, options);
  return true;
}

/** A message of ours in the thread after `afterId`: the notice a run sent before it could record it. */
export function oursAfter(messages: readonly GmailMessage[], afterId: string, me: string): boolean {
  const at = messages.findIndex((m) => m.getId() === afterId);
  return at >= 0 && messages.slice(at + 1).some((m) => addressOf(m.getFrom()) === me && !m.isDraft());
}
