import { Injectable } from '@nestjs/common';
import { Algorithm, hash, verify } from '@node-rs/argon2';

// argon2id with the library's defaults (OWASP's recommended memory/time cost).
@Injectable()
export class PasswordHasher {
  private dummyHash?: Promise<string>;

  // `salt` only for reproducible generated data; real accounts get a random one.
  hash(password: string, salt?: Uint8Array): Promise<string> {
    return hash(password, { algorithm: Algorithm.Argon2id, ...(salt ? { salt } : {}) });
  }

  async verify(passwordHash: string, password: string): Promise<boolean> {
    try {
      return await verify(passwordHash, password);
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
