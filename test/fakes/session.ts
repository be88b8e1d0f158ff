import { createHash } from 'node:crypto';
import type { Session, User } from '../../src/gas/apps-script';
import { FakeUser } from './user';

/** The active user's email can be "" (policy, missing scope, consumer accounts): code must cope. */
export class FakeSession implements Session {
  constructor(
    private readonly activeUserEmail: string,
    private readonly effectiveUserEmail: string,
    private readonly scriptTimeZone: string,
    private readonly wrap: <T extends object>(target: T, typeName: string) => T,
  ) {}

  getActiveUser(): User {
    return this.wrap(new FakeUser(this.activeUserEmail), 'User');
  }
  getEffectiveUser(): User {
    return this.wrap(new FakeUser(this.effectiveUserEmail), 'User');
  }
  getScriptTimeZone(): string {
    return this.scriptTimeZone;
  }
  getTemporaryActiveUserKey(): string {
    return createHash('sha256')
      .update(`temporary-key:${this.effectiveUserEmail}`)
      .digest('base64url')
      .slice(0, 43);
  }
}
