import type { Session } from '../auth/session';

// After a form whose answer carries a new refresh token (sign-in, sign-up, a changed
// password): this browser's session carries on with it. Resolves whether it did.
export async function startSession(session: Session, refreshToken?: string): Promise<boolean> {
  if (!refreshToken) return false;
  try {
    await session.start(refreshToken);
    return true;
  } catch {
    return false;
  }
}

// A request to the API over plain HTTP with the access token. A token that expired meanwhile
// (a tab left asleep past the renewal timer) is answered 401: renew the session once and retry.
export async function fetchSignedIn(
  session: Session,
  url: string,
  init: RequestInit = {},
): Promise<Response> {
  const send = () =>
    fetch(url, {
      ...init,
      headers: { ...init.headers, authorization: `Bearer ${session.current?.accessToken ?? ''}` },
      credentials: 'same-origin',
    });
  const response = await send();
  if (response.status !== 401 || !(await session.renew())) return response;
  return send();
}
