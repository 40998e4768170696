import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  RENEW_BEFORE_MS,
  RETRY_AFTER_MS,
  Session,
  type SessionApi,
  type SessionState,
} from './session';

const USER = { id: 'u1', displayName: '花子', locale: 'ja' };
const state = (token: string, expiresAt: number): SessionState => ({
  accessToken: token,
  expiresAt,
  user: USER,
});

describe('the browser session', () => {
  beforeEach(() => {
    vi.useFakeTimers();
    vi.setSystemTime(0);
  });
  afterEach(() => vi.useRealTimers());

  function sessionWith(renew: SessionApi['renew']) {
    const api = { renew: vi.fn(renew), end: vi.fn(() => Promise.resolve()) };
    return { api, session: new Session(api) };
  }

  it('hands the refresh token over and keeps only the access token', async () => {
    const { api, session } = sessionWith(() => Promise.resolve(state('a1', 900_000)));
    await session.start('refresh-from-sign-in');
    expect(api.renew).toHaveBeenCalledWith('refresh-from-sign-in');
    expect(session.current).toEqual(state('a1', 900_000));
  });

  it('renews a minute before the access token expires, from the cookie', async () => {
    let n = 0;
    const { api, session } = sessionWith(() => {
      n += 1;
      return Promise.resolve(state(`a${n}`, Date.now() + 900_000));
    });
    await session.start('r');
    await vi.advanceTimersByTimeAsync(900_000 - RENEW_BEFORE_MS - 1);
    expect(api.renew).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(api.renew).toHaveBeenCalledTimes(2);
    expect(api.renew).toHaveBeenLastCalledWith();
    expect(session.current?.accessToken).toBe('a2');
  });

  it('asks once when several ask at once: a refresh token is single-use', async () => {
    const { api, session } = sessionWith(() => Promise.resolve(state('a', 900_000)));
    const results = await Promise.all([session.renew(), session.renew(), session.renew()]);
    expect(results).toEqual([true, true, true]);
    expect(api.renew).toHaveBeenCalledTimes(1);
  });

  it('ends the session when the API refuses the renewal, and tells listeners', async () => {
    const { session } = sessionWith((token) =>
      Promise.resolve(token ? state('a', 900_000) : undefined),
    );
    await session.start('r');
    const listener = vi.fn();
    session.subscribe(listener);
    expect(await session.renew()).toBe(false);
    expect(session.current).toBeUndefined();
    expect(listener).toHaveBeenCalled();
  });

  it('keeps the session when the API cannot be reached, and tries again', async () => {
    let reachable = false;
    const { api, session } = sessionWith((token) =>
      token || reachable
        ? Promise.resolve(state('a', Date.now() + 900_000))
        : Promise.reject(new Error('offline')),
    );
    await session.start('r');
    expect(await session.renew()).toBe(true);
    expect(session.current?.accessToken).toBe('a');
    reachable = true;
    await vi.advanceTimersByTimeAsync(RETRY_AFTER_MS);
    expect(api.renew).toHaveBeenCalledTimes(3);
  });

  it('signs out: forgets the token and asks the API to revoke the cookie', async () => {
    const { api, session } = sessionWith(() => Promise.resolve(state('a', 900_000)));
    await session.start('r');
    await session.signOut();
    expect(session.current).toBeUndefined();
    expect(api.end).toHaveBeenCalledWith('a');
    // No renewal is left scheduled.
    await vi.advanceTimersByTimeAsync(2 * 900_000);
    expect(api.renew).toHaveBeenCalledTimes(1);
  });
});
