import type { User } from '../../src/gas/apps-script';

export class FakeUser implements User {
  constructor(private readonly email: string) {}
  getEmail(): string {
    return this.email;
  }
}
