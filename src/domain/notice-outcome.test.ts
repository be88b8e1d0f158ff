import { describe, expect, it } from '@jest/globals';
import { approvalRow } from './approval-records';
import { noticeDecided, noticeOutcome } from './notice-outcome';

const me = 'coordinator@district.example.org';
const record = approvalRow(2, { id: 'AP-1', approver: 'pat@district.example.org', receipt: 'Sending' });
const notJournaled = () => false;

describe('a receipt or note the Outbox has settled', () => {
  it('is recorded Sent and logged once, to the approver in the request’s thread', () => {
    expect(noticeOutcome('receipt', record, 'Sent', notJournaled, me)).toEqual({
      state: 'Sent',
      event: {
        who: me,
        action: 'Receipt sent',
        subject: 'AP-1',
        before: 'Sending',
        after: 'Sent',
        note: "To pat@district.example.org, in the request's thread.",
      },
    });
    expect(noticeOutcome('note', record, 'Sent', () => true, me)).toEqual({ state: 'Sent', event: null });
  });

  it('is recorded Not sent, saying why: the reply would have reached others, or it was no longer wanted', () => {
    expect(noticeOutcome('note', record, 'Not sent', notJournaled, me)?.event).toMatchObject({
      action: 'Unreadable-reply note sent',
      after: 'Not sent',
      note: 'Not sent: in the thread it would not have gone to the approver alone.',
    });
    expect(noticeOutcome('receipt', record, 'Cancelled', notJournaled, me)?.event?.note).toBe(
      'Not sent: cancelled when its row did not ask for it (a run cut off in between).',
    );
  });

  it('is left alone while it is still to go, without asking the journal', () => {
    const journaled = () => {
      throw new Error('not asked');
    };
    expect(noticeOutcome('receipt', record, 'Pending', journaled, me)).toBeNull();
    expect(noticeOutcome('receipt', record, 'Queued', journaled, me)).toBeNull();
  });
});

describe('a receipt or note decided with its reply', () => {
  const fresh = approvalRow(2, { id: 'AP-1', approver: 'pat@district.example.org' });

  it('is recorded Sent before it goes, unless the thread would take it to someone else', () => {
    expect(noticeDecided('receipt', fresh, true, me)).toEqual({
      state: 'Sent',
      event: {
        who: me,
        action: 'Receipt sent',
        subject: 'AP-1',
        before: '',
        after: 'Sent',
        note: "To pat@district.example.org, in the request's thread.",
      },
    });
    // Where the reply would go is not known before sending: the send decides, to the approver or no one.
    expect(noticeDecided('note', fresh, null, me).state).toBe('Sent');
    expect(noticeDecided('receipt', fresh, false, me)).toMatchObject({
      state: 'Not sent',
      event: {
        after: 'Not sent',
        note: 'Not sent: in the thread it would not have gone to the approver alone.',
      },
    });
  });
});
