import { createClient, Client } from 'graphql-ws';
import { randomBytes } from 'node:crypto';
import WebSocket from 'ws';
import { expectData, Fixtures, PASSWORD, Person, uniqueEmail } from './support/fixtures';
import { GraphQLResult, startTestPlatform, TestPlatform } from './support/test-platform';

const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken } }`;
const ME = `query { me { id } }`;
const LIVE = `subscription { notificationAdded { id } }`;

const MAX_FAILURES = 10;
// Long enough that a loaded machine still tries the right password within the first lockout.
const LOCKOUT_SECONDS = 8;
const IP_MAX_FAILURES = 12;
const USER_POINTS = 5;
const IP_POINTS = 8;

interface Answer {
  status: number;
  retryAfter: string | null;
  body: GraphQLResult;
}

// Every test sends from addresses of its own (X-Forwarded-For, trusted here), so the per-address
// counters of one test do not touch another's.
let block = 0;
function addresses(): () => string {
  block += 1;
  let host = 0;
  return () => `10.${block}.${Math.floor(++host / 250)}.${host % 250}`;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function codeOf(answer: Answer): string | undefined {
  return answer.body.errors?.[0]?.extensions.code;
}

describe('rate limits and sign-in throttling', () => {
  let platform: TestPlatform;
  let url: string;
  let f: Fixtures;
  const clients: Client[] = [];

  async function send(
    target: string,
    query: string,
    variables: Record<string, unknown>,
    from: string,
    token?: string,
  ): Promise<Answer> {
    const response = await fetch(target, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-forwarded-for': from,
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({ query, variables }),
    });
    return {
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      body: (await response.json()) as GraphQLResult,
    };
  }

  const signIn = (email: string, password: string, from: string) =>
    send(url, SIGN_IN, { input: { email, password } }, from);

  // The answer that says "locked": 429, TOO_MANY_REQUESTS, and when to retry, in the header and
  // in the error alike.
  function expectLocked(answer: Answer, maxSeconds: number): number {
    expect(answer.status).toBe(429);
    expect(answer.body.data ?? null).toBeNull();
    const error = answer.body.errors![0];
    expect(error.extensions.code).toBe('TOO_MANY_REQUESTS');
    const retry = (error.extensions as { retryAfterSeconds?: number }).retryAfterSeconds!;
    expect(retry).toBeGreaterThanOrEqual(1);
    expect(retry).toBeLessThanOrEqual(maxSeconds);
    expect(answer.retryAfter).toBe(String(retry));
    return retry;
  }

  // Fires the wrong password `times` at once, each from its own address, as a botnet would.
  async function guessAtOnce(email: string, times: number): Promise<Answer[]> {
    const next = addresses();
    return Promise.all(
      Array.from({ length: times }, (_, i) => signIn(email, `wrong-password-${i}`, next())),
    );
  }

  function tally(answers: Answer[]): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const answer of answers) {
      const code = codeOf(answer) ?? 'OK';
      counts[code] = (counts[code] ?? 0) + 1;
    }
    return counts;
  }

  beforeAll(async () => {
    platform = await startTestPlatform({
      env: {
        TRUST_PROXY: 'true',
        SIGN_IN_MAX_FAILURES: String(MAX_FAILURES),
        SIGN_IN_LOCKOUT_SECONDS: String(LOCKOUT_SECONDS),
        SIGN_IN_MAX_LOCKOUT_SECONDS: '60',
        AUTH_IP_MAX_FAILURES: String(IP_MAX_FAILURES),
      },
    });
    url = `${await platform.api.getUrl()}/graphql`.replace('[::1]', '127.0.0.1');
    f = new Fixtures(platform);
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await platform.close();
  });

  it('checks only the first ten of 50 wrong passwords sent at once', async () => {
    // Counted before the password check, so guesses in parallel cannot all slip through.
    expect(tally(await guessAtOnce(uniqueEmail('raced'), 50))).toEqual({
      UNAUTHENTICATED: MAX_FAILURES,
      TOO_MANY_REQUESTS: 50 - MAX_FAILURES,
    });
  });

  it('locks an account after 50 wrong passwords, refuses the right one until the lockout ends, and answers an unknown address identically', async () => {
    const person = await f.signUp('target');
    const unknown = uniqueEmail('nobody');
    // Nine, then 41 at once: the lockout starts with the one checked guess of the second burst,
    // so it has not run out (under load) by the time the right password is tried.
    for (const email of [person.email, unknown]) {
      expect(tally(await guessAtOnce(email, MAX_FAILURES - 1))).toEqual({
        UNAUTHENTICATED: MAX_FAILURES - 1,
      });
    }
    const bursts = await Promise.all([
      guessAtOnce(person.email, 50 - MAX_FAILURES + 1),
      guessAtOnce(unknown, 50 - MAX_FAILURES + 1),
    ]);
    for (const burst of bursts) {
      expect(tally(burst)).toEqual({ UNAUTHENTICATED: 1, TOO_MANY_REQUESTS: 50 - MAX_FAILURES });
    }

    const from = addresses();
    const [right, nobody] = await Promise.all([
      signIn(person.email, PASSWORD, from()),
      signIn(unknown, PASSWORD, from()),
    ]);
    const retry = expectLocked(right, LOCKOUT_SECONDS);
    expectLocked(nobody, LOCKOUT_SECONDS);
    expect(nobody.body.errors![0].message).toBe(right.body.errors![0].message);
    expect(Object.keys(nobody.body.errors![0].extensions).sort()).toEqual(
      Object.keys(right.body.errors![0].extensions).sort(),
    );

    await sleep(retry * 1000);
    expect(
      expectData((await signIn(person.email, PASSWORD, from())).body).signIn.accessToken,
    ).toBeTruthy();
    // The success started the count again: ten more wrong passwords are all checked.
    expect(tally(await guessAtOnce(person.email, MAX_FAILURES))).toEqual({
      UNAUTHENTICATED: MAX_FAILURES,
    });
  });

  it('locks for longer after each lockout', async () => {
    const email = uniqueEmail('again');
    const lockOut = async () => {
      await guessAtOnce(email, MAX_FAILURES - 1);
      expect(codeOf(await signIn(email, 'last-guess', addresses()()))).toBe('UNAUTHENTICATED');
      return signIn(email, PASSWORD, addresses()());
    };
    const first = expectLocked(await lockOut(), LOCKOUT_SECONDS);
    await sleep(first * 1000);
    const second = expectLocked(await lockOut(), 2 * LOCKOUT_SECONDS);
    expect(second).toBeGreaterThan(LOCKOUT_SECONDS);
  });

  it('refuses an address after too many failures across many accounts, and counts no successes', async () => {
    const person = await f.signUp('bystander');
    const next = addresses();
    const attacker = next();
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      expect(codeOf(await signIn(uniqueEmail(`spray${i}`), 'guess', attacker))).toBe(
        'UNAUTHENTICATED',
      );
    }
    const refused = await signIn(person.email, PASSWORD, attacker);
    expectLocked(refused, 3600);
    expect(refused.body.errors![0].message).toMatch(/address/);

    // Another address is not affected; the person's account was never locked.
    const office = next();
    for (let i = 0; i < IP_MAX_FAILURES + 3; i++) {
      expect(codeOf(await signIn(person.email, PASSWORD, office))).toBeUndefined();
    }
    // Successes took nothing from that address's allowance of failures.
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      expect(codeOf(await signIn(uniqueEmail(`typo${i}`), 'guess', office))).toBe(
        'UNAUTHENTICATED',
      );
    }
    expect(codeOf(await signIn(uniqueEmail('one-more'), 'guess', office))).toBe(
      'TOO_MANY_REQUESTS',
    );
  });

  it('throttles refreshSession per address', async () => {
    const person = await f.signUp('refresher');
    const next = addresses();
    const prober = next();
    for (let i = 0; i < IP_MAX_FAILURES; i++) {
      const bogus = randomBytes(32).toString('base64url');
      expect(codeOf(await send(url, REFRESH, { t: bogus }, prober))).toBe('UNAUTHENTICATED');
    }
    // Refused before the token is looked at: the valid token is not spent.
    expectLocked(await send(url, REFRESH, { t: person.refreshToken }, prober), 3600);
    const elsewhere = await send(url, REFRESH, { t: person.refreshToken }, next());
    expect(expectData(elsewhere.body).refreshSession.accessToken).toBeTruthy();
  });

  describe('GraphQL operations, on two API instances sharing Redis', () => {
    let a: string;
    let b: string;

    beforeAll(async () => {
      const saved = { ...process.env };
      Object.assign(process.env, {
        RATE_LIMIT_USER_POINTS: String(USER_POINTS),
        RATE_LIMIT_IP_POINTS: String(IP_POINTS),
        RATE_LIMIT_WINDOW_SECONDS: '60',
      });
      a = (await platform.startApi()).url;
      b = (await platform.startApi()).url;
      process.env = saved;
    });

    it('refuses a user over budget whichever instance and address they use', async () => {
      const person: Person = await f.signUp('busy');
      const next = addresses();
      const answers: Answer[] = [];
      for (let i = 0; i <= USER_POINTS; i++) {
        answers.push(await send(i % 2 ? a : b, ME, {}, next(), person.token));
      }
      expect(answers.slice(0, USER_POINTS).map((x) => x.body.data?.me.id)).toEqual(
        Array(USER_POINTS).fill(person.id),
      );
      expectLocked(answers[USER_POINTS], 60);
    });

    it('refuses an address over budget, signed in or not, on both instances', async () => {
      const people = [await f.signUp('shared1'), await f.signUp('shared2')];
      const next = addresses();
      const cafe = next();
      const answers: Answer[] = [];
      for (let i = 0; i <= IP_POINTS; i++) {
        const token = i % 3 === 2 ? undefined : people[i % 3].token;
        answers.push(await send(i % 2 ? a : b, `{ __typename }`, {}, cafe, token));
      }
      expect(tally(answers.slice(0, IP_POINTS))).toEqual({ OK: IP_POINTS });
      expectLocked(answers[IP_POINTS], 60);
      // The same people from another address still have budget left.
      expect((await send(b, ME, {}, next(), people[0].token)).body.data?.me.id).toBe(people[0].id);
    });

    it('keeps a lockout made through one instance on the other', async () => {
      const person = await f.signUp('roaming');
      const next = addresses();
      const attempt = (target: string, password: string) =>
        send(target, SIGN_IN, { input: { email: person.email, password } }, next());
      for (let i = 0; i < MAX_FAILURES; i++) {
        expect(codeOf(await attempt(i % 2 ? a : b, `wrong-${i}`))).toBe('UNAUTHENTICATED');
      }
      expectLocked(await attempt(a, PASSWORD), LOCKOUT_SECONDS);
      expectLocked(await attempt(b, PASSWORD), LOCKOUT_SECONDS);
    });

    it('counts subscribe operations per user over graphql-ws', async () => {
      const person = await f.signUp('listener');
      const client = createClient({
        url: a.replace(/^http/, 'ws'),
        webSocketImpl: WebSocket,
        connectionParams: { authorization: `Bearer ${person.token}` },
        retryAttempts: 0,
      });
      clients.push(client);
      const outcomes: unknown[] = [];
      for (let i = 0; i <= USER_POINTS; i++) {
        outcomes.push(
          await new Promise((resolve) => {
            const stop = client.subscribe(
              { query: LIVE },
              {
                next: () => undefined,
                // A refused subscribe ends in an error with the formatted GraphQL errors.
                error: (errors) => resolve(errors),
                complete: () => resolve('completed'),
              },
            );
            // A subscription that started stays open: wait a moment, then stop it.
            setTimeout(() => {
              stop();
              resolve('open');
            }, 300);
          }),
        );
      }
      expect(outcomes.slice(0, USER_POINTS).every((o) => o === 'open' || o === 'completed')).toBe(
        true,
      );
      const refused = outcomes[USER_POINTS] as Array<{ extensions: Record<string, unknown> }>;
      expect(refused[0].extensions.code).toBe('TOO_MANY_REQUESTS');
      expect(refused[0].extensions.retryAfterSeconds).toBeGreaterThanOrEqual(1);
      // Over HTTP too: the budget is the user's.
      expectLocked(await send(b, ME, {}, addresses()(), person.token), 60);
    });
  });
});
