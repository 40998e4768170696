import { Logger } from '@nestjs/common';
import { AppConfig, AppError, RateLimiters } from '@tsunagu/core';
import { lockoutSeconds, SignInThrottle } from './sign-in-throttle';

describe('lockoutSeconds', () => {
  it('doubles with each lockout, up to the maximum', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((n) => lockoutSeconds(n, 60, 3600))).toEqual([
      60, 120, 240, 480, 960, 1920, 3600,
    ]);
    expect(lockoutSeconds(0, 60, 3600)).toBe(60);
    expect(lockoutSeconds(10_000, 60, 3600)).toBe(3600);
  });
});

// The throttle's rules, with Redis unreachable so the per-instance fallback is what counts:
// an outage must not switch brute-force protection off.
describe('SignInThrottle (Redis unreachable: in-memory fallback)', () => {
  let limiters: RateLimiters;
  let throttle: SignInThrottle;
  let warn: jest.SpyInstance;
  const wrong = () => Promise.reject(AppError.unauthenticated('Wrong e-mail address or password'));
  const right = () => Promise.resolve('session');

  beforeAll(() => {
    warn = jest.spyOn(Logger.prototype, 'warn').mockImplementation(() => undefined);
    const config = Object.assign(new AppConfig(), {
      // Port 1: nothing listens there, so every command fails at once.
      REDIS_URL: 'redis://127.0.0.1:1',
      SIGN_IN_MAX_FAILURES: 3,
      SIGN_IN_LOCKOUT_SECONDS: 60,
      AUTH_IP_MAX_FAILURES: 5,
    });
    limiters = new RateLimiters(config);
    throttle = new SignInThrottle(limiters, config);
  });

  afterAll(async () => {
    await limiters.onApplicationShutdown();
    warn.mockRestore();
  });

  async function codeOf(attempt: Promise<unknown>): Promise<string> {
    return attempt.then(
      () => 'OK',
      (error: unknown) => (error instanceof AppError ? error.code : String(error)),
    );
  }

  it('locks an address after its failures in a row, spelled any way, the right password included', async () => {
    for (let i = 0; i < 3; i++) {
      expect(await codeOf(throttle.signIn('Mika@Example.test', `10.0.0.${i}`, wrong))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(await codeOf(throttle.signIn(' mika@example.test ', '10.0.0.9', right))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('starts the count again after a success', async () => {
    for (let i = 0; i < 2; i++) await codeOf(throttle.signIn('ren@example.test', undefined, wrong));
    expect(await codeOf(throttle.signIn('ren@example.test', undefined, right))).toBe('OK');
    for (let i = 0; i < 2; i++) {
      expect(await codeOf(throttle.signIn('ren@example.test', undefined, wrong))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(await codeOf(throttle.signIn('ren@example.test', undefined, right))).toBe('OK');
  });

  it('does not count an attempt that failed for another reason', async () => {
    const broken = () => Promise.reject(new Error('database away'));
    for (let i = 0; i < 5; i++) {
      expect(await codeOf(throttle.signIn('sora@example.test', '10.0.1.1', broken))).toBe(
        'Error: database away',
      );
    }
    expect(await codeOf(throttle.signIn('sora@example.test', '10.0.1.1', right))).toBe('OK');
  });

  it("counts wrong current passwords (a field error) with the account's sign-ins", async () => {
    const notCurrent = () =>
      Promise.reject(AppError.invalidField(['input', 'password'], 'is not your current password'));
    const signInFailed = () => throttle.signIn('aoi@example.test', '10.0.3.1', wrong);
    const confirmFailed = () =>
      throttle.confirmPassword('aoi@example.test', '10.0.3.2', notCurrent);
    expect(await codeOf(confirmFailed())).toBe('BAD_USER_INPUT');
    expect(await codeOf(signInFailed())).toBe('UNAUTHENTICATED');
    expect(await codeOf(confirmFailed())).toBe('BAD_USER_INPUT');
    expect(await codeOf(throttle.confirmPassword('aoi@example.test', '10.0.3.3', right))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await codeOf(throttle.signIn('aoi@example.test', '10.0.3.3', right))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('does not count a confirmation that failed for another reason', async () => {
    const notSignedIn = () => Promise.reject(AppError.unauthenticated());
    for (let i = 0; i < 5; i++) {
      expect(
        await codeOf(throttle.confirmPassword('yui@example.test', '10.0.4.1', notSignedIn)),
      ).toBe('UNAUTHENTICATED');
    }
    expect(await codeOf(throttle.confirmPassword('yui@example.test', '10.0.4.1', right))).toBe(
      'OK',
    );
  });

  it('refuses an address after its failures across accounts, refreshes included', async () => {
    for (let i = 0; i < 3; i++) {
      await codeOf(throttle.signIn(`user${i}@example.test`, '10.0.2.1', wrong));
    }
    for (let i = 0; i < 2; i++) {
      expect(await codeOf(throttle.refresh('10.0.2.1', wrong))).toBe('UNAUTHENTICATED');
    }
    expect(await codeOf(throttle.refresh('10.0.2.1', right))).toBe('TOO_MANY_REQUESTS');
    expect(await codeOf(throttle.signIn('new@example.test', '10.0.2.1', right))).toBe(
      'TOO_MANY_REQUESTS',
    );
    expect(await codeOf(throttle.signIn('new@example.test', '10.0.2.2', right))).toBe('OK');
  });
});
