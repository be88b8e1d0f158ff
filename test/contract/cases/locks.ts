import type { ContractCase } from '../contract';

const source = 'FAKES.md §5';

export const lockCases: ContractCase[] = [
  {
    id: 'locks/acquire-and-release',
    rule: 'tryLock on a free lock returns true, again while held, and releaseLock frees it.',
    source,
    run(t) {
      const lock = t.gas.LockService.getUserLock();
      t.equal(lock.hasLock(), false, 'hasLock() before');
      t.equal(lock.tryLock(0), true, 'tryLock(0)');
      t.equal(lock.tryLock(0), true, 'tryLock(0) while held');
      lock.releaseLock();
      t.equal(lock.hasLock(), false, 'hasLock() after release');
    },
  },
  {
    id: 'locks/negative-timeout',
    rule: 'A negative time-out makes tryLock return false and waitLock throw.',
    source,
    run(t) {
      const lock = t.gas.LockService.getUserLock();
      t.equal(lock.tryLock(-1), false, 'tryLock(-1)');
      t.throws(() => lock.waitLock(-1), 'Lock timeout', 'waitLock(-1)');
    },
  },
];
