import { Injectable } from '@nestjs/common';
import { AppError, ErrorCode } from '@tsunagu/core';
import { AuthService } from '@tsunagu/identity';
import { createHmac, randomBytes } from 'node:crypto';

const REMEMBER_MS = 60_000;
const MAX_REMEMBERED = 1_000;

// Checks an e-mail address and password exactly as the signIn mutation does (same lookup,
// argon2 check, and the same time spent on unknown addresses), without opening a session.
//
// Browsers resend Basic credentials with every asset and every poll of the dashboard, so a pair
// that passed is remembered for a minute instead of running argon2 and opening a session each
// time. The entry is keyed by an HMAC under a key that lives only in this process, never by the
// password itself. A changed password therefore takes up to a minute to lock the old one out;
// admin rights are still checked on every request.
@Injectable()
export class DashboardPasswordCheck {
  private readonly key = randomBytes(32);
  private readonly remembered = new Map<string, { userId: string; until: number }>();

  constructor(private readonly auth: AuthService) {}

  // The user id when this pair passed within the last minute.
  recall(email: string, password: string): string | undefined {
    const id = this.idOf(email, password);
    const entry = this.remembered.get(id);
    if (entry && entry.until > Date.now()) return entry.userId;
    if (entry) this.remembered.delete(id);
    return undefined;
  }

  // The user id, or undefined for a wrong e-mail address or password.
  async verify(email: string, password: string): Promise<string | undefined> {
    let userId: string;
    try {
      userId = (await this.auth.verifyCredentials(email, password)).id;
    } catch (error) {
      if (error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED) return undefined;
      throw error;
    }
    this.remember(this.idOf(email, password), userId);
    return userId;
  }

  private remember(id: string, userId: string): void {
    const now = Date.now();
    if (this.remembered.size >= MAX_REMEMBERED) {
      for (const [key, entry] of this.remembered) {
        if (entry.until <= now) this.remembered.delete(key);
      }
      const oldest = this.remembered.keys().next();
      if (this.remembered.size >= MAX_REMEMBERED && !oldest.done) {
        this.remembered.delete(oldest.value);
      }
    }
    this.remembered.set(id, { userId, until: now + REMEMBER_MS });
  }

  private idOf(email: string, password: string): string {
    return createHmac('sha256', this.key)
      .update(JSON.stringify([email, password]))
      .digest('base64url');
  }
}
