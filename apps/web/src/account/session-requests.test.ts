import { afterEach, describe, expect, it, vi } from 'vitest';
import { Session } from '../auth/session';
import { fetchSignedIn, startSession } from './session-requests';

const HOUR = 3_600_000;
afterEach(() => vi.unstubAllGlobals());

function sessionRenewingTo(...accessTokens: string[]) {
  const renew = vi.fn();
  for (const accessToken of accessTokens)
    renew.mockResolvedValueOnce({ accessToken, expiresAt: Date.now() + HOUR });
  renew.mockResolvedValue(undefined);
  return { session: new Session({ renew, end: vi.fn() }), renew };
}

function stubFetch(...statuses: number[]) {
  const fetchMock = vi.fn<(url: string, init: RequestInit) => Promise<Response>>();
  for (const status of statuses) fetchMock.mockResolvedValueOnce(new Response('{}', { status }));
  vi.stubGlobal('fetch', fetchMock);
  return fetchMock;
}

const tokenOf = (init: RequestInit) => (init.headers as Record<string, string>).authorization;

describe('a request with the access token', () => {
  it('renews an expired token once and asks again with the new one', async () => {
    const { session } = sessionRenewingTo('old', 'new');
    await session.start('refresh');
    const fetchMock = stubFetch(401, 200);
    const response = await fetchSignedIn(session, '/auth/my-data');
    expect(response.status).toBe(200);
    expect(fetchMock.mock.calls.map(([url, init]) => [url, tokenOf(init)])).toEqual([
      ['/auth/my-data', 'Bearer old'],
      ['/auth/my-data', 'Bearer new'],
    ]);
  });

  it('answers the 401 when the session cannot be renewed, and asks only once', async () => {
    const { session } = sessionRenewingTo('old');
    await session.start('refresh');
    const fetchMock = stubFetch(401);
    expect((await fetchSignedIn(session, '/auth/my-data')).status).toBe(401);
    expect(fetchMock).toHaveBeenCalledTimes(1);
  });

  it('does not renew for other refusals', async () => {
    const { session, renew } = sessionRenewingTo('old');
    await session.start('refresh');
    stubFetch(500);
    expect((await fetchSignedIn(session, '/auth/my-data')).status).toBe(500);
    expect(renew).toHaveBeenCalledTimes(1);
  });
});

describe('starting the session after a form', () => {
  it('needs a refresh token and a session the API accepts', async () => {
    expect(await startSession(sessionRenewingTo('a').session, undefined)).toBe(false);
    expect(await startSession(sessionRenewingTo().session, 'refused')).toBe(false);
    const { session } = sessionRenewingTo('a');
    expect(await startSession(session, 'refresh')).toBe(true);
    expect(session.current?.accessToken).toBe('a');
  });
});
