import { createClient, Client, CloseCode } from 'graphql-ws';
import WebSocket from 'ws';
import { expectData, Fixtures, PASSWORD, uniqueEmail } from './support/fixtures';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

// The attack classes of graphql-cop, each against the real API: what a hostile client sends and
// what it must get back (a 4xx with a code, never a 500, never the work done).

const CIRCULAR = 'query { ...A } fragment A on Query { ...B } fragment B on Query { ...A }';
const HEAVY_PAGE =
  'projects(first: 100) { edges { node { id title requiredSkills { name } region { name } } } }';

interface Raw {
  status: number;
  contentType: string;
  cacheControl: string | null;
  text: string;
  body: any;
  ms: number;
}

function endpointOf(platform: TestPlatform): Promise<string> {
  return platform.api.getUrl().then((url) => `${url.replace('[::1]', '127.0.0.1')}/graphql`);
}

async function send(url: string, init: RequestInit = {}): Promise<Raw> {
  const started = Date.now();
  const response = await fetch(url, init);
  const text = await response.text();
  let body: any;
  try {
    body = JSON.parse(text);
  } catch {
    body = undefined;
  }
  return {
    status: response.status,
    contentType: response.headers.get('content-type') ?? '',
    cacheControl: response.headers.get('cache-control'),
    text,
    body,
    ms: Date.now() - started,
  };
}

function post(url: string, payload: unknown): Promise<Raw> {
  return send(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof payload === 'string' ? payload : JSON.stringify(payload),
  });
}

// A refusal before anything runs: one error with the code, no data.
function expectRefused(raw: Raw, status: number, code: string): string {
  expect({ status: raw.status, code: raw.body?.errors?.[0]?.extensions?.code }).toEqual({
    status,
    code,
  });
  expect(raw.body.data ?? null).toBeNull();
  return raw.body.errors[0].message as string;
}

describe('GraphQL attacks (graphql-cop classes), development settings', () => {
  let platform: TestPlatform;
  let url: string;
  const clients: Client[] = [];

  beforeAll(async () => {
    platform = await startTestPlatform();
    url = await endpointOf(platform);
  });

  afterAll(async () => {
    for (const client of clients) await client.dispose();
    await platform.close();
  });

  it('refuses 1,000 aliases of a heavy page fast, before any of it runs', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `p${i}: ${HEAVY_PAGE}`).join(' ');
    const body = JSON.stringify({ query: `{ ${aliases} }` });
    // Under the body limit: the query limits, not the body size, have to refuse it.
    expect(body.length).toBeGreaterThan(90_000);
    expect(body.length).toBeLessThan(100 * 1024);

    const raw = await post(url, body);
    expect(expectRefused(raw, 400, 'GRAPHQL_PARSE_FAILED')).toMatch(/2000 tokens/);
    expect(raw.ms).toBeLessThan(2000);

    // As many as the alias and token limits let through still cost far more than one request may.
    const fifteen = Array.from({ length: 15 }, (_, i) => `p${i}: ${HEAVY_PAGE}`).join(' ');
    const costly = await post(url, { query: `{ ${fifteen} }` });
    expect(expectRefused(costly, 400, 'QUERY_TOO_COSTLY')).toMatch(
      /^Query cost 21000 exceeds the maximum of 5000/,
    );
  });

  it('limits aliases to GRAPHQL_MAX_ALIASES (15)', async () => {
    const aliased = (n: number) =>
      `{ ${Array.from({ length: n }, (_, i) => `a${i}: projects(first: 1) { pageInfo { hasNextPage } }`).join(' ')} }`;
    expect(expectData(await platform.gql(aliased(15))).a14.pageInfo.hasNextPage).toBe(false);
    const raw = await post(url, { query: aliased(16) });
    expect(expectRefused(raw, 400, 'GRAPHQL_VALIDATION_FAILED')).toBe(
      'Query has more than 15 aliases',
    );
  });

  it('refuses array batching', async () => {
    const raw = await post(url, [{ query: '{ __typename }' }, { query: '{ __typename }' }]);
    expect(raw.status).toBe(400);
    expect(raw.text).not.toContain('"__typename"');
  });

  it('refuses field duplication', async () => {
    // graphql-cop's probe: 500 copies of __typename.
    const raw = await post(url, { query: `{ ${'__typename '.repeat(500)}}` });
    expect(expectRefused(raw, 400, 'GRAPHQL_VALIDATION_FAILED')).toBe(
      'Field "__typename" is repeated more than 10 times',
    );
    expectRefused(
      await post(url, { query: `{ ${'__typename '.repeat(2500)}}` }),
      400,
      'GRAPHQL_PARSE_FAILED',
    );

    // A few copies are merged into one field by GraphQL: they cost nothing more.
    const fits = await post(url, {
      query: `{ projects(first: 1) { pageInfo { ${'hasNextPage '.repeat(10)}} } }`,
    });
    expect(fits.status).toBe(200);
    expect(fits.body.extensions.cost).toEqual({ requested: 2, maximum: 5000 });
  });

  it('refuses directive overloading', async () => {
    const raw = await post(url, { query: `{ __typename ${'@include(if: true) '.repeat(50)}}` });
    expect(expectRefused(raw, 400, 'GRAPHQL_VALIDATION_FAILED')).toBe(
      'Query has more than 10 directives',
    );
  });

  it('refuses queries deeper than GRAPHQL_MAX_DEPTH (10)', async () => {
    // The schema's own types nest less deeply; introspection's ofType chain nests without end.
    const deep = (leafDepth: number) =>
      `{ __type(name: "Project") { fields { type ${'{ ofType '.repeat(leafDepth - 3)}{ name }${' }'.repeat(leafDepth - 3)} } } }`;
    expect((await post(url, { query: deep(10) })).status).toBe(200);
    const raw = await post(url, { query: deep(11) });
    expect(expectRefused(raw, 400, 'GRAPHQL_VALIDATION_FAILED')).toBe(
      'Query exceeds maximum operation depth of 10',
    );
  });

  it('answers circular fragments over HTTP with a validation error, not a crash', async () => {
    const raw = await post(url, { query: CIRCULAR });
    expect(raw.status).toBe(400);
    expect(raw.body.errors.map((e: any) => e.extensions.code)).toEqual(
      expect.arrayContaining(['GRAPHQL_VALIDATION_FAILED']),
    );
    expect(raw.body.errors.map((e: any) => e.message)).toContain(
      'Cannot spread fragment "A" within itself via "B".',
    );
    expect(raw.text).not.toMatch(/RangeError|call stack|INTERNAL_SERVER_ERROR/);
  });

  it('answers circular fragments and over-limit documents over WebSocket with errors, keeping the socket open', async () => {
    const person = await new Fixtures(platform).signUp('ws-attacker');
    const closes: Array<{ code: number; reason: string }> = [];
    const client = createClient({
      url: url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${person.token}` },
      retryAttempts: 0,
      on: { closed: (event) => closes.push(event as { code: number; reason: string }) },
    });
    clients.push(client);
    const subscribe = (query: string) => {
      const seen = { errors: [] as any[], completed: false };
      client.subscribe(
        { query },
        {
          next: () => {},
          error: (error) => seen.errors.push(error),
          complete: () => (seen.completed = true),
        },
      );
      return seen;
    };
    // A live subscription keeps the (lazy) socket open while the attacks go over it.
    const live = subscribe('subscription { notificationAdded { id } }');

    const circular = subscribe(
      'subscription { ...A } fragment A on Subscription { ...B } fragment B on Subscription { ...A }',
    );
    const aliases = Array.from({ length: 16 }, (_, i) => `a${i}: id`).join(' ');
    const aliased = subscribe(`subscription { notificationAdded { ${aliases} } }`);
    await eventually(() =>
      Promise.resolve(circular.errors.length === 1 && aliased.errors.length === 1),
    );

    expect(circular.errors[0]).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          message: 'Cannot spread fragment "A" within itself via "B".',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        }),
      ]),
    );
    expect(aliased.errors[0]).toEqual([
      expect.objectContaining({
        message: 'Query has more than 15 aliases',
        extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
      }),
    ]);
    expect(closes).toEqual([]);
    expect(live.errors).toEqual([]);
    expect(closes.map((c) => c.code)).not.toContain(CloseCode.InternalServerError);
  });

  it('reports the cost of every operation in extensions', async () => {
    const raw = await post(url, { query: `{ ${HEAVY_PAGE} }` });
    expect(raw.status).toBe(200);
    // 100 × (node + region + 10 skills + edge + the page itself)
    expect(raw.body.extensions.cost).toEqual({ requested: 1400, maximum: 5000 });
    const tiny = await post(url, { query: '{ __typename }' });
    expect(tiny.body.extensions.cost).toEqual({ requested: 0, maximum: 5000 });
  });

  it('refuses a normal query made too costly by its page sizes, before it runs', async () => {
    // An intermediary's dashboard: a page of participant cards and a page of projects. Each
    // card costs 36 (lists of skills, themes, periods), each project 15.
    const query = `query($n: Int!) {
      searchParticipants(first: $n) {
        edges { cursor node {
          userId displayName kind skills { skillId level } themes { code } goals
          availability { weeklyHours days periods { from to } } homeMunicipality { code }
        } }
        pageInfo { hasNextPage endCursor }
      }
      projects(first: $n) {
        edges { node { id title requiredSkills { name } region { name } } }
        pageInfo { hasNextPage endCursor }
      }
    }`;
    // Anonymous: the cost is checked before authentication, so nobody can make it work for free.
    const half = await post(url, { query, variables: { n: 50 } });
    expect(half.body.extensions.cost).toEqual({ requested: 2550, maximum: 5000 });
    expect(half.body.errors.map((e: any) => e.extensions.code)).toEqual(['UNAUTHENTICATED']);

    const raw = await post(url, { query, variables: { n: 100 } });
    expect(expectRefused(raw, 400, 'QUERY_TOO_COSTLY')).toMatch(
      /^Query cost 5100 exceeds the maximum of 5000/,
    );
    expect(raw.body.errors[0].extensions.cost).toEqual({ requested: 5100, maximum: 5000 });
    expect(raw.body.extensions.cost).toEqual({ requested: 5100, maximum: 5000 });
  });

  it('refuses mutations sent as GET or as a form (CSRF), and does not run them', async () => {
    const email = uniqueEmail('csrf');
    const signUp = `mutation { signUp(input: { email: "${email}", password: "${PASSWORD}", displayName: "csrf", locale: "ja" }) { user { id } } }`;
    const get = await send(`${url}?query=${encodeURIComponent(signUp)}`);
    expect(get.status).toBeGreaterThanOrEqual(400);
    expect(get.status).toBeLessThan(500);
    const preflighted = await send(`${url}?query=${encodeURIComponent(signUp)}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(preflighted.status).toBe(405);
    const form = await send(url, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ query: signUp }).toString(),
    });
    expect(form.status).toBe(400);

    const signIn = await platform.gql(
      `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`,
      { input: { email, password: PASSWORD } },
    );
    expect(signIn.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('answers a body over the limit with a GraphQL error and 413', async () => {
    const raw = await post(url, { query: `{ __typename }`, variables: { x: 'x'.repeat(110_000) } });
    expect(raw.status).toBe(413);
    expect(raw.body).toEqual({
      errors: [
        {
          message: 'Request body is larger than the limit of 100kb',
          extensions: { code: 'PAYLOAD_TOO_LARGE' },
        },
      ],
    });
  });

  it('answers malformed JSON with a GraphQL error', async () => {
    const raw = await post(url, '{"query": "{ __typename }"');
    expect(raw.status).toBe(400);
    expect(raw.body).toEqual({
      errors: [{ message: 'Request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
    });
  });

  it('answers variables with 50 or more bad values as BAD_USER_INPUT, every error', async () => {
    // graphql stops coercing at 50 errors and adds one without a code of its own.
    const result = await platform.gql(
      `query($f: ProjectFilter) { projects(filter: $f) { edges { node { id } } } }`,
      { f: { modes: Array.from({ length: 60 }, () => 'NOPE') } },
    );
    expect(result.errors!.length).toBeGreaterThan(1);
    expect(new Set(result.errors!.map((e) => e.extensions.code))).toEqual(
      new Set(['BAD_USER_INPUT']),
    );
  });

  it('keeps suggestions, introspection and GraphiQL on in development', async () => {
    const typo = await post(url, { query: '{ projectz(first: 1) { pageInfo { hasNextPage } } }' });
    expect(typo.body.errors[0].message).toMatch(/Did you mean .*"projects"/);
    const introspection = await post(url, { query: '{ __schema { queryType { name } } }' });
    expect(introspection.body.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const page = await send(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBe(200);
    expect(page.text).toMatch(/graphiql/i);
  });
});

describe('GraphQL attacks (graphql-cop classes), production settings', () => {
  let platform: TestPlatform;
  let url: string;

  beforeAll(async () => {
    platform = await startTestPlatform({ env: { NODE_ENV: 'production' } });
    url = await endpointOf(platform);
  });

  afterAll(() => platform.close());

  it('strips "Did you mean" suggestions from errors', async () => {
    const typo = await post(url, { query: '{ projectz(first: 1) { pageInfo { hasNextPage } } }' });
    expect(expectRefused(typo, 400, 'GRAPHQL_VALIDATION_FAILED')).toBe(
      'Cannot query field "projectz" on type "Query".',
    );
    const badEnum = await post(url, {
      query: 'query($s: ProjectSort) { projects(first: 1, sort: $s) { pageInfo { hasNextPage } } }',
      variables: { s: 'NEWES' },
    });
    expect(badEnum.body.errors[0].message).not.toMatch(/Did you mean/);
  });

  it('turns introspection off', async () => {
    for (const query of [
      '{ __schema { queryType { name } } }',
      '{ __type(name: "Project") { fields { name } } }',
    ]) {
      const raw = await post(url, { query });
      expect(expectRefused(raw, 400, 'GRAPHQL_VALIDATION_FAILED')).toMatch(/introspection/i);
    }
  });

  it('serves no GraphiQL or landing page', async () => {
    const page = await send(url, { headers: { accept: 'text/html' } });
    expect(page.status).toBeGreaterThanOrEqual(400);
    expect(page.contentType).not.toMatch(/text\/html/);
    expect(page.text).not.toMatch(/graphiql|<html/i);
  });

  it('still answers ordinary operations, with their cost', async () => {
    const raw = await post(url, { query: '{ projects(first: 5) { pageInfo { hasNextPage } } }' });
    expect(raw.status).toBe(200);
    expect(raw.body.extensions.cost).toEqual({ requested: 10, maximum: 5000 });
  });

  it('tells caches to store no answer: data, errors and refusals alike', async () => {
    const answers = [
      await post(url, { query: '{ projects(first: 5) { pageInfo { hasNextPage } } }' }),
      await post(url, { query: '{ me { id } }' }),
      await post(url, { query: '{ nothingHere }' }),
      await post(url, {
        query: `{ a: ${HEAVY_PAGE} b: ${HEAVY_PAGE} c: ${HEAVY_PAGE} d: ${HEAVY_PAGE} }`,
      }),
    ];
    expect(answers.map((a) => [a.status, a.cacheControl])).toEqual([
      [200, 'no-store'],
      [200, 'no-store'],
      [400, 'no-store'],
      [400, 'no-store'],
    ]);
  });
});
