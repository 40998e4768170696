// The signed-in session as the browser holds it: the access token in memory only, renewed a
// minute before it expires; the refresh token in an httpOnly cookie the API sets (see
// SessionCookieController), so a reload renews from the cookie and no script ever reads it.

export interface SessionUser {
  id: string;
  displayName: string;
  locale: string;
}

export interface SessionState {
  accessToken: string;
  // Epoch milliseconds.
  expiresAt: number;
  user: SessionUser;
}

// The API's /auth/session endpoint. renew resolves undefined when the API refuses (no cookie,
// expired or revoked token) and rejects when it cannot be reached.
export interface SessionApi {
  renew(refreshToken?: string): Promise<SessionState | undefined>;
  end(accessToken: string): Promise<void>;
}

export const RENEW_BEFORE_MS = 60_000;
// After a failed attempt to reach the API, the next one.
export const RETRY_AFTER_MS = 15_000;

export class Session {
  private state: SessionState | undefined;
  private renewing: Promise<boolean> | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly api: SessionApi,
    private readonly now: () => number = Date.now,
  ) {}

  get current(): SessionState | undefined {
    return this.state;
  }

  // For useSyncExternalStore, and for the socket to reconnect with a new token.
  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): SessionState | undefined => this.state;

  // After signIn or signUp over GraphQL: the refresh token goes to the cookie at once.
  async start(refreshToken: string): Promise<void> {
    const state = await this.api.renew(refreshToken);
    if (!state) throw new Error('The new session was refused');
    this.set(state);
  }

  // A renewal at a time: the timer, a reload and a refused token may all ask at once, and a
  // refresh token is single-use. Resolves whether a session holds afterwards.
  renew(): Promise<boolean> {
    this.renewing ??= this.api
      .renew()
      .then((state) => {
        this.set(state);
        return state !== undefined;
      })
      .catch(() => {
        // Unreachable: keep the session (its token may still hold) and try again soon.
        this.schedule(RETRY_AFTER_MS);
        return this.state !== undefined;
      })
      .finally(() => {
        this.renewing = undefined;
      });
    return this.renewing;
  }

  async signOut(): Promise<void> {
    const token = this.state?.accessToken;
    this.set(undefined);
    if (token) await this.api.end(token).catch(() => undefined);
  }

  private set(state: SessionState | undefined): void {
    clearTimeout(this.timer);
    this.timer = undefined;
    this.state = state;
    if (state) this.schedule(state.expiresAt - RENEW_BEFORE_MS - this.now());
    for (const listener of this.listeners) listener();
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.renew(), Math.max(0, delayMs));
  }
}

interface RenewResponse {
  accessToken: string;
  accessTokenExpiresAt: string;
  user: SessionUser;
}

export const httpSessionApi: SessionApi = {
  async renew(refreshToken) {
    const response = await fetch('/auth/session', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(refreshToken ? { refreshToken } : {}),
      credentials: 'same-origin',
    });
    if (response.status === 401) return undefined;
    if (!response.ok) throw new Error(`Session renewal answered ${response.status}`);
    const body = (await response.json()) as RenewResponse;
    return {
      accessToken: body.accessToken,
      expiresAt: Date.parse(body.accessTokenExpiresAt),
      user: body.user,
    };
  },
  async end(accessToken) {
    await fetch('/auth/session', {
      method: 'DELETE',
      headers: { authorization: `Bearer ${accessToken}` },
      credentials: 'same-origin',
    });
  },
};
