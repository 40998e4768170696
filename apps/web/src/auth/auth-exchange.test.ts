import { Client, fetchExchange } from '@urql/core';
import { describe, expect, it, vi } from 'vitest';
import { authExchange } from './auth-exchange';
import { Session, type SessionState } from './session';

const state = (token: string): SessionState => ({
  accessToken: token,
  expiresAt: Date.now() + 900_000,
  user: { id: 'u1', displayName: '花子', locale: 'ja' },
});

function json(body: unknown) {
  return new Response(JSON.stringify(body), { headers: { 'content-type': 'application/json' } });
}

describe('the auth exchange', () => {
  it('sends the token, and on UNAUTHENTICATED renews once and sends again with the new one', async () => {
    let issued = 0;
    const session = new Session({
      renew: () => Promise.resolve(state(`token-${++issued}`)),
      end: () => Promise.resolve(),
    });
    await session.start('r');
    const fetch = vi.fn((_url: RequestInfo | URL, init?: RequestInit) => {
      const auth = (init?.headers as Record<string, string>).authorization;
      return Promise.resolve(
        auth === 'Bearer token-1'
          ? json({
              errors: [
                { message: 'Access token expired', extensions: { code: 'UNAUTHENTICATED' } },
              ],
            })
          : json({ data: { unreadNotificationCount: 3 } }),
      );
    });
    const client = new Client({
      url: 'http://api/graphql',
      exchanges: [authExchange(session), fetchExchange],
      fetch,
    });
    const result = await client.query('{ unreadNotificationCount }', {}).toPromise();
    expect(result.data).toEqual({ unreadNotificationCount: 3 });
    expect(
      fetch.mock.calls.map(([, init]) => (init?.headers as Record<string, string>).authorization),
    ).toEqual(['Bearer token-1', 'Bearer token-2']);
  });

  it('gives up after one retry, and then sends no stale token', async () => {
    const session = new Session({
      renew: (token) => Promise.resolve(token ? state('only') : undefined),
      end: () => Promise.resolve(),
    });
    await session.start('r');
    const unauthenticated = {
      errors: [{ message: 'Authentication required', extensions: { code: 'UNAUTHENTICATED' } }],
    };
    const fetch = vi.fn(() => Promise.resolve(json(unauthenticated)));
    const client = new Client({
      url: 'http://api/graphql',
      exchanges: [authExchange(session), fetchExchange],
      fetch,
    });
    const result = await client.query('{ me { id } }', {}).toPromise();
    expect(result.error?.graphQLErrors[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(fetch).toHaveBeenCalledTimes(2);
    const calls = fetch.mock.calls as unknown as Array<[string, RequestInit]>;
    expect((calls[1][1].headers as Record<string, string>).authorization).toBeUndefined();
    expect(session.current).toBeUndefined();
  });
});
