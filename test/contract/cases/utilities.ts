import type { ContractCase } from '../contract';

const source = 'FAKES.md §6';

export const utilityCases: ContractCase[] = [
  {
    id: 'utilities/hmac-signed-bytes',
    rule: 'computeHmacSha256Signature returns 32 signed bytes (−128..127).',
    source,
    run(t) {
      const bytes = t.gas.Utilities.computeHmacSha256Signature('message', 'key');
      t.equal(bytes.length, 32, 'length');
      t.ok(
        bytes.every((b) => b >= -128 && b <= 127),
        'every byte is signed',
      );
      const hex = bytes.map((b) => ((b + 256) % 256).toString(16).padStart(2, '0')).join('');
      t.equal(
        hex,
        '6e9ef29b75fffc5b7abae527d58fdadb2fe42e7219011976917343065f58ed4a',
        'hex of HMAC("message", "key")',
      );
    },
  },
  {
    id: 'utilities/web-safe-base64-keeps-padding',
    rule: 'base64EncodeWebSafe uses - and _ and keeps the = padding.',
    source,
    run(t) {
      t.equal(t.gas.Utilities.base64EncodeWebSafe('A string here'), 'QSBzdHJpbmcgaGVyZQ==', 'encoded');
      t.equal(t.gas.Utilities.base64EncodeWebSafe([-5, -17]), '--8=', 'bytes 0xfb 0xef');
    },
  },
  {
    id: 'utilities/uuid',
    rule: 'getUuid gives a lowercase version-4 UUID.',
    source,
    run(t) {
      const uuid = t.gas.Utilities.getUuid();
      t.ok(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/.test(uuid),
        `UUID shape of ${uuid}`,
      );
    },
  },
  {
    id: 'utilities/format-date',
    rule: 'formatDate uses Java SimpleDateFormat patterns in the given zone.',
    source,
    run(t) {
      const date = new Date(Date.UTC(2026, 10, 28, 15, 4, 5));
      t.equal(t.gas.Utilities.formatDate(date, 'UTC', "yyyy-MM-dd'T'HH:mm:ss"), '2026-11-28T15:04:05', 'UTC');
      t.equal(
        t.gas.Utilities.formatDate(date, 'America/Chicago', 'MMM d, yyyy h:mm a'),
        'Nov 28, 2026 9:04 AM',
        'Chicago',
      );
    },
  },
  {
    id: 'utilities/sleep-limit',
    rule: 'sleep above 300 000 ms throws.',
    source,
    run(t) {
      t.throws(() => t.gas.Utilities.sleep(300001), /.+/, 'sleep(300001)');
    },
  },
];
