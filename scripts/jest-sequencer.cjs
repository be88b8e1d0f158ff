// Jest test order: the longest files first, so neither worker is left running one alone at the end.
// Jest's own order uses the durations in its cache, and a fresh checkout has none: it then goes by file
// size, which put the two longest files (the walk-through and the outbox fault test) last. Files the
// cache has not timed take the seconds below (a clean-clone npm test on the 2-core machine, the check
// running alongside the first two), or none.
const path = require('node:path');
const Sequencer = require('@jest/test-sequencer').default;

const seconds = {
  'test/browser/walkthrough.browser.test.ts': 52,
  'src/gas/outbox.faults.test.ts': 49,
  'src/gas/hourly-run.test.ts': 14,
  'test/browser/gmail-card.browser.test.ts': 12,
  'src/gas/approvals.test.ts': 11,
  'test/browser/approvals.browser.test.ts': 10,
  'test/browser/workflows.browser.test.ts': 10,
  'src/gas/set-up.faults.test.ts': 10,
  'src/gas/sheet-once.test.ts': 10,
  'test/browser/governance.browser.test.ts': 10,
  'test/browser/pilot.browser.test.ts': 9,
  'test/browser/metrics.browser.test.ts': 9,
  'test/browser/playground.browser.test.ts': 8,
  'playground/playground.test.ts': 8,
};

class SlowFirst extends Sequencer {
  time(test) {
    const known = seconds[path.relative(test.context.config.rootDir, test.path).split(path.sep).join('/')];
    return super.time(test) ?? (known === undefined ? undefined : known * 1000);
  }

  sort(tests) {
    const ms = new Map(tests.map((test) => [test, this.time(test) ?? 0]));
    const failed = new Set(tests.filter((test) => this.hasFailed(test)));
    // Failed first (as Jest does), then the longest; untimed files keep Jest's order (by size).
    const bySize = super.sort([...tests]);
    return bySize.sort((a, b) => Number(failed.has(b)) - Number(failed.has(a)) || ms.get(b) - ms.get(a));
  }
}

module.exports = SlowFirst;
