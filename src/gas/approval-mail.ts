import { addressOf } from '../domain/approval-flow';
import type { RenderedEmail } from '../domain/email-layout';
import { replyRoute, routeAllowed, type MessageAddressing } from '../domain/reply-route';
import type { GmailMessage, GmailThread } from './apps-script';

/**
 * Sending into a request's thread to the people allowed to receive it, and no one else: where the reply
 * would go is worked out from the thread's last message (domain/reply-route.ts) before anything is
 * sent; when anyone outside `allowed` would get it, nothing is sent and the caller records that.
 */

/**
 * The thread's last message with its addressing parsed from the raw content the reply reader already
 * fetched, so a receipt costs its one send and no more reads.
 */
export interface ParsedLast {
  message: GmailMessage;
  addressing: MessageAddressing;
}

export interface ThreadSend {
  thread: GmailThread;
  messages: readonly GmailMessage[];
  /** The last of `messages`, parsed already (when this run read it). */
  last?: ParsedLast | undefined;
  me: string;
  /** Lower-case addresses that may receive it: the named approver and their aliases. */
  allowed: readonly string[];
  email: RenderedEmail;
  name: string;
  /** Copied, e.g. the sponsor on an escalation. */
  cc?: string;
}

/**
 * The addressing of the last message replies answer (drafts do not count). A parsed last message from
 * someone else is used as it is: a draft in this mailbox is the user's own, so it is not one. Anything
 * else is read with the getters, each header once.
 */
function lastAddressing(send: ThreadSend): MessageAddressing | null {
  const parsed = parsedAddressing(send.messages, send.last, send.me);
  if (parsed) return parsed;
  let last: GmailMessage | undefined;
  for (let i = send.messages.length - 1; i >= 0 && !last; i -= 1) {
    const message = send.messages[i];
    if (message && !message.isDraft()) last = message;
  }
  if (!last) return null;
  const from = last.getFrom();
  return addressOf(from) === send.me
    ? { from, replyTo: '', to: last.getTo(), cc: last.getCc() }
    : { from, replyTo: last.getReplyTo(), to: '', cc: '' };
}

/**
 * The last message's addressing as the reply reader parsed it, when that is the thread's last message
 * and someone else's (as `lastAddressing` takes it); null when only the getters could say.
 */
export function parsedAddressing(
  messages: readonly GmailMessage[],
  last: ParsedLast | undefined,
  me: string,
): MessageAddressing | null {
  return last && last.message === messages[messages.length - 1] && addressOf(last.addressing.from) !== me
    ? last.addressing
    : null;
}

/** True when sent; false when the reply would reach someone not allowed (nothing is sent then). */
export function replyInThread(send: ThreadSend): boolean {
  const addressing = lastAddressing(send);
  if (!addressing) return false;
  const route = replyRoute(addressing, send.me);
  if (!routeAllowed(route, send.allowed, send.cc ?? '')) return false;
  const options = {
    htmlBody: send.email.html,
    name: send.name,
    ...(send.cc && !route.to.includes(send.cc.toLowerCase()) ? { cc: send.cc } : {}),
  };
  if (route.all) send.thread.replyAll(send.email.plain, options);
  else send.thread.reply(send.email.plain, options);
  return true;
}
