import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const BIHORO = '015431'; // 美幌町, 北海道
const ICHINOSEKI = '032093'; // 一関市, 岩手県

const OFFER_FIELDS = `id status message expiresAt respondedAt responseNote engagementId createdAt
  sentByName project { id } participant { userId displayName kind }
  senderOrganization { id kind name }`;

const SEND = `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { ${OFFER_FIELDS} } }`;
const RESPOND = `mutation($input: RespondToScoutOfferInput!) { respondToScoutOffer(input: $input) { ${OFFER_FIELDS} } }`;
const WITHDRAW = `mutation($id: ID!) { withdrawScoutOffer(id: $id) { ${OFFER_FIELDS} } }`;
const MINE = `query($status: ScoutOfferStatus, $first: Int, $after: String) {
  myScoutOffers(status: $status, first: $first, after: $after) {
    edges { node { ${OFFER_FIELDS} } } pageInfo { hasNextPage endCursor } } }`;
const FOR_PROJECT = `query($projectId: ID!, $status: ScoutOfferStatus, $first: Int) {
  projectScoutOffers(projectId: $projectId, status: $status, first: $first) {
    edges { node { ${OFFER_FIELDS} } } pageInfo { hasNextPage } } }`;

const MESSAGE = '空き家バンクの立て直しに、あなたのWebの経験を貸してください。';

// Scout offers: a region or an intermediary invites a participant; the participant accepts
// (which applies them) or declines; offers expire and are limited per project.
describe('scouting', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let admin: Person;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    admin = await f.admin();
  });

  afterAll(() => platform.close());

  // Each test gets its own region (美幌町), an intermediary covering Hokkaido and a published
  // project, so no test depends on another's offers.
  async function scene() {
    const s = await f.supervisedRegion({
      admin,
      municipalityCode: BIHORO,
      regionStaff: ['bihoro-staff', 'bihoro-colleague'],
      hubStaff: ['hokkaido-hub'],
    });
    const [staff, colleague] = s.regionTeam;
    return {
      staff,
      colleague,
      regionId: s.regionId,
      hub: s.hubStaff,
      hubId: s.intermediaryId,
      projectId: s.projectId,
    };
  }

  // A participant whose profile regions may see too (the fixture default is intermediaries only).
  async function openParticipant(label: string): Promise<Person> {
    const person = await f.participant(label);
    expectData(
      await f.saveProfile(person, {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
      }),
    );
    return person;
  }

  function send(sender: Person, input: Record<string, unknown>) {
    return platform.gql(SEND, { input: { message: MESSAGE, ...input } }, sender.token);
  }

  function respond(participant: Person, offerId: string, response: string, note?: string) {
    return platform.gql(RESPOND, { input: { offerId, response, note } }, participant.token);
  }

  async function sent(sender: Person, input: Record<string, unknown>): Promise<any> {
    return expectData(await send(sender, input)).sendScoutOffer;
  }

  async function offerCount(projectId: string): Promise<number> {
    const [row] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM scout_offer WHERE project_id = $1',
      [projectId],
    );
    return row.n;
  }

  async function expire(offerId: string): Promise<void> {
    await platform.dataSource.query(
      `UPDATE scout_offer SET expires_at = now() - interval '1 minute' WHERE id = $1`,
      [offerId],
    );
  }

  it('sends an offer the participant sees, and accepting it applies them', async () => {
    const { staff, hub, regionId, projectId } = await scene();
    const participant = await openParticipant('tanaka');
    const before = Date.now();

    const offer = await sent(staff, { projectId, participantId: participant.id });

    expect(offer).toMatchObject({
      status: 'PENDING',
      message: MESSAGE,
      sentByName: 'bihoro-staff',
      project: { id: projectId },
      participant: { userId: participant.id, displayName: 'tanaka', kind: 'PRO_BONO' },
      senderOrganization: { id: regionId, kind: 'REGION' },
      respondedAt: null,
      engagementId: null,
    });
    // Two weeks by default.
    const days = (Date.parse(offer.expiresAt) - before) / 86_400_000;
    expect(days).toBeGreaterThan(13.99);
    expect(days).toBeLessThan(14.01);

    const mine = expectData(await platform.gql(MINE, {}, participant.token)).myScoutOffers;
    expect(mine.edges.map((e: any) => e.node.id)).toEqual([offer.id]);
    const forHub = expectData(await platform.gql(FOR_PROJECT, { projectId }, hub.token));
    expect(forHub.projectScoutOffers.edges.map((e: any) => e.node.id)).toEqual([offer.id]);

    const accepted = expectData(
      await respond(participant, offer.id, 'ACCEPT', '  ぜひ参加させてください。  '),
    ).respondToScoutOffer;
    expect(accepted).toMatchObject({
      status: 'ACCEPTED',
      responseNote: 'ぜひ参加させてください。',
    });
    expect(accepted.respondedAt).not.toBeNull();
    expect(accepted.engagementId).toEqual(expect.any(String));

    // The application is the participant's and the region's like any other.
    const applications = expectData(
      await platform.gql(
        `query { myEngagements { edges { node { id status motivation project { id } } } } }`,
        {},
        participant.token,
      ),
    ).myEngagements.edges.map((e: any) => e.node);
    expect(applications).toEqual([
      {
        id: accepted.engagementId,
        status: 'SUBMITTED',
        motivation: 'ぜひ参加させてください。',
        project: { id: projectId },
      },
    ]);
    const forRegion = expectData(
      await platform.gql(
        `query($projectId: ID!) { projectEngagements(projectId: $projectId) { edges { node { id applicant { userId } } } } }`,
        { projectId },
        staff.token,
      ),
    ).projectEngagements.edges.map((e: any) => e.node);
    expect(forRegion).toEqual([
      { id: accepted.engagementId, applicant: { userId: participant.id } },
    ]);
    // Written with the application: the region is told through the usual outbox job.
    const [job] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM outbox_message WHERE job_id = $1',
      [`event.application-submitted.${accepted.engagementId}`],
    );
    expect(job.n).toBe(1);

    // Answered once; and someone who applied is not scouted again for the project.
    expect(rejection(await respond(participant, offer.id, 'DECLINE')).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_DONE',
    });
    const again = rejection(await send(hub, { projectId, participantId: participant.id }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_APPLIED' });
    expect(again.message).toContain('already applied');
  });

  it('sends from an intermediary to profiles open to intermediaries only', async () => {
    const { staff, hub, hubId, projectId } = await scene();
    // The fixture's profile is open to intermediaries, not regions.
    const participant = await f.participant('sato');

    const offer = await sent(hub, { projectId, participantId: participant.id, expiresInDays: 3 });

    expect(offer.senderOrganization).toMatchObject({ id: hubId, kind: 'INTERMEDIARY' });
    const days = (Date.parse(offer.expiresAt) - Date.parse(offer.createdAt)) / 86_400_000;
    expect(Math.round(days)).toBe(3);
    // The region staff cannot see this profile, so for them it does not exist.
    const hidden = rejection(await send(staff, { projectId, participantId: participant.id }));
    expect(hidden.extensions.code).toBe('NOT_FOUND');
  });

  it('records a decline and does not ask the same participant again', async () => {
    const { hub, projectId } = await scene();
    const participant = await f.participant('suzuki');
    const offer = await sent(hub, { projectId, participantId: participant.id });

    const declined = expectData(
      await respond(participant, offer.id, 'DECLINE', '今回は見送ります。'),
    ).respondToScoutOffer;

    expect(declined).toMatchObject({
      status: 'DECLINED',
      responseNote: '今回は見送ります。',
      engagementId: null,
    });
    expect(declined.respondedAt).not.toBeNull();
    const applications = expectData(
      await platform.gql(
        `query { myEngagements { edges { node { id } } } }`,
        {},
        participant.token,
      ),
    );
    expect(applications.myEngagements.edges).toHaveLength(0);
    const byStatus = async (status: string) =>
      expectData(await platform.gql(MINE, { status }, participant.token)).myScoutOffers.edges.map(
        (e: any) => e.node.id,
      );
    expect(await byStatus('DECLINED')).toEqual([offer.id]);
    expect(await byStatus('PENDING')).toEqual([]);
    expect(rejection(await respond(participant, offer.id, 'ACCEPT')).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_DONE',
    });
    const again = rejection(await send(hub, { projectId, participantId: participant.id }));
    expect(again.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCOUT_OFFER_DECLINED' });
    expect(again.message).toContain('declined');
  });

  it('reads an unanswered offer past its expiry as EXPIRED and refuses to accept it', async () => {
    const { hub, projectId } = await scene();
    const participant = await f.participant('takahashi');
    const offer = await sent(hub, { projectId, participantId: participant.id });
    await expire(offer.id);

    const listed = expectData(await platform.gql(MINE, {}, participant.token)).myScoutOffers;
    expect(listed.edges[0].node).toMatchObject({ id: offer.id, status: 'EXPIRED' });
    const expiredOnly = expectData(
      await platform.gql(MINE, { status: 'EXPIRED' }, participant.token),
    );
    expect(expiredOnly.myScoutOffers.edges).toHaveLength(1);
    const pendingOnly = expectData(
      await platform.gql(MINE, { status: 'PENDING' }, participant.token),
    );
    expect(pendingOnly.myScoutOffers.edges).toHaveLength(0);

    const late = rejection(await respond(participant, offer.id, 'ACCEPT'));
    expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
    expect(late.message).toContain('offer expired');
    expect(
      rejection(await platform.gql(WITHDRAW, { id: offer.id }, hub.token)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'EXPIRED' });
    const applications = expectData(
      await platform.gql(
        `query { myEngagements { edges { node { id } } } }`,
        {},
        participant.token,
      ),
    );
    expect(applications.myEngagements.edges).toHaveLength(0);

    // An expired offer does not block a new one; the old one stays expired.
    const renewed = await sent(hub, { projectId, participantId: participant.id });
    expect(renewed.status).toBe('PENDING');
    const all = expectData(await platform.gql(MINE, {}, participant.token)).myScoutOffers.edges;
    expect(all.map((e: any) => [e.node.id, e.node.status])).toEqual([
      [renewed.id, 'PENDING'],
      [offer.id, 'EXPIRED'],
    ]);
    const accepted = expectData(await respond(participant, renewed.id, 'ACCEPT'));
    expect(accepted.respondToScoutOffer.status).toBe('ACCEPTED');
  });

  it('limits a project to 20 pending offers and 50 sent in 7 days, and one pending per person', async () => {
    const { hub, projectId } = await scene();
    const people = await Promise.all(
      Array.from({ length: 21 }, (_, i) => f.participant(`candidate-${i}`)),
    );
    const sendTo = (p: Person) => send(hub, { projectId, participantId: p.id });

    const first = [];
    for (const p of people.slice(0, 20)) first.push(expectData(await sendTo(p)).sendScoutOffer);

    const duplicate = rejection(await sendTo(people[0]));
    expect(duplicate.extensions).toMatchObject({ code: 'CONFLICT', reason: 'SCOUT_OFFER_PENDING' });
    expect(duplicate.extensions.fields?.[0].path).toEqual(['input', 'participantId']);
    const overPending = rejection(await sendTo(people[20]));
    expect(overPending.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SCOUT_LIMIT_REACHED',
    });
    expect(overPending.message).toContain('20 scout offers awaiting an answer');
    expect(await offerCount(projectId)).toBe(20);

    // Withdrawn offers free pending places but still count as sent this week: 20 + 20 + 10.
    const withdrawAll = async (offers: any[]) => {
      for (const o of offers) expectData(await platform.gql(WITHDRAW, { id: o.id }, hub.token));
    };
    await withdrawAll(first);
    const second = [];
    for (const p of people.slice(0, 20)) second.push(expectData(await sendTo(p)).sendScoutOffer);
    await withdrawAll(second);
    for (const p of people.slice(0, 10)) expectData(await sendTo(p));

    const overWeekly = rejection(await sendTo(people[20]));
    expect(overWeekly.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'SCOUT_LIMIT_REACHED',
    });
    expect(overWeekly.message).toContain('50 scout offers in the last 7 days');
    expect(await offerCount(projectId)).toBe(50);

    // The window rolls: a week later the project may send again.
    await platform.dataSource.query(
      `UPDATE scout_offer SET created_at = created_at - interval '8 days' WHERE project_id = $1`,
      [projectId],
    );
    expect(expectData(await sendTo(people[20])).sendScoutOffer.status).toBe('PENDING');

    // The limits are per project: another project of the same region is not affected.
    const { projectId: otherProject } = await scene();
    expect(
      expectData(await send(hub, { projectId: otherProject, participantId: people[0].id }))
        .sendScoutOffer.status,
    ).toBe('PENDING');
  }, 60_000);

  it('refuses senders who neither own the project nor cover its place', async () => {
    const { projectId } = await scene();
    const participant = await openParticipant('ito');
    const otherStaff = await f.signUp('ichinoseki-staff');
    await f.region(admin, ICHINOSEKI, [otherStaff]);
    const iwateHub = await f.signUp('iwate-hub');
    await f.intermediary(admin, { prefectureCodes: ['03'] }, [iwateHub]);
    const otherParticipant = await f.participant('watanabe');

    for (const sender of [otherStaff, iwateHub, otherParticipant, admin]) {
      const refused = rejection(await send(sender, { projectId, participantId: participant.id }));
      expect(refused.extensions.code).toBe('FORBIDDEN');
    }
    expect(await offerCount(projectId)).toBe(0);
  });

  it('refuses participants the sender may not see, and projects that are not published', async () => {
    const { staff, hub, regionId, projectId } = await scene();
    const hidden = await f.participant('yamamoto');
    expectData(
      await f.saveProfile(hidden, {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        visibility: 'NOBODY',
      }),
    );
    const noProfile = await f.signUp('no-profile');

    for (const [sender, participantId] of [
      [hub, hidden.id],
      [staff, hidden.id],
      [hub, noProfile.id],
      [hub, '3f7b1c2e-9a4d-4e8f-b1a2-c3d4e5f60718'],
    ] as const) {
      const refused = rejection(await send(sender, { projectId, participantId }));
      expect(refused.extensions.code).toBe('NOT_FOUND');
    }

    const visible = await f.participant('nakamura');
    const draft = await f.project(staff, regionId, { title: '下書きの企画' });
    const notPublished = rejection(
      await send(hub, { projectId: draft, participantId: visible.id }),
    );
    expect(notPublished.extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'NOT_TAKING_APPLICATIONS',
    });
    const outsider = await f.signUp('outsider-staff');
    await f.region(admin, ICHINOSEKI, [outsider]);
    expect(
      rejection(await send(outsider, { projectId: draft, participantId: visible.id })).extensions
        .code,
    ).toBe('NOT_FOUND');
    expect(await offerCount(projectId)).toBe(0);
    expect(await offerCount(draft)).toBe(0);
  });

  it("lets the sending organisation's staff withdraw a pending offer, and nobody else", async () => {
    const { staff, colleague, hub, projectId } = await scene();
    const participant = await openParticipant('kobayashi');
    const stranger = await f.participant('kato');
    const offer = await sent(staff, { projectId, participantId: participant.id });

    // The hub supervises the project but did not send this offer.
    expect(
      rejection(await platform.gql(WITHDRAW, { id: offer.id }, hub.token)).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await platform.gql(WITHDRAW, { id: offer.id }, participant.token)).extensions.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await platform.gql(WITHDRAW, { id: offer.id }, stranger.token)).extensions.code,
    ).toBe('NOT_FOUND');
    // Only the addressed participant answers; others learn nothing or are told no.
    expect(rejection(await respond(stranger, offer.id, 'ACCEPT')).extensions.code).toBe(
      'NOT_FOUND',
    );
    expect(rejection(await respond(staff, offer.id, 'ACCEPT')).extensions.code).toBe('FORBIDDEN');

    const withdrawn = expectData(await platform.gql(WITHDRAW, { id: offer.id }, colleague.token));
    expect(withdrawn.withdrawScoutOffer.status).toBe('WITHDRAWN');
    expect(rejection(await respond(participant, offer.id, 'ACCEPT')).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'ALREADY_DONE',
    });
    expect(
      rejection(await platform.gql(WITHDRAW, { id: offer.id }, staff.token)).extensions,
    ).toMatchObject({ code: 'CONFLICT', reason: 'ALREADY_DONE' });
    // Withdrawing frees the place for a new offer.
    expect((await sent(staff, { projectId, participantId: participant.id })).status).toBe(
      'PENDING',
    );
  });

  it('shows project offers to its region and supervising intermediaries only', async () => {
    const { staff, hub, projectId } = await scene();
    const a = await f.participant('ogawa');
    const b = await f.participant('mori');
    const older = await sent(hub, { projectId, participantId: a.id });
    const newer = await sent(hub, { projectId, participantId: b.id });

    const page = expectData(await platform.gql(FOR_PROJECT, { projectId, first: 1 }, staff.token));
    expect(page.projectScoutOffers.edges.map((e: any) => e.node.id)).toEqual([newer.id]);
    expect(page.projectScoutOffers.pageInfo.hasNextPage).toBe(true);
    const all = expectData(await platform.gql(FOR_PROJECT, { projectId }, hub.token));
    expect(all.projectScoutOffers.edges.map((e: any) => e.node.id)).toEqual([newer.id, older.id]);

    const otherStaff = await f.signUp('ichinoseki-viewer');
    await f.region(admin, ICHINOSEKI, [otherStaff]);
    for (const viewer of [otherStaff, a]) {
      const refused = rejection(await platform.gql(FOR_PROJECT, { projectId }, viewer.token));
      expect(refused.extensions.code).toBe('FORBIDDEN');
    }
    // Each participant sees only their own.
    const mine = expectData(await platform.gql(MINE, {}, b.token)).myScoutOffers.edges;
    expect(mine.map((e: any) => e.node.id)).toEqual([newer.id]);
  });

  it('keeps its invariants under concurrent accepts and sends', async () => {
    const { hub, projectId } = await scene();
    const participant = await f.participant('concurrent');
    const offer = await sent(hub, { projectId, participantId: participant.id });

    // Five accepts at once: one application, one success.
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => respond(participant, offer.id, 'ACCEPT')),
    );
    expect(answers.filter((r) => !r.errors).length).toBe(1);
    expect(answers.filter((r) => r.errors?.[0].extensions.code === 'CONFLICT').length).toBe(4);
    const [applications] = await platform.dataSource.query(
      'SELECT count(*)::int AS n FROM engagement WHERE project_id = $1 AND participant_id = $2',
      [projectId, participant.id],
    );
    expect(applications.n).toBe(1);

    // Accept racing a withdrawal: exactly one wins.
    const racer = await f.participant('racer');
    const contested = await sent(hub, { projectId, participantId: racer.id });
    const [accept, withdraw] = await Promise.all([
      respond(racer, contested.id, 'ACCEPT'),
      platform.gql(WITHDRAW, { id: contested.id }, hub.token),
    ]);
    expect([accept, withdraw].filter((r) => !r.errors)).toHaveLength(1);

    // The same participant scouted five times at once: one pending offer.
    const target = await f.participant('target');
    const duplicates = await Promise.all(
      Array.from({ length: 5 }, () => send(hub, { projectId, participantId: target.id })),
    );
    expect(duplicates.filter((r) => !r.errors)).toHaveLength(1);
    expect(duplicates.every((r) => !r.errors || r.errors[0].extensions.code === 'CONFLICT')).toBe(
      true,
    );

    // 25 candidates at once on a fresh project: exactly 20 pending offers.
    const { projectId: busy } = await scene();
    const crowd = await Promise.all(
      Array.from({ length: 25 }, (_, i) => f.participant(`crowd-${i}`)),
    );
    const results = await Promise.all(
      crowd.map((p) => send(hub, { projectId: busy, participantId: p.id })),
    );
    expect(results.filter((r) => !r.errors)).toHaveLength(20);
    expect(
      results.filter((r) => r.errors?.[0].extensions.reason === 'SCOUT_LIMIT_REACHED'),
    ).toHaveLength(5);
    expect(await offerCount(busy)).toBe(20);
  }, 60_000);

  it('reports bad input as field errors and changes nothing', async () => {
    const { hub, projectId } = await scene();
    const participant = await f.participant('hayashi');
    const base = { projectId, participantId: participant.id };

    const cases: Array<[Record<string, unknown>, string[]]> = [
      [{ ...base, message: '   ' }, ['input', 'message']],
      [{ ...base, message: '' }, ['input', 'message']],
      [{ ...base, message: 'あ'.repeat(2001) }, ['input', 'message']],
      [{ ...base, expiresInDays: 0 }, ['input', 'expiresInDays']],
      [{ ...base, expiresInDays: 31 }, ['input', 'expiresInDays']],
      [{ ...base, projectId: 'not-an-id' }, ['input', 'projectId']],
      [{ ...base, participantId: 'not-an-id' }, ['input', 'participantId']],
      [{ ...base, participantId: hub.id }, ['input', 'participantId']],
    ];
    for (const [input, path] of cases) {
      const error = rejection(await send(hub, input));
      expect(error.extensions.code).toBe('BAD_USER_INPUT');
      expect(error.extensions.fields?.map((p) => p.path)).toContainEqual(path);
    }
    expect(await offerCount(projectId)).toBe(0);

    const offer = await sent(hub, base);
    const longNote = rejection(await respond(participant, offer.id, 'ACCEPT', 'x'.repeat(2001)));
    expect(longNote.extensions.code).toBe('BAD_USER_INPUT');
    expect(longNote.extensions.fields?.[0].path).toEqual(['input', 'note']);
    const badId = rejection(await respond(participant, 'nope', 'ACCEPT'));
    expect(badId.extensions.fields?.[0].path).toEqual(['input', 'offerId']);
    const badWithdraw = rejection(await platform.gql(WITHDRAW, { id: 'nope' }, hub.token));
    expect(badWithdraw.extensions.fields?.[0].path).toEqual(['id']);
    const missing = rejection(
      await platform.gql(WITHDRAW, { id: '3f7b1c2e-9a4d-4e8f-b1a2-c3d4e5f60718' }, hub.token),
    );
    expect(missing.extensions.code).toBe('NOT_FOUND');

    const unchanged = expectData(await platform.gql(MINE, {}, participant.token)).myScoutOffers;
    expect(unchanged.edges.map((e: any) => [e.node.id, e.node.status])).toEqual([
      [offer.id, 'PENDING'],
    ]);
  });
});
