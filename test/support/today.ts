import { afterAll, beforeAll, jest } from '@jest/globals';

/**
 * Fixes the day the server code sees as today (its `new Date()`), for tests whose measurements and plan
 * have fixed dates: a period may not start after today, so without this they would turn into refusals
 * as the calendar moves. Only Date is faked; timers run as usual, and the clock moves on from `iso`.
 */
export function todayIs(iso: string): void {
  beforeAll(() => {
    jest.useFakeTimers({
      now: new Date(iso),
      advanceTimers: true,
      doNotFake: [
        'hrtime',
        'nextTick',
        'performance',
        'queueMicrotask',
        'requestAnimationFrame',
        'cancelAnimationFrame',
        'requestIdleCallback',
        'cancelIdleCallback',
        'setImmediate',
        'clearImmediate',
        'setInterval',
        'clearInterval',
        'setTimeout',
        'clearTimeout',
      ],
    });
  });
  afterAll(() => {
    jest.useRealTimers();
  });
}
