import { describe, expect, it } from '@jest/globals';
import type { FakeEnvironment } from '../../test/fakes/environment';
import { cloneWorld } from '../../test/fakes/world-copy';
import { checkReplies, district, readyWorkspace, reply, requester } from '../../test/support/approvals';
import { sheetNamed, tableTemplate } from '../../test/support/workspace';
import { mapHeaders } from '../domain/header-map';
import { sendApprovalRequests } from './approvals';

/**
 * A receipt costs its one send: where it goes is worked out from the reply the reader already parsed
 * (its From and Reply-To from the raw content), not read again from the thread; a run cut off after
 * the send still leaves it sent once.
 */
const sam = district['technology']?.[1] ?? '';

let built: FakeEnvironment | null = null;
/** Step 1 sent; Sam's reply waiting (with `replyTo`, if given). */
function samReplied(replyTo?: string): FakeEnvironment {
  if (!built) {
    built = readyWorkspace();
    const sent = built.run((gas) => sendApprovalRequests(gas), { user: requester });
    if (!sent.ok) throw new Error(JSON.stringify(sent.errors));
  }
  const env = cloneWorld(built);
  if (replyTo === undefined) reply(env, sam, 'APPROVE');
  else {
    const request = env.mail.sent().find((m) => m.to === sam);
    env.mail.deliver({
      to: requester,
      from: sam,
      replyTo,
      inReplyToMessageId: request?.messageId ?? '',
      body: 'APPROVE',
    });
  }
  return env;
}

function samRow(env: FakeEnvironment): Record<string, unknown> {
  return env.run((gas) => {
    const values = sheetNamed(gas, 'Approvals').getDataRange().getValues();
    const map = mapHeaders(tableTemplate('Approvals').columns, values[0] ?? []);
    const row = values.slice(1).find((r) => r[map.columns.get('approver') ?? -1] === sam) ?? [];
    return Object.fromEntries([...map.columns].map(([key, at]) => [key, row[at]]));
  });
}

const receiptsTo = (env: FakeEnvironment, to: string) =>
  env.mail.sent().filter((m) => m.to === to && m.subject.startsWith('Re: '));

/** Gmail calls of a check, by method. */
function gmailCallsOf(env: FakeEnvironment): Record<string, number> {
  env.calls.reset();
  checkReplies(env);
  return Object.fromEntries(
    Object.entries(env.calls.byMethod()).filter(([name]) => name.startsWith('Gmail')),
  );
}

const rereads = [
  'GmailMessage.getFrom',
  'GmailMessage.getReplyTo',
  'GmailMessage.isDraft',
  'GmailMessage.getTo',
];

describe('a receipt', () => {
  it('is one send, routed from the reply already read', () => {
    const env = samReplied();
    const calls = gmailCallsOf(env);
    expect(calls['GmailThread.reply']).toBe(1);
    expect(calls['GmailMessage.getRawContent']).toBe(1);
    for (const name of rereads) expect(calls[name] ?? 0).toBe(0);
    expect(samRow(env)).toMatchObject({ status: 'Approved', receipt: 'Sent' });
    expect(receiptsTo(env, sam)).toHaveLength(1);
  });

  it('is not sent where the reply’s Reply-To would take it, with no more reads to know it', () => {
    const env = samReplied('everyone@district.example.org');
    const calls = gmailCallsOf(env);
    expect(calls['GmailThread.reply'] ?? 0).toBe(0);
    for (const name of rereads) expect(calls[name] ?? 0).toBe(0);
    expect(samRow(env)).toMatchObject({ status: 'Approved', receipt: 'Not sent' });
    expect(env.mail.sent().filter((m) => m.to.includes('everyone@'))).toEqual([]);
  });

  it('sent by a run cut off just after it goes is found in its thread, not sent again', () => {
    const probe = samReplied();
    const trace = probe.faults.traceDuring(() => checkReplies(probe));
    const at = trace.indexOf('GmailThread.reply') + 1;
    expect(at).toBeGreaterThan(0);
    const env = samReplied();
    env.faults.cutAfter(at);
    expect(() => checkReplies(env)).toThrow();
    env.faults.clear();
    expect(receiptsTo(env, sam)).toHaveLength(1);
    checkReplies(env);
    checkReplies(env);
    expect(receiptsTo(env, sam)).toHaveLength(1);
    expect(samRow(env)).toMatchObject({ status: 'Approved', receipt: 'Sent' });
  });
});
