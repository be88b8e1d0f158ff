import { describe, expect, it } from '@jest/globals';
import { addressList, replyRoute, routeAllowed } from './reply-route';

const me = 'coordinator@district.example.org';

describe('where a reply into a thread goes', () => {
  it('reads address lists whole: commas inside quotes or angle brackets do not split', () => {
    expect(addressList('"Ortiz, Sam" <Sam@District.example.org>, pat@x.org')).toEqual([
      'sam@district.example.org',
      'pat@x.org',
    ]);
    expect(addressList('')).toEqual([]);
    expect(addressList('undisclosed-recipients:;')).toEqual([]);
  });

  it('answers the sender of the last message, at its Reply-To first', () => {
    const from = 'Sam Ortiz <sam@district.example.org>';
    expect(replyRoute({ from, replyTo: '', to: me, cc: '' }, me)).toEqual({
      all: false,
      to: ['sam@district.example.org'],
    });
    expect(replyRoute({ from, replyTo: 'everyone@district.example.org', to: me, cc: '' }, me)).toEqual({
      all: false,
      to: ['everyone@district.example.org'],
    });
  });

  it('answers everyone our own last message went to, never ourselves', () => {
    const route = replyRoute(
      { from: `Morgan <${me}>`, replyTo: '', to: 'sam@district.example.org', cc: `${me}, r@x.org` },
      me,
    );
    expect(route).toEqual({ all: true, to: ['sam@district.example.org', 'r@x.org'] });
  });

  it('is allowed only when every address it reaches is allowed, and it reaches someone', () => {
    const sam = { all: false, to: ['sam@district.example.org'] };
    expect(routeAllowed(sam, ['sam@district.example.org'], '')).toBe(true);
    expect(
      routeAllowed(
        { all: true, to: ['sam@district.example.org', 'r@x.org'] },
        ['sam@district.example.org'],
        'R@x.org',
      ),
    ).toBe(true);
    expect(
      routeAllowed({ all: false, to: ['everyone@district.example.org'] }, ['sam@district.example.org'], ''),
    ).toBe(false);
    expect(routeAllowed({ all: false, to: [] }, ['sam@district.example.org'], '')).toBe(false);
  });
});
