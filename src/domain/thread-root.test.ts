import { describe, expect, it } from '@jest/globals';
import { approvalRow } from './approval-records';
import { threadRoot } from './thread-root';

const request = (cells: Record<string, unknown>) =>
  approvalRow(2, { id: 'AP-7K2Q9F3M', status: 'Sent', messageId: 'm-request', ...cells });
const subject = 'Re: Approve the load test pilot? Due Dec 6 [AI Plan AP-7K2Q9F3M]';

describe('the request a thread starts', () => {
  it('is the one the first new message names, when nothing after it has been read', () => {
    const records = [request({}), request({ id: 'AP-00000000', messageId: 'm-other' })];
    expect(threadRoot(records, subject)?.id).toBe('AP-7K2Q9F3M');
    expect(threadRoot([request({ checkedThrough: 'm-request' })], subject)?.id).toBe('AP-7K2Q9F3M');
  });

  it('is not known without its ID when the subject names no request, or one not here', () => {
    expect(threadRoot([request({})], 'Re: the load test')).toBeNull();
    expect(threadRoot([request({})], 'Re: [AI Plan AP-ZZZZZZZZ] Approval needed')).toBeNull();
  });

  it('is not known without its ID when the request was never sent, or its thread was read past it', () => {
    // No stored message ID: nothing says that request's email starts any thread.
    expect(threadRoot([request({ messageId: '' })], subject)).toBeNull();
    // A mark past the request: the walk should have met that message, so the first one is read.
    expect(threadRoot([request({ checkedThrough: 'm-reply' })], subject)).toBeNull();
  });
});
