import { Injectable, Module } from '@nestjs/common';
import {
  AppConfig,
  AppError,
  consumeOrRefusal,
  ErrorCode,
  hashedKey,
  RateLimiters,
  RateLimitModule,
  refusalOf,
  TooManyRequestsError,
} from '@tsunagu/core';
import { RateLimiterRedis, RateLimiterRes } from 'rate-limiter-flexible';
import { AccountMailThrottle } from './account-mail-throttle';
import { normalizeEmail } from './auth.service';
import { PersonalDataExportThrottle } from './personal-data-throttle';

// Failures in a row and past lockouts of an account are remembered this long.
const ACCOUNT_MEMORY_SECONDS = 24 * 3600;

// The n-th lockout (from 1) lasts base × 2^(n-1) seconds, at most `max`.
export function lockoutSeconds(lockout: number, base: number, max: number): number {
  return Math.min(base * 2 ** Math.min(Math.max(lockout, 1) - 1, 30), max);
}

// One message for a locked e-mail address, whether or not it has an account, so a lockout tells
// an attacker nothing about who is registered.
export const ACCOUNT_LOCKED = 'Too many failed sign-in attempts; try again later';
export const ADDRESS_LOCKED = 'Too many failed attempts from this address; try again later';

// Brute-force protection for signIn and refreshSession, counted in Redis across API instances.
//
// Per account (the normalised e-mail address, hashed: Redis holds no address in the clear):
// SIGN_IN_MAX_FAILURES failures in a row lock it for a period that doubles with each lockout.
// Existing and unknown addresses are counted, locked and refused alike, before any password
// check, so the right password does not open a locked account and timing tells nothing.
// Per client address: AUTH_IP_MAX_FAILURES failed sign-ins and refreshes (any account, any
// token) per window, so one client cannot spread guesses over many accounts.
//
// Each attempt is counted before the password is checked, so guesses sent in parallel cannot
// all run before the first failure is known; a success gives its point back.
@Injectable()
export class SignInThrottle {
  private readonly accountFailures: RateLimiterRedis;
  private readonly accountLockouts: RateLimiterRedis;
  private readonly addressFailures: RateLimiterRedis;

  constructor(
    limiters: RateLimiters,
    private readonly config: AppConfig,
  ) {
    this.accountFailures = limiters.create('sign-in:account', {
      points: config.SIGN_IN_MAX_FAILURES,
      durationSeconds: ACCOUNT_MEMORY_SECONDS,
    });
    this.accountLockouts = limiters.create('sign-in:lockouts', {
      points: Number.MAX_SAFE_INTEGER,
      durationSeconds: ACCOUNT_MEMORY_SECONDS,
    });
    this.addressFailures = limiters.create('auth:ip', {
      points: config.AUTH_IP_MAX_FAILURES,
      durationSeconds: config.AUTH_IP_WINDOW_SECONDS,
    });
  }

  async signIn<T>(
    email: string,
    address: string | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> {
    return this.guard(email, address, attempt, isWrongCredentials);
  }

  // A signed-in person's current password, asked again before a sensitive change (password,
  // e-mail address, deletion): counted and locked with the account's sign-ins, so a stolen
  // session cannot guess the password there instead. The check answers a wrong password as a
  // field error (BAD_USER_INPUT), and only that counts.
  async confirmPassword<T>(
    email: string,
    address: string | undefined,
    attempt: () => Promise<T>,
  ): Promise<T> {
    return this.guard(email, address, attempt, isWrongPassword);
  }

  private async guard<T>(
    email: string,
    address: string | undefined,
    attempt: () => Promise<T>,
    isWrong: (error: unknown) => boolean,
  ): Promise<T> {
    const account = hashedKey(normalizeEmail(email));
    const [byAccount, byAddress] = await Promise.allSettled([
      this.accountFailures.consume(account),
      address && this.addressFailures.consume(address),
    ]);
    const accountRefusal = refusalOf(byAccount);
    const addressRefusal = refusalOf(byAddress);
    if (accountRefusal || addressRefusal) {
      // Refused unchecked: not a guess, so the other counter gets its point back.
      if (!accountRefusal) await this.accountFailures.reward(account);
      if (!addressRefusal && address) await this.addressFailures.reward(address);
      if (accountRefusal)
        throw TooManyRequestsError.after(ACCOUNT_LOCKED, this.wait(accountRefusal));
      throw TooManyRequestsError.after(ADDRESS_LOCKED, addressRefusal!.msBeforeNext);
    }
    const counted = (byAccount as PromiseFulfilledResult<RateLimiterRes>).value;
    let result: T;
    try {
      result = await attempt();
    } catch (error) {
      if (isWrong(error)) {
        if (counted.consumedPoints >= this.config.SIGN_IN_MAX_FAILURES) await this.lock(account);
      } else {
        // Not a wrong password (e.g. the database failed): nothing was guessed.
        await Promise.all([
          this.accountFailures.reward(account),
          address && this.addressFailures.reward(address),
        ]);
      }
      throw error;
    }
    // The owner proved themselves: their count and lockout history start again. The address's
    // failures stand: anyone can sign up, and a success on their own account must not buy
    // another round of guesses at someone else's.
    await Promise.all([
      this.accountFailures.delete(account),
      this.accountLockouts.delete(account),
      address && this.addressFailures.reward(address),
    ]);
    return result;
  }

  // Refresh tokens are 256 random bits, so guessing one is hopeless; what is limited is a client
  // presenting many bad ones, counted with its failed sign-ins.
  async refresh<T>(address: string | undefined, attempt: () => Promise<T>): Promise<T> {
    if (!address) return attempt();
    const refusal = await consumeOrRefusal(this.addressFailures, address);
    if (refusal) throw TooManyRequestsError.after(ADDRESS_LOCKED, refusal.msBeforeNext);
    try {
      const result = await attempt();
      await this.addressFailures.reward(address);
      return result;
    } catch (error) {
      if (!isWrongCredentials(error)) await this.addressFailures.reward(address);
      throw error;
    }
  }

  // A locked account's counter expires with its lockout. Refused before the lock is set (the
  // attempts that reached the limit are still being checked), the counter runs for the day:
  // the outcome is known within a second.
  private wait(refusal: RateLimiterRes): number {
    const lockoutMs = this.config.SIGN_IN_MAX_LOCKOUT_SECONDS * 1000;
    return refusal.msBeforeNext > lockoutMs ? 1000 : refusal.msBeforeNext;
  }

  // Blocks the account (its failure counter held over the limit) for the next lockout period.
  private async lock(account: string): Promise<void> {
    const lockouts = await this.accountLockouts.penalty(account);
    const seconds = lockoutSeconds(
      lockouts.consumedPoints,
      this.config.SIGN_IN_LOCKOUT_SECONDS,
      this.config.SIGN_IN_MAX_LOCKOUT_SECONDS,
    );
    await this.accountFailures.block(account, seconds);
  }
}

function isWrongCredentials(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCode.UNAUTHENTICATED;
}

function isWrongPassword(error: unknown): boolean {
  return error instanceof AppError && error.code === ErrorCode.BAD_USER_INPUT;
}

// Only the API signs people in (and sends account e-mails and data exports on request): the
// worker imports IdentityModule without these (and without a Redis connection for them).
@Module({
  imports: [RateLimitModule],
  providers: [SignInThrottle, AccountMailThrottle, PersonalDataExportThrottle],
  exports: [SignInThrottle, AccountMailThrottle, PersonalDataExportThrottle],
})
export class SignInThrottleModule {}
