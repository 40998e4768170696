import { Injectable } from '@nestjs/common';
import * as argon2 from 'argon2';

@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  hash(password: string): Promise<string> {
    return argon2.hash(password, { type: argon2.argon2id });
  }

  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  // Spends the same work as a real check when there is no account, then fails.
  async verifyAgainstDummy(password: string): Promise<false> {
    this.dummyHash ??= this.hash('tsunagu-dummy-password');
    await this.verify(await this.dummyHash, password);
    return false;
  }
}
