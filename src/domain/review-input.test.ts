import { describe, expect, it } from '@jest/globals';
import { checkReviewInput } from './review-input';

describe('a person’s decision on a reply the add-on could not read', () => {
  it('is read with the status it records and the note, control characters removed', () => {
    expect(
      checkReviewInput({ requestId: 'AP-7K2Q9F3M', decision: 'Changes', note: ' Called her\u0007 today. ' }),
    ).toEqual({
      ok: true,
      value: {
        requestId: 'AP-7K2Q9F3M',
        decision: 'Changes',
        status: 'Changes requested',
        note: 'Called her today.',
      },
    });
  });

  it('is refused without one of the three decisions, prototype keys included', () => {
    for (const input of [
      null,
      'Approve',
      [],
      { requestId: 'AP-1', decision: 'constructor', note: 'x' },
      { requestId: 7, decision: 'Approve', note: 'x' },
      { requestId: 'AP-1', decision: 'approve', note: 'x' },
    ])
      expect(checkReviewInput(input)).toEqual({
        ok: false,
        errors: [{ field: 'decision', message: 'Choose Approve, Changes or Reject.' }],
      });
  });

  it('is refused without a note saying how they know', () => {
    expect(checkReviewInput({ requestId: 'AP-1', decision: 'Approve', note: ' \u0000 ' })).toEqual({
      ok: false,
      errors: [{ field: 'note', message: 'Say how you know: the note is logged with your decision.' }],
    });
  });
});
