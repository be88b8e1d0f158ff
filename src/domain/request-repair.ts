import type { ApprovalRecord } from './approval-records';
import { unsent, type MailKind, type MailState } from './outbox';

/**
 * An approval email in the Outbox goes out only while its row still asks for it: a request with its row
 * at "Sent", a receipt or note with its column at "Sent" (each written before the email goes), or at
 * "Sending" (a row of a run from before). A row never written (a run cut off between the Outbox and the
 * sheet) or since settled otherwise (a request gone stale) cancels the email. Other kinds always go.
 */
export function stillWanted(kind: MailKind, record: ApprovalRecord | undefined): 'send' | 'cancel' {
  const owed = (state: string | undefined) => state === 'Sending' || state === 'Sent';
  if (kind === 'Request') return owed(record?.status) ? 'send' : 'cancel';
  if (kind === 'Receipt') return owed(record?.receipt) ? 'send' : 'cancel';
  if (kind === 'Reply note') return owed(record?.note) ? 'send' : 'cancel';
  return 'send';
}

export type Repair = 'record sent' | 'wait' | 'queue again' | 'cancel';

/**
 * A request row a cut-off run left at "Sending", by what the Outbox holds for it: sent (record it),
 * still to send (the Outbox sends it), or missing (removed by hand): queued again when the request still
 * matches the plan and its approver is still in the chain (the send looks in sent mail first), and
 * cancelled otherwise.
 */
export function repairOf(
  queued: MailState | '' | null,
  request: { current: boolean; approverInChain: boolean },
): Repair {
  if (queued === 'Sent') return 'record sent';
  if (queued !== null && unsent(queued)) return 'wait';
  if (queued === null && request.current && request.approverInChain) return 'queue again';
  return 'cancel';
}
