import { sign } from 'jsonwebtoken';
import { expectData, Fixtures, PASSWORD, uniqueEmail } from './support/fixtures';
import { startTestPlatform, TEST_JWT_SECRET, TestPlatform } from './support/test-platform';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken refreshToken user { id displayName } } }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken } }`;
const ME = `query { me { id email displayName locale memberships { role } } }`;

describe('accounts and sessions', () => {
  let platform: TestPlatform;
  let f: Fixtures;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
  });

  afterAll(() => platform.close());

  it('signs up, reads me, and signs in again', async () => {
    const email = uniqueEmail('Hanako');
    const signedUp = expectData(
      await platform.gql(SIGN_UP, {
        input: {
          email: `  ${email.toUpperCase()} `.trim(),
          password: PASSWORD,
          displayName: '鈴木 花子',
        },
      }),
    );
    const me = expectData(await platform.gql(ME, {}, signedUp.signUp.accessToken));
    expect(me.me).toMatchObject({
      email: email.toLowerCase(),
      displayName: '鈴木 花子',
      locale: 'ja',
      memberships: [],
    });
    expect(
      expectData(await platform.gql(SIGN_IN, { input: { email, password: PASSWORD } })).signIn
        .accessToken,
    ).toBeTruthy();
  });

  it('rejects bad sign-up input with field paths and creates nothing', async () => {
    const email = uniqueEmail('bad');
    const result = await platform.gql(SIGN_UP, {
      input: { email: 'not-an-email', password: 'short', displayName: '' },
    });
    expect(result.errors?.[0].extensions.code).toBe('BAD_USER_INPUT');
    const paths = result.errors![0].extensions.fields!.map((p) => p.path.join('.'));
    expect(paths).toEqual(
      expect.arrayContaining(['input.email', 'input.password', 'input.displayName']),
    );
    const retry = await platform.gql(SIGN_IN, { input: { email, password: 'short' } });
    expect(retry.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses a second account with the same e-mail address', async () => {
    const person = await f.signUp('twice');
    const again = await platform.gql(SIGN_UP, {
      input: { email: person.email, password: PASSWORD, displayName: 'x' },
    });
    expect(again.errors?.[0].extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_EXISTS',
    });
  });

  it('fails sign-in with a wrong password or an unknown e-mail, with the same message', async () => {
    const person = await f.signUp('signin');
    const wrong = await platform.gql(SIGN_IN, {
      input: { email: person.email, password: 'wrong-password-1' },
    });
    const unknown = await platform.gql(SIGN_IN, {
      input: { email: uniqueEmail('nobody'), password: PASSWORD },
    });
    expect(wrong.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    expect(unknown.errors?.[0].message).toBe(wrong.errors?.[0].message);
  });

  it('requires a token for guarded operations and rejects expired and forged ones', async () => {
    const person = await f.signUp('tokens');
    expect((await platform.gql(ME)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    const expired = sign({ sub: person.id, typ: 'access' }, TEST_JWT_SECRET, {
      algorithm: 'HS256',
      expiresIn: -10,
    });
    const expiredResult = await platform.gql(ME, {}, expired);
    expect(expiredResult.errors?.[0]).toMatchObject({
      message: 'Access token expired',
      extensions: { code: 'UNAUTHENTICATED' },
    });

    const forged = sign(
      { sub: person.id, typ: 'access' },
      'another-secret-another-secret-another-secret',
      { expiresIn: 60 },
    );
    expect((await platform.gql(ME, {}, forged)).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );

    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: person.id, typ: 'access', exp: 9e9 })}.`;
    expect((await platform.gql(ME, {}, none)).errors?.[0].extensions.code).toBe('UNAUTHENTICATED');

    expect((await platform.gql(ME, {}, 'garbage')).errors?.[0].extensions.code).toBe(
      'UNAUTHENTICATED',
    );
    // An invalid token is rejected even on a public operation, so clients learn it expired.
    expect(
      (await platform.gql(`{ themes { code } }`, {}, expired)).errors?.[0].extensions.code,
    ).toBe('UNAUTHENTICATED');
    expect(
      expectData(await platform.gql(`{ themes { code } }`)).themes.map((t: any) => t.code),
    ).toEqual(['learning', 'work', 'agriculture', 'local']);
  });

  it('rotates refresh tokens and revokes the family when a spent one is replayed', async () => {
    const person = await f.signUp('rotation');
    const first = expectData(
      await platform.gql(REFRESH, { t: person.refreshToken }),
    ).refreshSession;
    expect(first.refreshToken).not.toBe(person.refreshToken);
    expect(expectData(await platform.gql(ME, {}, first.accessToken)).me.id).toBe(person.id);

    // Replaying the spent token is treated as theft: it fails and the newer token dies too.
    const replay = await platform.gql(REFRESH, { t: person.refreshToken });
    expect(replay.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
    const afterTheft = await platform.gql(REFRESH, { t: first.refreshToken });
    expect(afterTheft.errors?.[0].extensions.code).toBe('UNAUTHENTICATED');
  });

  it('signs out by revoking the refresh token', async () => {
    const person = await f.signUp('signout');
    const out = expectData(
      await platform.gql(
        `mutation($t: String!) { signOut(refreshToken: $t) }`,
        { t: person.refreshToken },
        person.token,
      ),
    );
    expect(out.signOut).toBe(true);
    expect(
      (await platform.gql(REFRESH, { t: person.refreshToken })).errors?.[0].extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('never returns secrets: no password hash in the schema, no stack traces in errors', async () => {
    const introspection = expectData(
      await platform.gql(`{ __type(name: "Me") { fields { name } } }`),
    );
    const fields = introspection.__type.fields.map((x: any) => x.name);
    expect(fields).not.toContain('passwordHash');
    const error = await platform.gql(ME, {}, 'garbage');
    expect(JSON.stringify(error)).not.toMatch(/stacktrace|at .*\.ts:/i);
  });
});
