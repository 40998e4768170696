import { ConflictReason } from '@tsunagu/core';
import {
  expectData,
  Fixtures,
  PASSWORD,
  Person,
  rejection,
  SupervisedRegion,
  uniqueEmail,
} from './support/fixtures';
import { SmtpCatcher, startSmtpCatcher } from './support/smtp-catcher';
import { eventually, startTestPlatform, TestPlatform } from './support/test-platform';

const SAVE = `mutation($input: ParticipantProfileInput!) { saveMyParticipantProfile(input: $input) { userId } }`;
const CONSENT = `id status decidedByName decidedAt withdrawnAt linkExpiresAt`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id status guardianConsent { ${CONSENT} } } }`;
const TRANSITION = `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { id status guardianConsent { status } } }`;
const REQUEST = `query($input: GuardianConsentTokenInput!) { guardianConsentRequest(input: $input) {
  subjectKind status childName title regionName startsOn endsOn supervisorNames contactName expired
  statement statementVersion decidedByName decidedAt } }`;
const DECIDE = `mutation($input: DecideGuardianConsentInput!) { decideGuardianConsent(input: $input) { status decidedByName statement statementVersion } }`;
const RESEND = `mutation($id: ID!) { resendGuardianConsent(consentId: $id) { ${CONSENT} } }`;
const ENGAGEMENTS = `query($projectId: ID!) { projectEngagements(projectId: $projectId) { edges { node { id status guardianConsent { status decidedByName decidedAt } } } } }`;
const MOTIVATION = '地域の子ども向けイベントを手伝いたいです。';

// Participants under 18 need their guardian's consent per engagement: asked by e-mail with a
// single-use link (only its hash kept), answered without an account, required before the region
// accepts, and a refusal or withdrawal stops the engagement.
describe('guardians', () => {
  let platform: TestPlatform;
  let smtp: SmtpCatcher;
  let f: Fixtures;
  let scene: SupervisedRegion;

  beforeAll(async () => {
    smtp = await startSmtpCatcher();
    platform = await startTestPlatform({
      worker: true,
      env: { SMTP_URL: smtp.url, DELIVERY_RETRY_BASE_MS: '50', APP_URL: 'https://tsunagu.test' },
    });
    f = new Fixtures(platform);
    scene = await f.supervisedRegion({
      project: { eligibleKinds: ['HIGH_SCHOOL_STUDENT', 'UNIVERSITY_STUDENT', 'PRO_BONO'] },
    });
  });

  afterAll(async () => {
    await platform?.close();
    await smtp?.close();
  });

  function code(result: Awaited<ReturnType<TestPlatform['gql']>>) {
    const e = rejection(result);
    return [e.extensions.code, e.extensions.reason].filter(Boolean).join('/');
  }

  const project = () =>
    f.publishedProject(scene.hubStaff, scene.regionStaff, scene.regionId, {
      eligibleKinds: ['HIGH_SCHOOL_STUDENT', 'UNIVERSITY_STUDENT', 'PRO_BONO'],
      capacity: 5,
    });

  async function minor(
    label: string,
    guardianEmail: string | null = uniqueEmail(`${label}-parent`),
    extra: Record<string, unknown> = {},
  ) {
    const person = await f.signUp(label);
    expectData(
      await platform.gql(
        SAVE,
        {
          input: {
            kind: 'HIGH_SCHOOL_STUDENT',
            dateOfBirth: '2010-04-01',
            guardianName: '渡辺 恵子',
            guardianEmail,
            guardianConsent: true,
            homeMunicipalityCode: '271004',
            ...extra,
          },
        },
        person.token,
      ),
    );
    return { person, guardianEmail: guardianEmail! };
  }

  async function apply(person: Person, projectId: string) {
    return expectData(
      await platform.gql(APPLY, { input: { projectId, motivation: MOTIVATION } }, person.token),
    ).applyToProject;
  }

  // The token of the latest consent mail to the guardian, once it has arrived.
  async function tokenMailedTo(address: string, after = 0): Promise<string> {
    const mail = await eventually(() =>
      Promise.resolve(
        smtp.messages
          .filter((m) => m.to === address)
          .slice(after)
          .at(-1),
      ),
    );
    const match = /https:\/\/tsunagu\.test\/consent\/([A-Za-z0-9_-]+)/.exec(mail.text);
    if (!match) throw new Error(`no consent link in: ${mail.text}`);
    return match[1];
  }

  const decide = (token: string, decision: string, guardianName = '渡辺 恵子', locale = 'ja') =>
    platform.gql(DECIDE, { input: { token, decision, guardianName, locale } });

  it('asks the guardian, holds the acceptance until they consent, and records who consented when', async () => {
    const { person, guardianEmail } = await minor('consented');
    const projectId = await project();
    const applied = await apply(person, projectId);
    expect(applied.guardianConsent).toMatchObject({ status: 'PENDING', decidedAt: null });

    // The region cannot take the child on yet, and sees why on the people page.
    const early = await platform.gql(
      TRANSITION,
      { input: { engagementId: applied.id, action: 'ACCEPT' } },
      scene.regionStaff.token,
    );
    expect(code(early)).toBe(`CONFLICT/${ConflictReason.GUARDIAN_CONSENT_REQUIRED}`);
    const listed = expectData(
      await platform.gql(ENGAGEMENTS, { projectId }, scene.regionStaff.token),
    ).projectEngagements.edges.map((e: { node: unknown }) => e.node);
    expect(listed).toEqual([
      {
        id: applied.id,
        status: 'SUBMITTED',
        guardianConsent: { status: 'PENDING', decidedByName: null, decidedAt: null },
      },
    ]);

    // The mail carries the link; the database keeps only its hash.
    const token = await tokenMailedTo(guardianEmail);
    const mail = smtp.messages.filter((m) => m.to === guardianEmail).at(-1)!;
    expect(mail.subject).toMatch(/保護者の同意/);
    const stored = await platform.dataSource.query(
      `SELECT token_hash FROM guardian_consent WHERE subject_id = $1`,
      [applied.id],
    );
    expect(stored[0].token_hash).not.toContain(token);
    expect(JSON.stringify(stored)).not.toContain(token);

    // The page shows what the child asks to join, without signing in.
    const page = expectData(
      await platform.gql(REQUEST, { input: { token } }),
    ).guardianConsentRequest;
    expect(page).toMatchObject({
      subjectKind: 'ENGAGEMENT',
      status: 'PENDING',
      title: '空き家バンクの立て直し',
      startsOn: '2027-01-01',
      endsOn: '2027-03-31',
      expired: false,
      decidedAt: null,
    });
    expect(page.supervisorNames.length).toBeGreaterThan(0);
    expect(page.statement).toContain('空き家バンクの立て直し');

    const given = expectData(
      await decide(token, 'CONSENT', '渡辺 恵子', 'en'),
    ).decideGuardianConsent;
    expect(given).toMatchObject({ status: 'GIVEN', decidedByName: '渡辺 恵子' });
    expect(given.statement).toMatch(/^I, 渡辺 恵子, am the guardian of .* agree/);
    expect(given.statementVersion).toEqual(expect.any(String));

    // Single use: the same link answers no second time.
    expect(code(await decide(token, 'REFUSE'))).toBe(`CONFLICT/${ConflictReason.ALREADY_DONE}`);

    const accepted = expectData(
      await platform.gql(
        TRANSITION,
        { input: { engagementId: applied.id, action: 'ACCEPT' } },
        scene.regionStaff.token,
      ),
    ).transitionEngagement;
    expect(accepted).toMatchObject({ status: 'ACCEPTED', guardianConsent: { status: 'GIVEN' } });
    const [row] = expectData(
      await platform.gql(ENGAGEMENTS, { projectId }, scene.regionStaff.token),
    ).projectEngagements.edges.map((e: { node: unknown }) => e.node);
    expect(row.guardianConsent).toMatchObject({
      decidedByName: '渡辺 恵子',
      decidedAt: expect.any(String),
    });

    // The guardian withdraws with the same link: the engagement stops.
    expect(expectData(await decide(token, 'WITHDRAW')).decideGuardianConsent.status).toBe(
      'WITHDRAWN',
    );
    const [stopped] = expectData(
      await platform.gql(ENGAGEMENTS, { projectId }, scene.regionStaff.token),
    ).projectEngagements.edges.map((e: { node: unknown }) => e.node);
    expect(stopped).toMatchObject({
      status: 'CANCELLED',
      guardianConsent: { status: 'WITHDRAWN' },
    });
    expect(code(await decide(token, 'WITHDRAW'))).toBe(`CONFLICT/${ConflictReason.WRONG_STATUS}`);
  });

  describe('contact through the guardian', () => {
    const THREAD = `query($engagementId: ID!) { engagementConversation(engagementId: $engagementId) { id } }`;
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;

    async function send(who: Person, conversationId: string, body: string): Promise<string> {
      return expectData(await platform.gql(SEND, { input: { conversationId, body } }, who.token))
        .sendMessage.id;
    }
    const copiesOf = async (messageId: string): Promise<number> =>
      (
        await platform.dataSource.query(
          `SELECT count(*)::int AS n FROM guardian_consent_mail WHERE message_id = $1`,
          [messageId],
        )
      )[0].n;
    const mailsWith = (address: string, text: string) =>
      smtp.messages.filter((m) => m.to === address && m.text.includes(text));
    const nameOf = async (organizationId: string): Promise<string> =>
      (
        await platform.dataSource.query(`SELECT name FROM organization WHERE id = $1`, [
          organizationId,
        ])
      )[0].name;

    it('copies what the region and intermediaries write to a minor to the guardian, once each, while the consent stands', async () => {
      const { person, guardianEmail } = await minor('copied');
      const applied = await apply(person, await project());
      const thread = expectData(
        await platform.gql(THREAD, { engagementId: applied.id }, person.token),
      ).engagementConversation.id;
      const regionName = await nameOf(scene.regionId);
      const hubName = await nameOf(scene.intermediaryId);

      const fromRegion = await send(scene.regionStaff, thread, '集合場所は小千谷駅の改札前です。');
      const fromChild = await send(person, thread, 'わかりました、よろしくお願いします。');
      const fromHub = await send(scene.hubStaff, thread, '当日は私たちも同行します。');
      const copy = await eventually(() =>
        Promise.resolve(mailsWith(guardianEmail, '集合場所は小千谷駅の改札前です。')[0]),
      );
      expect(copy.subject).toContain(regionName);
      expect(copy.text).toContain('空き家バンクの立て直し');
      expect(copy.text).toContain(regionName);
      expect(copy.text).toMatch(/返信できません/);
      expect(copy.text).toMatch(/中間支援団体/);
      const hubCopy = await eventually(() =>
        Promise.resolve(mailsWith(guardianEmail, '当日は私たちも同行します。')[0]),
      );
      expect(hubCopy.subject).toContain(hubName);
      // The child's own words are theirs: no copy.
      expect(await copiesOf(fromChild)).toBe(0);
      expect(await copiesOf(fromRegion)).toBe(1);
      expect(await copiesOf(fromHub)).toBe(1);

      // Once the consent no longer stands, or the participant is 18, nothing more is copied.
      await platform.dataSource.query(
        `UPDATE guardian_consent SET status = 'REFUSED' WHERE subject_id = $1`,
        [applied.id],
      );
      expect(await copiesOf(await send(scene.regionStaff, thread, '拒否の後'))).toBe(0);
      await platform.dataSource.query(
        `UPDATE guardian_consent SET status = 'GIVEN' WHERE subject_id = $1`,
        [applied.id],
      );
      await platform.dataSource.query(
        `UPDATE participant_profile SET date_of_birth = '2000-01-01' WHERE user_id = $1`,
        [person.id],
      );
      expect(await copiesOf(await send(scene.regionStaff, thread, '成人の後'))).toBe(0);
      // Sent once: the worker's retries or a replayed job add no second mail.
      expect(mailsWith(guardianEmail, '集合場所は小千谷駅の改札前です。')).toHaveLength(1);
      expect(mailsWith(guardianEmail, 'わかりました')).toHaveLength(0);
      const [kept] = await platform.dataSource.query(
        `SELECT content, sent_at FROM guardian_consent_mail WHERE message_id = $1`,
        [fromRegion],
      );
      // The words are not kept once sent.
      expect(kept).toEqual({ content: null, sent_at: expect.any(Date) });
    });

    it('writes the copy in English for an English-speaking child', async () => {
      const { person, guardianEmail } = await minor('copied-en');
      await platform.dataSource.query(`UPDATE "user" SET locale = 'en' WHERE id = $1`, [person.id]);
      const applied = await apply(person, await project());
      const thread = expectData(
        await platform.gql(THREAD, { engagementId: applied.id }, person.token),
      ).engagementConversation.id;
      await send(scene.regionStaff, thread, 'Meet us at Ojiya station.');
      const copy = await eventually(() =>
        Promise.resolve(mailsWith(guardianEmail, 'Meet us at Ojiya station.')[0]),
      );
      expect(copy.subject).toMatch(/A message to copied-en from /);
      expect(copy.text).toMatch(/cannot be answered/);
    });
  });

  it('shows the guardian the intermediaries supervising the project, as the project page does', async () => {
    const { person, guardianEmail } = await minor('supervised');
    const projectId = await project();
    await apply(person, projectId);
    const token = await tokenMailedTo(guardianEmail);
    const page = expectData(
      await platform.gql(REQUEST, { input: { token } }),
    ).guardianConsentRequest;
    const shown = expectData(
      await platform.gql(
        `query($id: ID!) { project(id: $id) { supervisingIntermediaries { name } } }`,
        { id: projectId },
        scene.regionStaff.token,
      ),
    ).project.supervisingIntermediaries.map((o: { name: string }) => o.name);
    expect(shown.length).toBeGreaterThan(0);
    expect(page.supervisorNames).toEqual(shown);
  });

  it('withdraws the application when the guardian refuses', async () => {
    const { person, guardianEmail } = await minor('refused');
    const projectId = await project();
    const applied = await apply(person, projectId);
    const token = await tokenMailedTo(guardianEmail);
    expect(expectData(await decide(token, 'REFUSE')).decideGuardianConsent.status).toBe('REFUSED');
    const [row] = expectData(
      await platform.gql(ENGAGEMENTS, { projectId }, scene.regionStaff.token),
    ).projectEngagements.edges.map((e: { node: unknown }) => e.node);
    expect(row).toMatchObject({ id: applied.id, status: 'WITHDRAWN' });
    const accept = await platform.gql(
      TRANSITION,
      { input: { engagementId: applied.id, action: 'ACCEPT' } },
      scene.regionStaff.token,
    );
    expect(code(accept)).toMatch(/^CONFLICT/);
  });

  it('lets an expired link be sent again: the new link works, the old one no longer', async () => {
    const { person, guardianEmail } = await minor('expired');
    const applied = await apply(person, await project());
    const old = await tokenMailedTo(guardianEmail);
    await platform.dataSource.query(
      `UPDATE guardian_consent SET token_expires_at = now() - interval '1 minute' WHERE subject_id = $1`,
      [applied.id],
    );
    expect(
      expectData(await platform.gql(REQUEST, { input: { token: old } })).guardianConsentRequest
        .expired,
    ).toBe(true);
    expect(code(await decide(old, 'CONSENT'))).toBe(`CONFLICT/${ConflictReason.EXPIRED}`);

    // Nobody else can have it sent again.
    const other = await f.participant('bystander');
    expect(code(await platform.gql(RESEND, { id: applied.guardianConsent.id }, other.token))).toBe(
      'NOT_FOUND',
    );

    const sent = smtp.messages.filter((m) => m.to === guardianEmail).length;
    const resent = expectData(
      await platform.gql(RESEND, { id: applied.guardianConsent.id }, person.token),
    ).resendGuardianConsent;
    expect(Date.parse(resent.linkExpiresAt)).toBeGreaterThan(Date.now());
    const fresh = await tokenMailedTo(guardianEmail, sent);
    expect(fresh).not.toBe(old);
    expect(code(await platform.gql(REQUEST, { input: { token: old } }))).toBe('NOT_FOUND');
    expect(expectData(await decide(fresh, 'CONSENT')).decideGuardianConsent.status).toBe('GIVEN');
    // Answered: nothing more to send.
    expect(code(await platform.gql(RESEND, { id: applied.guardianConsent.id }, person.token))).toBe(
      `CONFLICT/${ConflictReason.ALREADY_DONE}`,
    );
  });

  it("refuses the child's own address as the guardian's", async () => {
    const person = await f.signUp('own-address');
    const result = await platform.gql(
      SAVE,
      {
        input: {
          kind: 'HIGH_SCHOOL_STUDENT',
          dateOfBirth: '2010-04-01',
          guardianName: '渡辺 恵子',
          guardianEmail: ` ${person.email.toUpperCase()} `,
          guardianConsent: true,
          homeMunicipalityCode: '271004',
        },
      },
      person.token,
    );
    expect(code(result)).toBe(`CONFLICT/${ConflictReason.GUARDIAN_EMAIL_IS_OWN}`);
    expect(
      (rejection(result).extensions.fields as Array<{ path: string[] }>).map((x) =>
        x.path.join('.'),
      ),
    ).toEqual(['input.guardianEmail']);
    const rows = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM participant_profile WHERE user_id = $1`,
      [person.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('sends again to a corrected address, stops the old link and tells the earlier address', async () => {
    const { person, guardianEmail: wrong } = await minor('moved');
    const applied = await apply(person, await project());
    const old = await tokenMailedTo(wrong);
    const right = uniqueEmail('moved-parent-right');
    expectData(
      await platform.gql(
        SAVE,
        {
          input: {
            kind: 'HIGH_SCHOOL_STUDENT',
            dateOfBirth: '2010-04-01',
            guardianName: '渡辺 恵子',
            guardianEmail: right,
            guardianConsent: true,
            homeMunicipalityCode: '271004',
          },
        },
        person.token,
      ),
    );
    expectData(await platform.gql(RESEND, { id: applied.guardianConsent.id }, person.token));
    const fresh = await tokenMailedTo(right);
    expect(fresh).not.toBe(old);
    const moved = await eventually(() =>
      Promise.resolve(smtp.messages.find((m) => m.to === wrong && /別のアドレス/.test(m.subject))),
    );
    expect(moved.text).toContain('空き家バンクの立て直し');
    expect(moved.text).not.toMatch(/\/consent\//);
    expect(code(await platform.gql(REQUEST, { input: { token: old } }))).toBe('NOT_FOUND');
    expect(expectData(await decide(fresh, 'CONSENT')).decideGuardianConsent.status).toBe('GIVEN');
    // Sent again to the same address: nobody is told of a move.
    const { person: same, guardianEmail } = await minor('not-moved');
    const again = await apply(same, await project());
    await tokenMailedTo(guardianEmail);
    expectData(await platform.gql(RESEND, { id: again.guardianConsent.id }, same.token));
    await tokenMailedTo(guardianEmail, 1);
    expect(smtp.messages.filter((m) => m.to === guardianEmail)).toHaveLength(2);
  });

  it('limits how often the mail is sent again', async () => {
    const { person } = await minor('impatient');
    const applied = await apply(person, await project());
    // Someone else's tries find nothing and leave the owner's allowance whole.
    const other = await f.participant('meddler');
    for (let i = 0; i < 4; i++) {
      const result = await platform.gql(RESEND, { id: applied.guardianConsent.id }, other.token);
      expect(code(result)).toBe('NOT_FOUND');
    }
    const outcomes: string[] = [];
    for (let i = 0; i < 4; i++) {
      const result = await platform.gql(RESEND, { id: applied.guardianConsent.id }, person.token);
      outcomes.push(result.errors ? code(result) : 'OK');
    }
    expect(outcomes).toEqual(['OK', 'OK', 'OK', 'TOO_MANY_REQUESTS']);
  });

  it('asks nothing of adults, and needs the guardian named before a minor applies', async () => {
    const adult = await f.participant('adult');
    const projectId = await project();
    expect((await apply(adult, projectId)).guardianConsent).toBeNull();

    // Under 18 by date of birth, whatever the kind.
    const young = await f.signUp('young');
    expectData(
      await platform.gql(
        SAVE,
        {
          input: {
            kind: 'UNIVERSITY_STUDENT',
            dateOfBirth: '2010-01-01',
            homeMunicipalityCode: '131130',
          },
        },
        young.token,
      ),
    );
    const refused = await platform.gql(
      APPLY,
      { input: { projectId, motivation: MOTIVATION } },
      young.token,
    );
    expect(code(refused)).toBe(`CONFLICT/${ConflictReason.GUARDIAN_DETAILS_NEEDED}`);
    const rows = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM engagement WHERE participant_id = $1`,
      [young.id],
    );
    expect(rows[0].n).toBe(0);
  });

  it('refuses malformed answers specifically and changes nothing', async () => {
    const { person, guardianEmail } = await minor('hygiene');
    const applied = await apply(person, await project());
    const token = await tokenMailedTo(guardianEmail);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ token: 'short', decision: 'CONSENT', guardianName: '渡辺', locale: 'ja' }, 'input.token'],
      [
        {
          token: `${token.slice(0, -2)}<>`,
          decision: 'CONSENT',
          guardianName: '渡辺',
          locale: 'ja',
        },
        'input.token',
      ],
      [{ token, decision: 'CONSENT', guardianName: '', locale: 'ja' }, 'input.guardianName'],
      [
        { token, decision: 'CONSENT', guardianName: 'x'.repeat(101), locale: 'ja' },
        'input.guardianName',
      ],
      [{ token, decision: 'CONSENT', guardianName: '渡辺', locale: 'fr' }, 'input.locale'],
    ];
    for (const [input, path] of cases) {
      const result = await platform.gql(DECIDE, { input });
      const e = rejection(result);
      expect(e.extensions.code).toBe('BAD_USER_INPUT');
      expect(
        (e.extensions.fields as Array<{ path: string[] }>).map((x) => x.path.join('.')),
      ).toContain(path);
    }
    expect(code(await decide(token, 'CONSENT', '   '))).toBe('BAD_USER_INPUT');
    const [row] = await platform.dataSource.query(
      `SELECT status FROM guardian_consent WHERE subject_id = $1`,
      [applied.id],
    );
    expect(row.status).toBe('PENDING');
  });

  // A scout offer reaches a participant before any engagement or consent exists: the guardian of
  // a minor still gets a copy of the offer and of what is written to the child in its thread.
  describe('scout offers to a minor', () => {
    const SCOUT = `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`;
    const OFFER_THREAD = `query($scoutOfferId: ID!) { scoutOfferConversation(scoutOfferId: $scoutOfferId) { id } }`;
    const SEND = `mutation($input: SendMessageInput!) { sendMessage(input: $input) { id } }`;
    const scoutable = { visibility: 'INTERMEDIARIES_AND_REGIONS' };

    async function scout(participantId: string, message: string): Promise<string> {
      return expectData(
        await platform.gql(
          SCOUT,
          { input: { projectId: await project(), participantId, message } },
          scene.regionStaff.token,
        ),
      ).sendScoutOffer.id;
    }
    async function send(who: Person, conversationId: string, body: string): Promise<string> {
      return expectData(await platform.gql(SEND, { input: { conversationId, body } }, who.token))
        .sendMessage.id;
    }
    const rowsOf = async (where: string, id: string): Promise<number> =>
      (
        await platform.dataSource.query(
          `SELECT count(*)::int AS n FROM guardian_consent_mail WHERE ${where} = $1`,
          [id],
        )
      )[0].n;
    const mailsWith = (address: string, text: string) =>
      smtp.messages.filter((m) => m.to === address && m.text.includes(text));

    it("copies the offer and what the region writes in its thread to the guardian, once each, not the child's words", async () => {
      const { person, guardianEmail } = await minor('scouted', undefined, scoutable);
      const offerId = await scout(person.id, '高校生の力を貸してください。');
      const [{ name: regionName }] = await platform.dataSource.query(
        `SELECT name FROM organization WHERE id = $1`,
        [scene.regionId],
      );
      const copy = await eventually(() =>
        Promise.resolve(mailsWith(guardianEmail, '高校生の力を貸してください。')[0]),
      );
      expect(copy.subject).toContain(regionName);
      expect(copy.text).toContain('空き家バンクの立て直し');
      expect(copy.text).toMatch(/返信できません/);
      expect(copy.text).toMatch(/アカウントから/);

      const thread = expectData(
        await platform.gql(OFFER_THREAD, { scoutOfferId: offerId }, person.token),
      ).scoutOfferConversation.id;
      const fromRegion = await send(scene.regionStaff, thread, '説明会は来週の土曜日です。');
      const fromChild = await send(person, thread, '参加したいです。');
      await eventually(() =>
        Promise.resolve(mailsWith(guardianEmail, '説明会は来週の土曜日です。')[0]),
      );
      expect(await rowsOf('message_id', fromRegion)).toBe(1);
      expect(await rowsOf('message_id', fromChild)).toBe(0);
      expect(mailsWith(guardianEmail, '参加したいです。')).toHaveLength(0);
      expect(mailsWith(guardianEmail, '高校生の力を貸してください。')).toHaveLength(1);
      // The copy's job marks its row sent in the commit after the SMTP server took the mail, so
      // the mail can arrive before its row says so: wait for the marks, then look.
      const kept = await eventually(async () => {
        const rows = await platform.dataSource.query<Array<{ sent_at: Date | null }>>(
          `SELECT kind, content, sent_at FROM guardian_consent_mail
            WHERE scout_offer_id = $1 ORDER BY created_at`,
          [offerId],
        );
        return rows.length === 2 && rows.every((r) => r.sent_at !== null) && rows;
      });
      // One copy of the offer, one of the region's message; the words are not kept once sent.
      expect(kept).toEqual([
        { kind: 'SCOUT_OFFER_COPY', content: null, sent_at: expect.any(Date) },
        { kind: 'MESSAGE_COPY', content: null, sent_at: expect.any(Date) },
      ]);

      // Once the participant is 18, nothing more is copied.
      await platform.dataSource.query(
        `UPDATE participant_profile SET date_of_birth = '2000-01-01' WHERE user_id = $1`,
        [person.id],
      );
      expect(await rowsOf('message_id', await send(scene.regionStaff, thread, '成人の後'))).toBe(0);
    });

    it('copies nothing for an adult, even with a guardian still named', async () => {
      const { person: adult } = await minor('scouted-adult', undefined, scoutable);
      await platform.dataSource.query(
        `UPDATE participant_profile SET date_of_birth = '2000-01-01' WHERE user_id = $1`,
        [adult.id],
      );
      const offerId = await scout(adult.id, '経験を活かしてください。');
      const thread = expectData(
        await platform.gql(OFFER_THREAD, { scoutOfferId: offerId }, adult.token),
      ).scoutOfferConversation.id;
      await send(scene.regionStaff, thread, 'ご都合はいかがですか。');
      expect(await rowsOf('participant_id', adult.id)).toBe(0);
    });

    it('writes the copy in English for an English-speaking child, and erases copies with the account', async () => {
      const { person, guardianEmail } = await minor('scouted-en', undefined, scoutable);
      await platform.dataSource.query(`UPDATE "user" SET locale = 'en' WHERE id = $1`, [person.id]);
      await scout(person.id, 'Would you help us?');
      const copy = await eventually(() =>
        Promise.resolve(mailsWith(guardianEmail, 'Would you help us?')[0]),
      );
      expect(copy.subject).toMatch(/A message to scouted-en from /);
      expect(copy.text).toMatch(/cannot be answered/);
      expect(copy.text).toMatch(/Tsunagu account/);

      expect(await rowsOf('participant_id', person.id)).toBe(1);
      expectData(
        await platform.gql(
          `mutation($input: DeleteAccountInput!) { deleteMyAccount(input: $input) }`,
          { input: { password: PASSWORD } },
          person.token,
        ),
      );
      expect(await rowsOf('participant_id', person.id)).toBe(0);
    });
  });

  it("puts the date of birth, the guardian and the guardian's answers in the child's data, and erases them with the account", async () => {
    const { person, guardianEmail } = await minor('exported');
    const projectId = await project();
    await apply(person, projectId);
    const token = await tokenMailedTo(guardianEmail);
    expectData(await decide(token, 'CONSENT'));
    const baseUrl = (await platform.api.getUrl()).replace('[::1]', '127.0.0.1');
    const response = await fetch(`${baseUrl}/auth/my-data`, {
      headers: { authorization: `Bearer ${person.token}` },
    });
    const { sections } = (await response.json()) as { sections: Record<string, any> };
    expect(sections.participantProfile).toMatchObject({
      dateOfBirth: '2010-04-01',
      guardianName: '渡辺 恵子',
      guardianEmail,
    });
    expect(sections.guardianConsents).toEqual([
      expect.objectContaining({
        subjectKind: 'ENGAGEMENT',
        status: 'GIVEN',
        guardianEmail,
        decidedByName: '渡辺 恵子',
      }),
    ]);

    expectData(
      await platform.gql(
        `mutation($input: DeleteAccountInput!) { deleteMyAccount(input: $input) }`,
        { input: { password: PASSWORD } },
        person.token,
      ),
    );
    const [profile] = await platform.dataSource.query(
      `SELECT date_of_birth, guardian_name, guardian_email FROM participant_profile
        WHERE user_id = $1`,
      [person.id],
    );
    expect(profile).toEqual({ date_of_birth: null, guardian_name: null, guardian_email: null });
    const consents = await platform.dataSource.query(
      `SELECT c.status, c.guardian_email, c.decided_by_name, c.statement_text,
              (SELECT count(*)::int FROM guardian_consent_mail g WHERE g.consent_id = c.id) AS mails
         FROM guardian_consent c WHERE c.participant_id = $1`,
      [person.id],
    );
    expect(consents).toEqual([
      {
        status: 'GIVEN',
        guardian_email: '',
        decided_by_name: null,
        statement_text: null,
        mails: 0,
      },
    ]);
    // The link no longer opens the request.
    expect(rejection(await platform.gql(REQUEST, { input: { token, locale: 'ja' } }))).toBeTruthy();
  });

  describe('at events', () => {
    const REGISTRATION = `id status guardianConsent { status decidedByName }`;
    const REGISTER = `mutation($eventId: ID!) { registerForEvent(eventId: $eventId) { ${REGISTRATION} } }`;
    const REGISTRATIONS = `query($eventId: ID!) { eventRegistrations(eventId: $eventId) { ${REGISTRATION} } }`;
    const ATTENDANCE = `mutation($input: RecordEventAttendanceInput!) {
      recordEventAttendance(input: $input) { id attended } }`;
    let counter = 0;

    async function onSiteEvent(capacity: number): Promise<string> {
      const start = Date.now() + 10 * 24 * 3600 * 1000;
      const created = expectData(
        await platform.gql(
          `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
          {
            input: {
              organizerOrganizationId: scene.regionId,
              format: 'ON_SITE',
              titleJa: `親子で田植え体験 ${++counter}`,
              descriptionJa: '町の田んぼで田植えをします。',
              municipalityCode: '032093',
              venue: '公民館前の田んぼ',
              capacity,
              startsAt: new Date(start).toISOString(),
              endsAt: new Date(start + 3 * 3600 * 1000).toISOString(),
            },
          },
          scene.regionStaff.token,
        ),
      ).createEvent;
      expectData(
        await platform.gql(
          `mutation($id: ID!) { publishEvent(id: $id) { id } }`,
          { id: created.id },
          scene.regionStaff.token,
        ),
      );
      return created.id;
    }
    const register = (who: Person, eventId: string) =>
      platform.gql(REGISTER, { eventId }, who.token);
    const registrations = async (eventId: string) =>
      expectData(await platform.gql(REGISTRATIONS, { eventId }, scene.regionStaff.token))
        .eventRegistrations as Array<{ id: string; status: string; guardianConsent: any }>;

    it("holds a minor's place while the guardian is asked, and a refusal gives it to the next waiting", async () => {
      const eventId = await onSiteEvent(1);
      const { person, guardianEmail } = await minor('event-child');
      const held = expectData(await register(person, eventId)).registerForEvent;
      expect(held).toMatchObject({ status: 'REGISTERED', guardianConsent: { status: 'PENDING' } });
      const adult = await f.participant('event-adult');
      const waiting = expectData(await register(adult, eventId)).registerForEvent;
      expect(waiting).toMatchObject({ status: 'WAITLISTED', guardianConsent: null });

      const token = await tokenMailedTo(guardianEmail);
      const request = expectData(
        await platform.gql(REQUEST, { input: { token, locale: 'ja' } }),
      ).guardianConsentRequest;
      expect(request).toMatchObject({ subjectKind: 'EVENT_REGISTRATION', status: 'PENDING' });
      expect(request.title).toMatch(/^親子で田植え体験/);
      expect(expectData(await decide(token, 'REFUSE')).decideGuardianConsent.status).toBe(
        'REFUSED',
      );
      const after = await registrations(eventId);
      expect(after.find((r) => r.id === held.id)).toMatchObject({
        status: 'CANCELLED',
        guardianConsent: { status: 'REFUSED', decidedByName: '渡辺 恵子' },
      });
      expect(after.find((r) => r.id === waiting.id)?.status).toBe('REGISTERED');

      // Registering again does not ask the guardian again nor take the place back.
      expect(code(await register(person, eventId))).toBe(
        `CONFLICT/${ConflictReason.GUARDIAN_CONSENT_REQUIRED}`,
      );
      expect((await registrations(eventId)).find((r) => r.id === held.id)?.status).toBe(
        'CANCELLED',
      );
    });

    it('takes attendance for a minor only once the guardian has consented', async () => {
      const eventId = await onSiteEvent(5);
      const { person, guardianEmail } = await minor('event-attendee');
      const held = expectData(await register(person, eventId)).registerForEvent;
      const token = await tokenMailedTo(guardianEmail);
      await platform.dataSource.query(
        `UPDATE community_event SET starts_at = now() - interval '5 minutes' WHERE id = $1`,
        [eventId],
      );
      const attend = () =>
        platform.gql(
          ATTENDANCE,
          { input: { eventId, entries: [{ registrationId: held.id, attended: true }] } },
          scene.regionStaff.token,
        );
      expect(code(await attend())).toBe(`CONFLICT/${ConflictReason.GUARDIAN_CONSENT_REQUIRED}`);
      expect((await registrations(eventId))[0]).toMatchObject({ status: 'REGISTERED' });
      expect(expectData(await decide(token, 'CONSENT')).decideGuardianConsent.status).toBe('GIVEN');
      expect(expectData(await attend()).recordEventAttendance).toEqual([
        { id: held.id, attended: true },
      ]);
    });

    it('refuses a minor with no guardian named, and registers nothing', async () => {
      const eventId = await onSiteEvent(3);
      const { person } = await minor('event-unnamed', null);
      expect(code(await register(person, eventId))).toBe(
        `CONFLICT/${ConflictReason.GUARDIAN_DETAILS_NEEDED}`,
      );
      expect(await registrations(eventId)).toEqual([]);
    });
  });
});
