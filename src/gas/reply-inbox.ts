import type { ApprovalRecord } from '../domain/approval-records';
import { parseMessage, type ParsedMessage } from '../domain/mime-message';
import { threadRoot } from '../domain/thread-root';
import type { AppsScript, GmailMessage, GmailThread } from './apps-script';

/** Up to this many pending requests, each thread is fetched by its stored ID (no search index lag). */
export const SEARCH_ABOVE = 20;
/** Threads per `getMessagesForThreads` call: the reference gives no limit, so ask in chunks. */
export const THREADS_PER_FETCH = 100;
/** Gmail search returns at most 500 threads a call (FAKES §8.4). */
const SEARCH_PAGE = 500;

/** The query that finds request threads with a reply; contract case gmail/production-reply-search. */
export function replySearchQuery(afterSeconds: number): string {
  return `subject:"AI Plan AP-" -from:me after:${afterSeconds}`;
}

/** A message the add-on has not read yet (or, `unread()` false, a thread's first message it knew). */
export interface NewMessage {
  /** Its Gmail ID (read on first use: see `unread`). */
  readonly id: string;
  /**
   * Whether it is new. False only for a thread's first message taken for a known request (see
   * thread-root.ts): its ID is never read, and there is nothing in it to read.
   */
  unread(): boolean;
  /** The request whose message (request, reminder or reply already read) precedes it in its thread. */
  follows(): ApprovalRecord | null;
  message: GmailMessage;
  /** Its thread, and all the thread's messages (oldest first), for what is sent back into it. */
  thread: GmailThread;
  messages: GmailMessage[];
  /** Its raw content, parsed: fetched on first use (one `getRawContent` call), so a run near its time limit stops before it. */
  parsed(): ParsedMessage;
}

function newMessage(
  message: GmailMessage,
  thread: GmailThread,
  messages: GmailMessage[],
  follows: () => ApprovalRecord | null,
  known: { id?: string; unread?: () => boolean } = {},
): NewMessage {
  let parsed: ParsedMessage | null = null;
  let id = known.id;
  return {
    get id() {
      return (id ??= message.getId());
    },
    unread: known.unread ?? (() => true),
    follows,
    message,
    thread,
    messages,
    parsed: () => (parsed ??= parseMessage(message.getRawContent())),
  };
}

/**
 * Finds the threads that may hold replies and returns the messages in them not read before, oldest
 * first per thread. Each thread is read from its newest message back to the first one the add-on
 * knows by its stored message ID (a reminder or a reply already read), so a run reads only what is
 * new; a walk that gets back to the thread's first message does not read its ID when that message is
 * known otherwise: the request the first new message names by its token, with nothing read after it
 * (thread-root.ts). A thread ID is never trusted to name a request: Gmail says a thread's ID "varies
 * based on the messages it contains" (GmailThread reference), so requests are matched by the token in
 * the subject and by stored message IDs; thread IDs only help find threads. Labels are not used
 * either: they belong to messages, so a `-label:` query stops excluding a thread once a reply comes.
 *
 * Calls: threads found by ID (few requests) or by search pages (many); their messages in chunks; then
 * per thread one `getId` per new message (plus one for a known message the walk stops at before the
 * first), and one `getRawContent` per new message, which gives the headers, Gmail's verdict and the
 * text. A reply to a request with nothing read after it costs two: its `getId` and its raw content.
 */
export function newMessages(
  gas: AppsScript,
  records: readonly ApprovalRecord[],
  pending: readonly ApprovalRecord[],
  now: Date,
): NewMessage[] {
  const threads = findThreads(gas, pending, now);
  const known = new Map<string, ApprovalRecord>();
  for (const record of records)
    for (const id of [record.messageId, record.checkedThrough, record.replyMessageId])
      if (id) known.set(id, record);
  const found: NewMessage[] = [];
  for (let start = 0; start < threads.length; start += THREADS_PER_FETCH) {
    const chunk = threads.slice(start, start + THREADS_PER_FETCH);
    const batch = gas.GmailApp.getMessagesForThreads(chunk);
    for (const [at, messages] of batch.entries()) {
      const thread = chunk[at];
      if (thread) found.push(...walkBack(records, known, thread, messages));
    }
  }
  return found;
}

/** A thread's messages not read before, oldest first (see `newMessages`). */
function walkBack(
  records: readonly ApprovalRecord[],
  known: ReadonlyMap<string, ApprovalRecord>,
  thread: GmailThread,
  messages: GmailMessage[],
): NewMessage[] {
  const unread: { id: string; message: GmailMessage }[] = [];
  for (let i = messages.length - 1; i >= 1; i -= 1) {
    const message = messages[i];
    if (!message) continue;
    const id = message.getId();
    const record = known.get(id);
    if (record) {
      const follows = () => record;
      return unread.reverse().map((u) => newMessage(u.message, thread, messages, follows, { id: u.id }));
    }
    unread.push({ id, message });
  }
  const first = messages[0];
  if (!first) return [];
  unread.reverse();
  const later = unread.map((u) => ({ ...u, item: null as NewMessage | null }));
  // What the first message is, decided when it is reached (in order, so within the time budget): the
  // request the first new message names, else by its ID, read as any other's.
  let root: { request: ApprovalRecord | null; fresh: boolean } | null = null;
  const settle = (): { request: ApprovalRecord | null; fresh: boolean } => {
    if (root) return root;
    const next = later[0]?.item;
    const request = next ? threadRoot(records, next.parsed().subject) : null;
    if (request) return (root = { request, fresh: false });
    const record = known.get(firstItem.id) ?? null;
    return (root = { request: record, fresh: record === null });
  };
  const firstItem = newMessage(first, thread, messages, () => null, { unread: () => settle().fresh });
  // After a new first message nothing precedes them that the add-on knew: matched by their subject.
  const follows = () => settle().request;
  for (const entry of later)
    entry.item = newMessage(entry.message, thread, messages, follows, { id: entry.id });
  return [firstItem, ...later.flatMap((e) => (e.item ? [e.item] : []))];
}

/**
 * Whether any pending request's thread holds a message the add-on has not read: the hourly run's
 * question before it does any work. Our own reminders and receipts count too: the full check reads
 * each once and moves its mark past it, so later hours find every thread's newest message known and
 * pay one `getId` a thread. Calls: the threads as `newMessages` finds them, their messages in chunks
 * (up to the first chunk with news), then one `getId` per thread until one is new.
 */
export function hasNewMessages(
  gas: AppsScript,
  records: readonly ApprovalRecord[],
  pending: readonly ApprovalRecord[],
  now: Date,
): boolean {
  const threads = findThreads(gas, pending, now);
  const known = new Set<string>();
  for (const record of records)
    for (const id of [record.messageId, record.checkedThrough, record.replyMessageId]) if (id) known.add(id);
  for (let start = 0; start < threads.length; start += THREADS_PER_FETCH) {
    const batch = gas.GmailApp.getMessagesForThreads(threads.slice(start, start + THREADS_PER_FETCH));
    for (const messages of batch) {
      const newest = messages[messages.length - 1];
      if (newest && !known.has(newest.getId())) return true;
    }
  }
  return false;
}

function findThreads(gas: AppsScript, pending: readonly ApprovalRecord[], now: Date): GmailThread[] {
  if (pending.length === 0) return [];
  if (pending.length <= SEARCH_ABOVE) {
    const byId = pending.map((r) => (r.threadId ? gas.GmailApp.getThreadById(r.threadId) : null));
    // A thread whose ID moved is found by search instead, with all the others.
    if (byId.every((t) => t !== null)) return byId;
  }
  const earliest = Math.min(...pending.map((r) => r.sent?.getTime() ?? now.getTime()));
  const query = replySearchQuery(Math.floor((earliest - 86400000) / 1000));
  const threads: GmailThread[] = [];
  for (let start = 0; ; start += SEARCH_PAGE) {
    const page = gas.GmailApp.search(query, start, SEARCH_PAGE);
    threads.push(...page);
    if (page.length < SEARCH_PAGE) break;
  }
  return threads;
}
