import { describe, expect, it } from '@jest/globals';
import type { Approver } from './approval-chain';
import { approvalRow } from './approval-records';
import type { ParsedMessage } from './mime-message';
import { decideReply, type ReplyFacts } from './reply-decision';

const approver: Approver = {
  role: 'Privacy officer',
  name: 'Pat Lee',
  email: 'pat@district.example.org',
  aliases: ['plee@home.example.com'],
  language: 'en',
};
const me = 'coordinator@district.example.org';
const repliedAt = new Date('2026-12-03T15:00:00Z');
const message = (from: string, text: string, extra: Partial<ParsedMessage> = {}): ParsedMessage => ({
  from,
  subject: 'Re: Approve the FAQ drafting pilot? [AI Plan AP-7K2Q9F3M]',
  date: repliedAt,
  authenticationResults: 'mx.google.com; dkim=pass; spf=pass; dmarc=pass',
  autoReply: false,
  text,
  addressing: { from, replyTo: '', to: me, cc: '' },
  ...extra,
});
const request = (status = 'Sent') =>
  approvalRow(4, {
    id: 'AP-7K2Q9F3M',
    step: 1,
    role: 'Privacy officer',
    approver: approver.email,
    status,
    requestedBy: me,
  });
const facts = (parsed: ParsedMessage, extra: Partial<ReplyFacts> = {}): ReplyFacts => ({
  record: request(),
  status: 'Sent',
  approver,
  me,
  id: 'msg-9',
  parsed: () => parsed,
  plainBody: () => {
    throw new Error('the raw content had the text');
  },
  date: () => {
    throw new Error('the raw content had the date');
  },
  ...extra,
});

describe('a new message in a request’s thread', () => {
  it('counts the named approver’s APPROVE, with its time and message ID', () => {
    const decision = decideReply(
      facts(message('Pat Lee <pat@district.example.org>', 'Approve. Looks careful.')),
    );
    expect(decision).toMatchObject({
      kind: 'decided',
      status: 'Approved',
      decision: 'Approve',
      unreadable: null,
      changes: {
        status: 'Approved',
        decision: 'Approve',
        decided: repliedAt,
        replyMessageId: 'msg-9',
        resolvedBy: '',
      },
      event: {
        who: 'pat@district.example.org',
        action: 'Approval decision',
        before: 'Sent',
        after: 'Approved',
      },
    });
  });

  it('counts a reply from one of the approver’s own aliases', () => {
    expect(decideReply(facts(message('plee@home.example.com', 'REJECT: not this term')))).toMatchObject({
      kind: 'decided',
      status: 'Rejected',
    });
  });

  it('never counts anyone else, a forged sender, a role no longer in the chain, or a reply naming another request', () => {
    const reasons = [
      facts(message('boss@district.example.org', 'APPROVE')),
      facts(
        message('pat@district.example.org', 'APPROVE', {
          authenticationResults: 'mx.google.com; dmarc=fail',
        }),
      ),
      facts(message('pat@district.example.org', 'APPROVE'), { approver: undefined }),
      facts(
        message('pat@district.example.org', 'APPROVE', { subject: 'Re: [AI Plan AP-AAAAAAAA] Approve?' }),
      ),
    ].map((f) => {
      const decision = decideReply(f);
      return decision.kind === 'not counted' ? decision.reason : decision.kind;
    });
    expect(reasons).toEqual([
      'it came from boss@district.example.org, not from the approver',
      'Gmail reports that pat@district.example.org failed DMARC: it may be forged',
      'the approver’s role is no longer in the chain',
      'its subject names another request (AP-AAAAAAAA)',
    ]);
  });

  it('leaves a reply it cannot read to a person, with why, and no decision time', () => {
    const decision = decideReply(
      facts(message('pat@district.example.org', 'Let me check with legal first.')),
    );
    expect(decision).toMatchObject({
      kind: 'decided',
      status: 'Needs review',
      decision: '',
      changes: { decided: null },
    });
    expect(decision.kind === 'decided' && decision.unreadable).toBeTruthy();
  });

  it('passes over our own messages, and reads nothing for a request that takes no reply', () => {
    expect(decideReply(facts(message(`Morgan Diaz <${me}>`, 'Reminder')))).toEqual({ kind: 'own' });
    const parsed = () => {
      throw new Error('a closed request reads no raw content');
    };
    for (const status of ['Stale', 'Cancelled', 'Rejected'])
      expect(
        decideReply({ ...facts(message('pat@district.example.org', 'APPROVE')), status, parsed }),
      ).toEqual({
        kind: 'closed',
      });
  });

  it('leaves a recorded approval approved unless the approver asks for changes or rejects', () => {
    const approved = { record: request('Approved'), status: 'Approved' };
    expect(decideReply(facts(message('pat@district.example.org', 'APPROVE again'), approved))).toMatchObject({
      kind: 'after approval',
      event: { action: 'Reply after approval', before: 'Approved', after: 'Approved' },
    });
    expect(
      decideReply(facts(message('pat@district.example.org', 'CHANGES: add a data rule'), approved)),
    ).toMatchObject({
      kind: 'decided',
      status: 'Changes requested',
      event: { before: 'Approved', after: 'Changes requested' },
    });
  });

  it('reads Gmail’s rendering only where the raw content gave no text or date', () => {
    const decision = decideReply(
      facts(message('pat@district.example.org', '', { text: null, date: null }), {
        plainBody: () => 'APPROVE',
        date: () => repliedAt,
      }),
    );
    expect(decision).toMatchObject({ kind: 'decided', status: 'Approved', changes: { decided: repliedAt } });
  });
});
