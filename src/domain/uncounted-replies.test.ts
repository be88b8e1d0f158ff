import { describe, expect, it } from '@jest/globals';
import { uncountedLine, uncountedLines, UNCOUNTED_KEPT, withUncounted } from './uncounted-replies';

const reply = {
  when: '2026-12-02 10:14',
  from: 'Jo Park <jo@district.example.org>',
  reason: 'it came from jo@district.example.org, not from the approver',
  text: 'Looks fine to me, go ahead.\n\nOn Tue, Dec 1 the coordinator wrote: …',
};

describe('replies that did not count', () => {
  it('keep who sent it, why, and the first words of the reply on one line', () => {
    expect(uncountedLine(reply)).toBe(
      '2026-12-02 10:14 · Jo Park <jo@district.example.org> · it came from jo@district.example.org, not from the approver · “Looks fine to me, go ahead.”',
    );
  });

  it('never keep a line break or a control character a sender typed, and cut a long reply short', () => {
    const line = uncountedLine({
      ...reply,
      from: 'x\r\nBcc: all@example.org',
      text: '=HYPERLINK("http://x")'.repeat(20),
    });
    // eslint-disable-next-line no-control-regex -- no control character may stay
    expect(line).not.toMatch(/[\r\n\u0000-\u001f]/);
    expect(line).toContain('x Bcc: all@example.org');
    expect(line.length).toBeLessThanOrEqual(20 + 80 + 160 + 62 + 9);
  });

  it('list the newest first, keep three, and do not repeat a line', () => {
    let cell = '';
    for (let i = 1; i <= 5; i += 1) cell = withUncounted(cell, { ...reply, when: `2026-12-0${i} 09:00` });
    cell = withUncounted(cell, { ...reply, when: '2026-12-05 09:00' });
    const lines = uncountedLines(cell);
    expect(lines).toHaveLength(UNCOUNTED_KEPT);
    expect(lines.map((l) => l.slice(0, 10))).toEqual(['2026-12-05', '2026-12-04', '2026-12-03']);
  });

  it('leave out an empty reply’s excerpt', () => {
    expect(uncountedLine({ ...reply, text: '  ' })).toBe(
      '2026-12-02 10:14 · Jo Park <jo@district.example.org> · it came from jo@district.example.org, not from the approver',
    );
  });
});
