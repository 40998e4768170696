import { AccountMailKind, AccountService, FORMER_MEMBER_NAME } from '@tsunagu/identity';
import { ERASED_MESSAGE } from '@tsunagu/conversations';
import {
  expectData,
  Fixtures,
  latestLinkToken,
  PASSWORD,
  rejection,
  uniqueEmail,
} from './support/fixtures';
import { SmtpCatcher, startSmtpCatcher } from './support/smtp-catcher';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const ME = `query { me { id email emailVerified } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id status } }`;
const VERIFY = `mutation($input: AccountTokenInput!) { verifyEmail(input: $input) }`;
const RESEND = `mutation { resendEmailVerification }`;
const REQUEST_RESET = `mutation($input: RequestPasswordResetInput!) { requestPasswordReset(input: $input) }`;
const RESET = `mutation($input: ResetPasswordInput!) { resetPassword(input: $input) }`;
const CHANGE_PASSWORD = `mutation($input: ChangePasswordInput!) { changePassword(input: $input) { accessToken refreshToken } }`;
const REQUEST_EMAIL_CHANGE = `mutation($input: ChangeEmailInput!) { requestEmailChange(input: $input) }`;
const CONFIRM_EMAIL_CHANGE = `mutation($input: AccountTokenInput!) { confirmEmailChange(input: $input) }`;
const DELETE = `mutation($input: DeleteAccountInput!) { deleteMyAccount(input: $input) }`;
const SIGN_IN = `mutation($input: SignInInput!) { signIn(input: $input) { accessToken } }`;
const REFRESH = `mutation($refreshToken: String!) { refreshSession(refreshToken: $refreshToken) { accessToken } }`;
const MOTIVATION = '週末に町の発信を手伝いたいです。';
const NEW_PASSWORD = 'a-brand-new-passphrase';

// The account its owner controls: e-mail verification, password reset and change, e-mail
// change, "download my data" and deletion, with the mails going out through the worker.
describe('accounts', () => {
  let platform: TestPlatform;
  let smtp: SmtpCatcher;
  let f: Fixtures;
  let baseUrl: string;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    platform = await startTestPlatform({
      worker: true,
      env: { SMTP_URL: smtp.url, DELIVERY_RETRY_BASE_MS: '50', APP_URL: 'https://tsunagu.test' },
    });
    f = new Fixtures(platform);
    baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
  });

  afterAll(async () => {
    await platform?.close();
    await smtp?.close();
  });

  // The latest mail to an address, once it has arrived.
  function mailTo(address: string, subject: RegExp) {
    return eventually(() =>
      Promise.resolve(
        smtp.messages.filter((m) => m.to === address && subject.test(m.subject)).at(-1),
      ),
    );
  }

  function tokenIn(text: string, path: string): string {
    const match = new RegExp(`https://tsunagu\\.test${path}\\?token=([A-Za-z0-9_-]+)`).exec(text);
    if (!match) throw new Error(`no ${path} link in: ${text}`);
    return match[1];
  }

  function code(result: Awaited<ReturnType<TestPlatform['gql']>>) {
    const e = rejection(result);
    return [e.extensions.code, e.extensions.reason].filter(Boolean).join('/');
  }

  async function signIn(email: string, password: string) {
    return platform.gql(SIGN_IN, { input: { email, password } });
  }

  it('sends a verification link at sign-up; unverified accounts cannot apply until they follow it', async () => {
    const scene = await f.supervisedRegion();
    const person = await f.signUpUnverified('mika');
    expectData(await f.saveProfile(person, { kind: 'PRO_BONO', homeMunicipalityCode: '131130' }));
    expect(expectData(await platform.gql(ME, {}, person.token)).me.emailVerified).toBe(false);

    const refused = rejection(
      await platform.gql(
        APPLY,
        { input: { projectId: scene.projectId, motivation: MOTIVATION } },
        person.token,
      ),
    );
    expect(refused.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EMAIL_NOT_VERIFIED' });

    // The mail, in the person's language, through the worker and SMTP.
    const mail = await mailTo(person.email, /メールアドレスの確認/);
    expect(mail.headers['x-tsunagu-account-mail']).toBe('VERIFY_EMAIL');
    const token = tokenIn(mail.text, '/verify-email');
    expect(mail.html).toContain(`https://tsunagu.test/verify-email?token=${token}`);
    // Only the token's hash is stored.
    const stored = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM account_token WHERE token_hash = $1 OR email = $1',
      [token],
    );
    expect(stored[0].n).toBe(0);

    expect(expectData(await platform.gql(VERIFY, { input: { token } })).verifyEmail).toBe(true);
    expect(expectData(await platform.gql(ME, {}, person.token)).me.emailVerified).toBe(true);
    expect(code(await platform.gql(VERIFY, { input: { token } }))).toBe('CONFLICT/ALREADY_DONE');
    expect(
      expectData(
        await platform.gql(
          APPLY,
          { input: { projectId: scene.projectId, motivation: MOTIVATION } },
          person.token,
        ),
      ).applyToProject.status,
    ).toBe('SUBMITTED');
  });

  it('refuses wrong, expired and replaced links, and resends on request', async () => {
    const person = await f.signUpUnverified('kenta');
    const first = await latestLinkToken(platform, person.id);
    expect(code(await platform.gql(VERIFY, { input: { token: 'not-a-real-token' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await platform.gql(VERIFY, { input: { token: '' } }))).toBe('BAD_USER_INPUT');

    expect(expectData(await platform.gql(RESEND, {}, person.token)).resendEmailVerification).toBe(
      true,
    );
    const second = await latestLinkToken(platform, person.id);
    expect(second).not.toBe(first);
    // Only the newest link works.
    expect(code(await platform.gql(VERIFY, { input: { token: first } }))).toBe('CONFLICT/EXPIRED');

    await platform.dataSource.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [person.id],
    );
    expect(code(await platform.gql(VERIFY, { input: { token: second } }))).toBe('CONFLICT/EXPIRED');

    expectData(await platform.gql(RESEND, {}, person.token));
    const third = await latestLinkToken(platform, person.id);
    expectData(await platform.gql(VERIFY, { input: { token: third } }));
    // Verified: nothing to resend.
    expect(code(await platform.gql(RESEND, {}, person.token))).toBe('CONFLICT/ALREADY_DONE');
  });

  it('limits how many verification mails one account can ask for', async () => {
    const person = await f.signUpUnverified('many');
    const outcomes: string[] = [];
    for (let i = 0; i < 6; i++) {
      const result = await platform.gql(RESEND, {}, person.token);
      outcomes.push(result.errors ? result.errors[0].extensions.code : 'OK');
    }
    expect(outcomes).toEqual(['OK', 'OK', 'OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
  });

  it('answers a password reset request alike for unknown addresses, and the link works once', async () => {
    const person = await f.signUp('reset-me', 'en');
    const unknown = uniqueEmail('nobody');
    const forUnknown = await platform.gql(REQUEST_RESET, { input: { email: unknown } });
    const forKnown = await platform.gql(REQUEST_RESET, {
      input: { email: person.email.toUpperCase() },
    });
    expect(forKnown).toEqual(forUnknown);
    expect(forKnown.data).toEqual({ requestPasswordReset: true });

    // The known address gets its mail; the unknown one, asked for first, gets none.
    const mail = await mailTo(person.email, /Reset your password/);
    expect(smtp.messages.filter((m) => m.to === unknown)).toEqual([]);
    const token = tokenIn(mail.text, '/reset-password');
    expect(code(await platform.gql(RESET, { input: { token, newPassword: 'short' } }))).toBe(
      'BAD_USER_INPUT',
    );
    expectData(await platform.gql(RESET, { input: { token, newPassword: NEW_PASSWORD } }));

    expect(code(await signIn(person.email, PASSWORD))).toBe('UNAUTHENTICATED');
    expectData(await signIn(person.email, NEW_PASSWORD));
    // Every earlier session ended.
    expect(code(await platform.gql(REFRESH, { refreshToken: person.refreshToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expect(
      code(await platform.gql(RESET, { input: { token, newPassword: 'yet-another-passphrase' } })),
    ).toBe('CONFLICT/ALREADY_DONE');

    // A link past its hour is refused.
    expectData(await platform.gql(REQUEST_RESET, { input: { email: person.email } }));
    const late = await latestLinkToken(platform, person.id, AccountMailKind.RESET_PASSWORD);
    await platform.dataSource.query(
      `UPDATE account_token SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [person.id],
    );
    expect(
      code(await platform.gql(RESET, { input: { token: late, newPassword: NEW_PASSWORD } })),
    ).toBe('CONFLICT/EXPIRED');
  });

  it('lets exactly one of several concurrent resets with the same link through', async () => {
    const person = await f.signUp('racer');
    expectData(await platform.gql(REQUEST_RESET, { input: { email: person.email } }));
    const token = await latestLinkToken(platform, person.id, AccountMailKind.RESET_PASSWORD);
    // More requests than the pool (2 connections) holds.
    const passwords = ['race-password-1', 'race-password-2', 'race-password-3', 'race-password-4'];
    const results = await Promise.all(
      passwords.map((newPassword) => platform.gql(RESET, { input: { token, newPassword } })),
    );
    const won = results.flatMap((r, i) => (r.data?.resetPassword ? [passwords[i]] : []));
    expect(won).toHaveLength(1);
    expect(results.filter((r) => r.errors).map((r) => code(r))).toEqual([
      'CONFLICT/ALREADY_DONE',
      'CONFLICT/ALREADY_DONE',
      'CONFLICT/ALREADY_DONE',
    ]);
    expectData(await signIn(person.email, won[0]));
  });

  it('leaves one live reset link after concurrent requests', async () => {
    const person = await f.signUp('twice');
    // Straight to the service, in pairs (the pool's two connections), a few rounds: the mail
    // limit would refuse this many through the API.
    const accounts = platform.api.get(AccountService);
    const live: number[] = [];
    for (let round = 0; round < 5; round++) {
      await Promise.all([1, 2].map(() => accounts.requestPasswordReset(person.email)));
      const [row] = await platform.dataSource.query(
        `SELECT count(*)::int AS n FROM account_token
          WHERE user_id = $1 AND purpose = 'RESET_PASSWORD' AND used_at IS NULL
            AND expires_at > now()`,
        [person.id],
      );
      live.push(row.n);
    }
    expect(live).toEqual([1, 1, 1, 1, 1]);
  });

  it('ends the links sent before a password reset, a password change or an e-mail change', async () => {
    const person = await f.signUp('takeover');
    const intruder = uniqueEmail('intruder');
    const askChange = (password: string, newEmail: string) =>
      platform.gql(REQUEST_EMAIL_CHANGE, { input: { password, newEmail } }, person.token);
    const linkOf = (kind: AccountMailKind) => latestLinkToken(platform, person.id, kind);

    // Someone who knew the password asks to move the account to their address; the owner
    // resets the password: the pending change no longer confirms.
    expectData(await askChange(PASSWORD, intruder));
    const change = await linkOf(AccountMailKind.CONFIRM_NEW_EMAIL);
    expectData(await platform.gql(REQUEST_RESET, { input: { email: person.email } }));
    const reset = await linkOf(AccountMailKind.RESET_PASSWORD);
    expectData(await platform.gql(RESET, { input: { token: reset, newPassword: NEW_PASSWORD } }));
    expect(code(await platform.gql(CONFIRM_EMAIL_CHANGE, { input: { token: change } }))).toBe(
      'CONFLICT/EXPIRED',
    );

    // The same after a password change.
    const signedIn = expectData(await signIn(person.email, NEW_PASSWORD)).signIn.accessToken;
    expectData(
      await platform.gql(
        REQUEST_EMAIL_CHANGE,
        { input: { password: NEW_PASSWORD, newEmail: intruder } },
        signedIn,
      ),
    );
    const again = await linkOf(AccountMailKind.CONFIRM_NEW_EMAIL);
    const renewed = expectData(
      await platform.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: NEW_PASSWORD, newPassword: PASSWORD } },
        signedIn,
      ),
    ).changePassword.accessToken;
    expect(code(await platform.gql(CONFIRM_EMAIL_CHANGE, { input: { token: again } }))).toBe(
      'CONFLICT/EXPIRED',
    );

    // A reset link sent to the old address does not work once the address changed.
    expectData(await platform.gql(REQUEST_RESET, { input: { email: person.email } }));
    const oldReset = await linkOf(AccountMailKind.RESET_PASSWORD);
    const moved = uniqueEmail('moved-on');
    expectData(
      await platform.gql(
        REQUEST_EMAIL_CHANGE,
        { input: { password: PASSWORD, newEmail: moved } },
        renewed,
      ),
    );
    expectData(
      await platform.gql(CONFIRM_EMAIL_CHANGE, {
        input: { token: await linkOf(AccountMailKind.CONFIRM_NEW_EMAIL) },
      }),
    );
    expect(
      code(await platform.gql(RESET, { input: { token: oldReset, newPassword: NEW_PASSWORD } })),
    ).toBe('CONFLICT/EXPIRED');
    // Even were it still live, it was for the earlier address.
    await platform.dataSource.query(
      `UPDATE account_token SET expires_at = now() + interval '1 hour'
        WHERE user_id = $1 AND purpose = 'RESET_PASSWORD' AND used_at IS NULL`,
      [person.id],
    );
    expect(
      code(await platform.gql(RESET, { input: { token: oldReset, newPassword: NEW_PASSWORD } })),
    ).toBe('CONFLICT/EXPIRED');
    expectData(await signIn(moved, PASSWORD));
  });

  it('changes the password with the current one, ending the other sessions', async () => {
    const person = await f.signUp('changer');
    const wrong = rejection(
      await platform.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: 'not-my-password', newPassword: NEW_PASSWORD } },
        person.token,
      ),
    );
    expect(wrong.extensions.code).toBe('BAD_USER_INPUT');
    expect(wrong.extensions.fields).toEqual([
      { path: ['input', 'currentPassword'], message: 'is not your current password' },
    ]);

    const renewed = expectData(
      await platform.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
        person.token,
      ),
    ).changePassword;
    expect(code(await platform.gql(REFRESH, { refreshToken: person.refreshToken }))).toBe(
      'UNAUTHENTICATED',
    );
    expectData(await platform.gql(REFRESH, { refreshToken: renewed.refreshToken }));
    expectData(await signIn(person.email, NEW_PASSWORD));
    await mailTo(person.email, /パスワードが変更されました/);
  });

  it('locks the account after repeated wrong current passwords, as it does for sign-ins', async () => {
    const person = await f.signUp('guesser');
    const wrong = 'not-my-password';
    const attempts = [
      () =>
        platform.gql(
          CHANGE_PASSWORD,
          { input: { currentPassword: wrong, newPassword: NEW_PASSWORD } },
          person.token,
        ),
      () => platform.gql(DELETE, { input: { password: wrong } }, person.token),
      () =>
        platform.gql(
          REQUEST_EMAIL_CHANGE,
          { input: { password: wrong, newEmail: uniqueEmail('elsewhere') } },
          person.token,
        ),
    ];
    const outcomes: string[] = [];
    // SIGN_IN_MAX_FAILURES is 10: the eleventh guess is refused unchecked.
    for (let i = 0; i < 11; i++) outcomes.push(code(await attempts[i % 2]()));
    expect(outcomes).toEqual([...Array(10).fill('BAD_USER_INPUT'), 'TOO_MANY_REQUESTS']);
    expect(code(await attempts[2]())).toBe('TOO_MANY_REQUESTS');
    // The right password does not open it either, here or at sign-in.
    expect(
      code(
        await platform.gql(
          CHANGE_PASSWORD,
          { input: { currentPassword: PASSWORD, newPassword: NEW_PASSWORD } },
          person.token,
        ),
      ),
    ).toBe('TOO_MANY_REQUESTS');
    expect(code(await signIn(person.email, PASSWORD))).toBe('TOO_MANY_REQUESTS');
  });

  it('changes the e-mail address only once the new one is confirmed, and tells the old one', async () => {
    const person = await f.signUp('mover');
    const other = await f.signUp('occupant');
    const newEmail = uniqueEmail('moved');
    const ask = (input: Record<string, unknown>) =>
      platform.gql(REQUEST_EMAIL_CHANGE, { input }, person.token);

    expect(code(await ask({ password: 'wrong-password', newEmail }))).toBe('BAD_USER_INPUT');
    expect(code(await ask({ password: PASSWORD, newEmail: 'not an address' }))).toBe(
      'BAD_USER_INPUT',
    );
    expect(code(await ask({ password: PASSWORD, newEmail: other.email }))).toBe(
      'CONFLICT/ALREADY_EXISTS',
    );
    expectData(await ask({ password: PASSWORD, newEmail }));
    // Not yet in effect.
    expect(expectData(await platform.gql(ME, {}, person.token)).me.email).toBe(person.email);

    const mail = await mailTo(newEmail, /新しいメールアドレスの確認/);
    const token = tokenIn(mail.text, '/confirm-email');
    expectData(await platform.gql(CONFIRM_EMAIL_CHANGE, { input: { token } }));
    expect(expectData(await platform.gql(ME, {}, person.token)).me).toMatchObject({
      email: newEmail,
      emailVerified: true,
    });
    const notice = await mailTo(person.email, /メールアドレスが変更されました/);
    expect(notice.text).toContain(`${newEmail.slice(0, 2)}***@example.test`);
    expectData(await signIn(newEmail, PASSWORD));
    expect(code(await signIn(person.email, PASSWORD))).toBe('UNAUTHENTICATED');
  });

  it('checks the new address is still free when the change is confirmed', async () => {
    const person = await f.signUp('slow-mover');
    const newEmail = uniqueEmail('contested');
    expectData(
      await platform.gql(
        REQUEST_EMAIL_CHANGE,
        { input: { password: PASSWORD, newEmail } },
        person.token,
      ),
    );
    const token = await latestLinkToken(platform, person.id, AccountMailKind.CONFIRM_NEW_EMAIL);
    // Someone signs up with the address meanwhile.
    expectData(
      await platform.gql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
        { input: { email: newEmail, password: PASSWORD, displayName: 'quick' } },
      ),
    );
    expect(code(await platform.gql(CONFIRM_EMAIL_CHANGE, { input: { token } }))).toBe(
      'CONFLICT/ALREADY_EXISTS',
    );
    expect(expectData(await platform.gql(ME, {}, person.token)).me.email).toBe(person.email);
  });

  // A participant with a pending application, an accepted one and a pending scout offer.
  async function engagedParticipant() {
    const scene = await f.supervisedRegion({ participants: ['haruka'] });
    const [participant] = scene.participants;
    const second = await f.publishedProject(scene.hubStaff, scene.regionStaff, scene.regionId, {
      title: '棚田の援農',
    });
    const third = await f.publishedProject(scene.hubStaff, scene.regionStaff, scene.regionId, {
      title: '移住相談会の運営',
    });
    const apply = async (projectId: string) =>
      expectData(
        await platform.gql(
          APPLY,
          { input: { projectId, motivation: MOTIVATION } },
          participant.token,
        ),
      ).applyToProject.id as string;
    const pending = await apply(scene.projectId);
    const accepted = await apply(second);
    expectData(
      await platform.gql(
        `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { status } }`,
        { input: { engagementId: accepted, action: 'ACCEPT' } },
        scene.regionStaff.token,
      ),
    );
    expectData(
      await platform.gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        {
          input: { projectId: third, participantId: participant.id, message: 'ぜひご参加ください' },
        },
        scene.hubStaff.token,
      ),
    );
    // A message in the accepted engagement's thread.
    const thread = expectData(
      await platform.gql(
        `query($engagementId: ID!) { engagementConversation(engagementId: $engagementId) { id } }`,
        { engagementId: accepted },
        participant.token,
      ),
    ).engagementConversation.id as string;
    expectData(
      await platform.gql(
        `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`,
        { input: { conversationId: thread, body: '火曜に伺えます' } },
        participant.token,
      ),
    );
    return { scene, participant, pending, accepted, acceptedProjectId: second, thread };
  }

  async function download(token?: string) {
    return fetch(`${baseUrl}/auth/my-data`, {
      headers: token ? { authorization: `Bearer ${token}` } : {},
    });
  }

  it('downloads everything held about the person as a JSON attachment, and nobody else’s contact details', async () => {
    const { scene, participant } = await engagedParticipant();
    expect((await download()).status).toBe(401);
    expect((await download('not-a-token')).status).toBe(401);

    const response = await download(participant.token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-disposition')).toMatch(
      /^attachment; filename="tsunagu-my-data-\d{4}-\d{2}-\d{2}\.json"$/,
    );
    const text = await response.text();
    const document = JSON.parse(text);
    expect(document.format).toBe('tsunagu.personal-data.v1');
    expect(Object.keys(document.sections)).toEqual([
      'account',
      'participantProfile',
      'guardianConsents',
      'engagements',
      'scoutOffers',
      'regionRelationships',
      'activityDays',
      'projectInterests',
      'notifications',
      'notificationPreferences',
      'messages',
      'eventRegistrations',
      'mentoringBookings',
      'councilMessages',
    ]);
    for (const none of ['eventRegistrations', 'guardianConsents', 'activityDays']) {
      expect(document.sections[none]).toEqual([]);
    }
    expect(document.sections.councilMessages).toEqual([]);
    expect(document.sections.messages).toMatchObject([{ body: '火曜に伺えます' }]);
    expect(document.sections.account).toMatchObject({
      email: participant.email,
      displayName: 'haruka',
    });
    expect(document.sections.participantProfile).toMatchObject({ kind: 'PRO_BONO', bio: 'Tokyo' });
    expect(document.sections.engagements).toHaveLength(2);
    expect(document.sections.engagements[0]).toMatchObject({
      motivation: MOTIVATION,
      status: 'SUBMITTED',
      region: 'Region 152081',
    });
    expect(document.sections.engagements[1].history[0]).toMatchObject({
      action: 'ACCEPT',
      byYou: false,
    });
    expect(document.sections.scoutOffers[0]).toMatchObject({
      message: 'ぜひご参加ください',
      status: 'PENDING',
    });
    for (const staff of [scene.regionStaff, scene.hubStaff, scene.admin]) {
      expect(text).not.toContain(staff.email);
      expect(text).not.toContain(staff.id);
    }
  });

  it("limits downloads of one person's data to a few an hour, saying when to come back", async () => {
    const person = await f.signUp('downloader');
    const statuses: number[] = [];
    let last: Response | undefined;
    let body = '';
    for (let i = 0; i < 6; i++) {
      last = await download(person.token);
      statuses.push(last.status);
      body = await last.text();
    }
    expect(statuses).toEqual([200, 200, 200, 200, 200, 429]);
    expect(Number(last!.headers.get('retry-after'))).toBeGreaterThan(3000);
    expect(JSON.parse(body)).toMatchObject({
      errors: [{ extensions: { code: 'TOO_MANY_REQUESTS' } }],
    });
  });

  it('deletes the account: no sign-in, personal data erased, engagements kept anonymised', async () => {
    const { scene, participant, pending, accepted, acceptedProjectId, thread } =
      await engagedParticipant();
    // A mail that went out, without a link: its row names the address.
    expectData(
      await platform.gql(
        CHANGE_PASSWORD,
        { input: { currentPassword: PASSWORD, newPassword: PASSWORD } },
        participant.token,
      ),
    );
    await eventually(async () => {
      const [sent] = await platform.dataSource.query(
        'SELECT count(*)::int AS n FROM account_mail WHERE user_id = $1 AND sent_at IS NOT NULL',
        [participant.id],
      );
      return sent.n > 0 || undefined;
    });
    expect(
      code(
        await platform.gql(DELETE, { input: { password: 'wrong-password' } }, participant.token),
      ),
    ).toBe('BAD_USER_INPUT');
    expect(
      expectData(await platform.gql(DELETE, { input: { password: PASSWORD } }, participant.token))
        .deleteMyAccount,
    ).toBe(true);

    expect(code(await signIn(participant.email, PASSWORD))).toBe('UNAUTHENTICATED');
    expect(code(await platform.gql(ME, {}, participant.token))).toBe('UNAUTHENTICATED');
    expect(code(await platform.gql(REFRESH, { refreshToken: participant.refreshToken }))).toBe(
      'UNAUTHENTICATED',
    );
    // A reset link cannot bring it back.
    expectData(await platform.gql(REQUEST_RESET, { input: { email: participant.email } }));
    const links = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM account_token WHERE user_id = $1',
      [participant.id],
    );
    expect(links[0].n).toBe(0);
    // No account mail either, sent or not: their rows held the old address.
    const mails = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM account_mail WHERE user_id = $1',
      [participant.id],
    );
    expect(mails[0].n).toBe(0);

    const [user] = await platform.dataSource.query(
      'SELECT email, display_name, deleted_at FROM "user" WHERE id = $1',
      [participant.id],
    );
    expect(user.email).toBe(`deleted-${participant.id}@deleted.invalid`);
    expect(user.display_name).toBe(FORMER_MEMBER_NAME);
    expect(user.deleted_at).not.toBeNull();
    const [profile] = await platform.dataSource.query(
      `SELECT bio, phone, home_municipality_code, visibility,
              (SELECT count(*)::int FROM participant_skill WHERE user_id = $1) AS skills
         FROM participant_profile WHERE user_id = $1`,
      [participant.id],
    );
    expect(profile).toEqual({
      bio: '',
      phone: null,
      home_municipality_code: null,
      visibility: 'NOBODY',
      skills: 0,
    });

    const engagements = await platform.dataSource.query(
      'SELECT id, status, motivation FROM engagement WHERE participant_id = $1',
      [participant.id],
    );
    expect(
      Object.fromEntries(engagements.map((e: any) => [e.id, [e.status, e.motivation]])),
    ).toEqual({ [pending]: ['WITHDRAWN', ''], [accepted]: ['ACCEPTED', ''] });
    const offers = await platform.dataSource.query(
      'SELECT status FROM scout_offer WHERE participant_id = $1',
      [participant.id],
    );
    expect(offers).toEqual([{ status: 'DECLINED' }]);
    // What they wrote is erased; the message keeps its place in the thread.
    const messages = await platform.dataSource.query(
      'SELECT body FROM conversation_message WHERE conversation_id = $1',
      [thread],
    );
    expect(messages).toEqual([{ body: ERASED_MESSAGE }]);

    // The region still sees the engagement, with the former member anonymised.
    const forRegion = expectData(
      await platform.gql(
        `query($projectId: ID!) { projectEngagements(projectId: $projectId) { edges { node { id status applicant { displayName } } } } }`,
        { projectId: acceptedProjectId },
        scene.regionStaff.token,
      ),
    ).projectEngagements.edges.map((e: any) => e.node);
    expect(forRegion).toEqual([
      { id: accepted, status: 'ACCEPTED', applicant: { displayName: FORMER_MEMBER_NAME } },
    ]);

    // The address is free again.
    expectData(
      await platform.gql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { accessToken } }`,
        { input: { email: participant.email, password: PASSWORD, displayName: 'again' } },
      ),
    );
  });
});
