import { describe, expect, it } from '@jest/globals';
import { createHmac } from 'node:crypto';
import { settleHandEdits } from './approval-edits';
import { approvalRow, approvalSeal, verifyApprovals } from './approval-records';

const sign = (text: string) => createHmac('sha256', 'test-secret').update(text).digest('hex');
const me = 'coordinator@district.example.org';
const written = (row: number, cells: Record<string, unknown>) => {
  const record = approvalRow(row, {
    workflowId: 'WF-001',
    step: 1,
    role: 'Privacy officer',
    approver: 'pat@district.example.org',
    planVersion: 'v-1',
    status: 'Sent',
    ...cells,
  });
  return { ...record, seal: approvalSeal(sign, record) };
};

describe('approval rows edited by hand', () => {
  it('write back the add-on’s record, logged with what the sheet showed', () => {
    const asRead = [{ ...written(2, { id: 'AP-1' }), status: 'Approved' as const, decision: 'Approve' }];
    const settled = settleHandEdits(asRead, verifyApprovals(asRead, sign), me);
    expect(settled.rows).toEqual([
      {
        row: 2,
        changes: {
          workflowId: 'WF-001',
          step: 1,
          approver: 'pat@district.example.org',
          planVersion: 'v-1',
          status: 'Sent',
          decision: '',
          replyMessageId: '',
          resolvedBy: '',
          messageId: '',
        },
      },
    ]);
    expect(settled.events).toEqual([
      expect.objectContaining({
        who: me,
        action: 'Approval row edited in the sheet',
        subject: 'AP-1',
        before: 'Approved Approve',
        after: 'Sent',
      }),
    ]);
    expect(settled.events[0]?.note).toContain('Status, Decision changed by hand');
  });

  it('cancel a row whose seal is gone, so its approver is asked again', () => {
    const asRead = [{ ...written(3, { id: 'AP-2' }), seal: '' }];
    const settled = settleHandEdits(asRead, verifyApprovals(asRead, sign), me);
    expect(settled.rows).toEqual([{ row: 3, changes: { status: 'Cancelled' } }]);
    expect(settled.events.map((e) => [e.before, e.after])).toEqual([['Sent', 'Cancelled']]);
  });

  it('leave rows as the add-on wrote them alone', () => {
    const asRead = [
      written(2, { id: 'AP-1' }),
      written(3, { id: 'AP-2', status: 'Approved', decision: 'Approve' }),
    ];
    expect(settleHandEdits(asRead, verifyApprovals(asRead, sign), me)).toEqual({ rows: [], events: [] });
  });
});
