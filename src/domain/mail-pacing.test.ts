import { describe, expect, it } from '@jest/globals';
import { paceDeliveries, recipientsOf } from './mail-pacing';
import type { MailKind } from './outbox';

const email = (kind: MailKind, name: string, cc = '') => ({
  kind,
  to: `${name}@district.example.org`,
  cc,
  name,
});
const names = (list: readonly { name: string }[]) => list.map((e) => e.name);

describe('pacing the emails of a run', () => {
  it('counts each To and Cc address as a recipient', () => {
    expect(recipientsOf({ to: 'a@x.org', cc: '' })).toBe(1);
    expect(recipientsOf({ to: 'a@x.org, b@x.org', cc: 'c@x.org' })).toBe(3);
  });

  it('sends requests first, then what is due, receipts last, each kind in the order queued', () => {
    const paced = paceDeliveries(
      [email('Receipt', 'r1'), email('Request', 'q1'), email('Reminder', 'm1'), email('Receipt', 'r2')],
      10,
    );
    expect(names(paced.now)).toEqual(['q1', 'm1', 'r1', 'r2']);
    expect(paced.later).toEqual([]);
  });

  it('leaves for a later run what does not fit, and everything after it, so the order holds', () => {
    const paced = paceDeliveries(
      [
        email('Receipt', 'r1'),
        email('Escalation', 'e1', 'sponsor@district.example.org'),
        email('Receipt', 'r2'),
        email('Receipt', 'r3'),
      ],
      3,
    );
    expect(names(paced.now)).toEqual(['e1', 'r1']);
    expect(names(paced.later)).toEqual(['r2', 'r3']);
  });

  it('never holds back a request, even beyond the allowance', () => {
    const paced = paceDeliveries([email('Receipt', 'r1'), email('Request', 'q1'), email('Request', 'q2')], 1);
    expect(names(paced.now)).toEqual(['q1', 'q2']);
    expect(names(paced.later)).toEqual(['r1']);
  });
});
