import { describe, expect, it } from '@jest/globals';
import { hmacSha256Hex } from './hmac-sha256';
import { checkSeal, sealOf } from './record-seal';

const sign = (text: string) => hmacSha256Hex('the document secret', text);
const fields = ['WF-001', 'Approved', 'Approve', 'msg-1'];

describe('seals on rows that gate a step', () => {
  it('verify what the add-on wrote', () => {
    const seal = sealOf(sign, 'approval', 'AP-1', fields);
    expect(checkSeal(sign, 'approval', 'AP-1', seal, fields)).toEqual({ ok: true, fields, edited: [] });
  });

  it('name the fields typed in by hand and keep what the add-on wrote', () => {
    const seal = sealOf(sign, 'approval', 'AP-1', ['WF-001', 'Sent', '', '']);
    expect(checkSeal(sign, 'approval', 'AP-1', seal, fields)).toEqual({
      ok: true,
      fields: ['WF-001', 'Sent', '', ''],
      edited: [1, 2, 3],
    });
  });

  it.each<[string, string]>([
    ['no seal', ''],
    ['a seal typed by hand', `${'0'.repeat(20)} ${JSON.stringify(fields)}`],
    ['a seal copied from another row', sealOf(sign, 'approval', 'AP-2', fields)],
    ['a seal of another kind of row', sealOf(sign, 'pilot', 'AP-1', fields)],
    ['a seal made with another secret', sealOf((t) => hmacSha256Hex('other', t), 'approval', 'AP-1', fields)],
    [
      'a seal whose fields were changed',
      sealOf(sign, 'approval', 'AP-1', fields).replace('Approved', 'Rejected'),
    ],
    ['a seal cut short', sealOf(sign, 'approval', 'AP-1', fields).slice(0, 30)],
  ])('count nothing for %s', (_case, seal) => {
    expect(checkSeal(sign, 'approval', 'AP-1', seal, fields)).toEqual({ ok: false });
  });
});
