import { addressOf } from './approval-flow';

/**
 * Where Gmail takes a reply sent into a thread, worked out from the thread's last message before
 * anything is sent. GmailThread's reply goes to the sender of the last message (its Reply-To first),
 * and reply-all to that message's recipients too (GmailThread reference, FAKES §8.3). The headers come
 * either from the raw content the reply reader already parsed or from the message's getters.
 */
export interface MessageAddressing {
  from: string;
  replyTo: string;
  to: string;
  cc: string;
}

/** The addresses in an address-list header, lower-cased; commas inside quotes or `<…>` do not split. */
export function addressList(header: string): string[] {
  const parts: string[] = [];
  let current = '';
  let quoted = false;
  let angle = false;
  for (const char of header.slice(0, 10_000)) {
    if (char === '"' && !angle) quoted = !quoted;
    else if (char === '<' && !quoted) angle = true;
    else if (char === '>' && !quoted) angle = false;
    if (char === ',' && !quoted && !angle) {
      parts.push(current);
      current = '';
    } else current += char;
  }
  parts.push(current);
  return parts.map((part) => addressOf(part)).filter((a) => a !== '');
}

export interface ReplyRoute {
  /** Reply-all (our own message is last: it reaches that message's recipients) or reply. */
  all: boolean;
  to: string[];
}

export function replyRoute(last: MessageAddressing, me: string): ReplyRoute {
  if (addressOf(last.from) === me) {
    const to = [...addressList(last.to), ...addressList(last.cc)].filter((a) => a !== me);
    return { all: true, to };
  }
  return { all: false, to: addressList(last.replyTo || last.from) };
}

/** Whether the reply reaches only allowed addresses (the approver, their aliases, anyone copied). */
export function routeAllowed(route: ReplyRoute, allowed: readonly string[], cc: string): boolean {
  const may = new Set([...allowed, ...(cc ? [cc.toLowerCase()] : [])]);
  return route.to.length > 0 && route.to.every((a) => may.has(a));
}
