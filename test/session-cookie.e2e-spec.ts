import { REFRESH_COOKIE } from '../apps/api/src/identity/session-cookie.controller';
import { expectData, PASSWORD, uniqueEmail } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const SIGN_UP = `mutation($input: SignUpInput!) { signUp(input: $input) { refreshToken } }`;
const ME = `query { me { id email } }`;

// The web app's session: the refresh token from signUp/signIn is handed over to an httpOnly
// cookie and rotated at once; a reload renews from the cookie; signing out revokes it.
describe('browser session cookie (/auth/session)', () => {
  let platform: TestPlatform;
  let sessionUrl: string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    sessionUrl = `${(await platform.api.getUrl()).replace('[::1]', '127.0.0.1')}/auth/session`;
  });
  afterAll(() => platform.close());

  const post = (body: object, cookie?: string) =>
    fetch(sessionUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(cookie ? { cookie } : {}) },
      body: JSON.stringify(body),
    });

  function cookieFrom(response: Response): { pair: string; attributes: string } {
    const header = response.headers.getSetCookie().find((c) => c.startsWith(`${REFRESH_COOKIE}=`));
    expect(header).toBeDefined();
    const [pair, ...attributes] = header!.split(';');
    return { pair: pair.trim(), attributes: attributes.join(';').toLowerCase() };
  }

  async function signUp(): Promise<string> {
    const email = uniqueEmail('cookie');
    const result = await platform.gql(SIGN_UP, {
      input: { email, password: PASSWORD, displayName: 'クッキー 太郎' },
    });
    return expectData(result).signUp.refreshToken;
  }

  it('hands the refresh token over to an httpOnly, SameSite=Strict cookie and spends it', async () => {
    const refreshToken = await signUp();
    const handedOver = await post({ refreshToken });
    expect(handedOver.status).toBe(200);
    const body = (await handedOver.json()) as any;
    expect(body.refreshToken).toBeUndefined();
    expect(expectData(await platform.gql(ME, {}, body.accessToken)).me.id).toBe(body.user.id);
    const cookie = cookieFrom(handedOver);
    expect(cookie.attributes).toContain('httponly');
    expect(cookie.attributes).toContain('samesite=strict');
    expect(cookie.attributes).toContain('path=/auth/session');
    expect(cookie.pair).not.toBe(`${REFRESH_COOKIE}=${refreshToken}`);

    // The token a script saw is spent: presenting it again is refused.
    expect((await post({ refreshToken })).status).toBe(401);
  });

  it('renews from the cookie alone (a reload), rotating it', async () => {
    const first = cookieFrom(await post({ refreshToken: await signUp() }));
    const renewed = await post({}, first.pair);
    expect(renewed.status).toBe(200);
    expect(((await renewed.json()) as any).accessToken).toEqual(expect.any(String));
    const second = cookieFrom(renewed);
    expect(second.pair).not.toBe(first.pair);
    expect((await post({}, second.pair)).status).toBe(200);
  });

  it('refuses without a cookie, and refuses a body that is not JSON', async () => {
    const none = await post({});
    expect(none.status).toBe(401);
    expect(((await none.json()) as any).errors[0].extensions.code).toBe('UNAUTHENTICATED');
    const form = await fetch(sessionUrl, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'refreshToken=x',
    });
    expect(form.status).toBe(415);
  });

  it('signs out: the cookie is cleared and its token revoked', async () => {
    const handedOver = await post({ refreshToken: await signUp() });
    const { accessToken } = (await handedOver.json()) as any;
    const cookie = cookieFrom(handedOver);
    const out = await fetch(sessionUrl, {
      method: 'DELETE',
      headers: { cookie: cookie.pair, authorization: `Bearer ${accessToken}` },
    });
    expect(out.status).toBe(204);
    expect(cookieFrom(out).pair).toBe(`${REFRESH_COOKIE}=`);
    expect((await post({}, cookie.pair)).status).toBe(401);
  });
});
