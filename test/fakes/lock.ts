import type { Lock, LockService } from '../../src/gas/apps-script';
import { gasError, messages } from './errors';

/**
 * Locks shared by all executions of one environment. Executions run one at a time here, so a lock held
 * by another execution is never released while someone waits: `tryLock` lets the time-out pass on the
 * fake clock and returns false, and `waitLock` throws (FAKES §5).
 */
export class LockTable {
  private readonly holders = new Map<string, number>();

  holder(key: string): number | undefined {
    return this.holders.get(key);
  }
  acquire(key: string, execution: number): void {
    this.holders.set(key, execution);
  }
  release(key: string, execution: number): void {
    if (this.holders.get(key) === execution) this.holders.delete(key);
  }
  releaseAll(execution: number): void {
    for (const [key, holder] of [...this.holders]) if (holder === execution) this.holders.delete(key);
  }
}

export class FakeLock implements Lock {
  constructor(
    private readonly table: LockTable,
    private readonly key: string,
    private readonly execution: number,
    private readonly wait: (ms: number) => void,
  ) {}

  tryLock(timeoutInMillis: number): boolean {
    if (typeof timeoutInMillis !== 'number' || timeoutInMillis < 0) return false;
    const holder = this.table.holder(this.key);
    if (holder === undefined || holder === this.execution) {
      this.table.acquire(this.key, this.execution);
      return true;
    }
    this.wait(timeoutInMillis);
    return false;
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw gasError(messages.lockTimeout);
  }

  hasLock(): boolean {
    return this.table.holder(this.key) === this.execution;
  }

  releaseLock(): void {
    this.table.release(this.key, this.execution);
  }
}

export class FakeLockService implements LockService {
  constructor(
    private readonly table: LockTable,
    private readonly scope: { execution: number; user: string; documentId: string | null },
    private readonly wait: (ms: number) => void,
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
  ) {}

  private lock(key: string): Lock {
    return this.wrap(new FakeLock(this.table, key, this.scope.execution, this.wait), 'Lock');
  }

  /** Null outside a document (FAKES §5). */
  getDocumentLock(): Lock {
    return (this.scope.documentId === null ? null : this.lock(`document:${this.scope.documentId}`)) as Lock;
  }
  getScriptLock(): Lock {
    return this.lock('script');
  }
  getUserLock(): Lock {
    return this.lock(`user:${this.scope.user.toLowerCase()}`);
  }
}
