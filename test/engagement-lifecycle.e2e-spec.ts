import { expectData, Fixtures, Person, rejection } from './support/fixtures';
import { startTestPlatform, TestPlatform } from './support/test-platform';

const TRANSITION = `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) {
  id status statusReason interview { slots meetingUrl notes }
  terms { startDate endDate hoursPerWeek goals supervisorId } } }`;
const HISTORY = `query($id: ID!) { engagementHistory(engagementId: $id) {
  action fromStatus toStatus actorName reason } }`;
const CONTACTS = `query($id: ID!) { engagementContacts(engagementId: $id) {
  participant { name email phone } region { name email } } }`;
const APPLY = `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id status } }`;

const TERMS = {
  startDate: '2027-01-10',
  endDate: '2027-03-31',
  hoursPerWeek: 4,
  goals: '空き家バンクの掲載情報を整える',
};

describe('engagement lifecycle through GraphQL', () => {
  let platform: TestPlatform;
  let f: Fixtures;
  let regionStaff: Person;
  let interStaff: Person;
  let outsider: Person;
  let admin: Person;
  let projectId: string;

  const transition = (person: Person, input: Record<string, unknown>) =>
    platform.gql(TRANSITION, { input }, person.token);
  const apply = async (person: Person, project = projectId) =>
    expectData(
      await platform.gql(
        APPLY,
        { input: { projectId: project, motivation: '週末に町の発信を手伝いたいです。' } },
        person.token,
      ),
    ).applyToProject.id as string;

  beforeAll(async () => {
    platform = await startTestPlatform();
    f = new Fixtures(platform);
    const scene = await f.supervisedRegion({
      regionStaff: ['ojiya'],
      hubStaff: ['niigata-hub'],
      project: { capacity: 3 },
    });
    ({ regionStaff, hubStaff: interStaff, projectId } = scene);
    outsider = await f.signUp('hokkaido-hub');
    admin = scene.admin;
    await f.intermediary(scene.admin, { prefectureCodes: ['01'] }, [outsider]);
  });

  afterAll(() => platform.close());

  it('goes from application to completion, each step by its role, audited', async () => {
    const yuki = await f.participant('yuki');
    const id = await apply(yuki);

    // Wrong roles and wrong order are refused and change nothing.
    expect(
      rejection(await transition(yuki, { engagementId: id, action: 'ACCEPT' })).extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      rejection(await transition(outsider, { engagementId: id, action: 'ACCEPT' })).extensions
        ?.code,
    ).toBe('NOT_FOUND');
    const early = rejection(await transition(regionStaff, { engagementId: id, action: 'START' }));
    expect(early.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(early.message).toBe(
      'Cannot start an engagement that is SUBMITTED (allowed from APPROVED)',
    );
    const badLink = rejection(
      await transition(regionStaff, {
        engagementId: id,
        action: 'PROPOSE_INTERVIEW',
        interview: { slots: ['2027-01-05T10:00:00+09:00'], meetingUrl: 'http://meet' },
      }),
    );
    expect(badLink.extensions?.fields).toEqual([
      { path: ['input', 'interview', 'meetingUrl'], message: 'must be an https:// link' },
    ]);

    const interview = expectData(
      await transition(regionStaff, {
        engagementId: id,
        action: 'PROPOSE_INTERVIEW',
        interview: {
          slots: ['2027-01-05T10:00:00+09:00', '2027-01-06T19:00:00+09:00'],
          meetingUrl: 'https://meet.example.jp/ojiya',
          notes: '30分ほどお話ししましょう',
        },
      }),
    ).transitionEngagement;
    expect(interview).toMatchObject({
      status: 'INTERVIEW',
      interview: {
        slots: ['2027-01-05T01:00:00.000Z', '2027-01-06T10:00:00.000Z'],
        meetingUrl: 'https://meet.example.jp/ojiya',
      },
    });
    // No contact details before approval.
    expect(rejection(await platform.gql(CONTACTS, { id }, yuki.token)).extensions).toMatchObject({
      code: 'CONFLICT',
      reason: 'WRONG_STATUS',
    });

    expectData(await transition(regionStaff, { engagementId: id, action: 'ACCEPT' }));
    expect(
      rejection(
        await transition(regionStaff, { engagementId: id, action: 'APPROVE', terms: TERMS }),
      ).extensions?.code,
    ).toBe('FORBIDDEN');
    // The period is the input's rule, refused before the service; goals are the service's.
    const backwards = rejection(
      await transition(interStaff, {
        applicationId: id,
        action: 'APPROVE',
        terms: { ...TERMS, endDate: '2026-12-01' },
      }),
    );
    expect(backwards.extensions?.fields).toEqual([
      { path: ['input', 'terms', 'endDate'], message: 'must not be before startDate' },
    ]);
    const noGoals = rejection(
      await transition(interStaff, {
        engagementId: id,
        action: 'APPROVE',
        terms: { ...TERMS, goals: ' ' },
      }),
    );
    expect(noGoals.extensions?.fields).toEqual([
      { path: ['input', 'terms', 'goals'], message: 'must say what the engagement is for' },
    ]);
    const revision = async () =>
      (
        await platform.dataSource.query(
          `SELECT revision FROM scoring_subject WHERE kind = 'PARTICIPANT' AND subject_id = $1`,
          [yuki.id],
        )
      )[0].revision as string;
    const beforeApproval = await revision();
    const approved = expectData(
      await transition(interStaff, { engagementId: id, action: 'APPROVE', terms: TERMS }),
    ).transitionEngagement;
    // An approved engagement ties the participant to the region: their matches are re-scored.
    expect(BigInt(await revision())).toBe(BigInt(beforeApproval) + 1n);
    expect(approved).toMatchObject({
      status: 'APPROVED',
      terms: { ...TERMS, supervisorId: interStaff.id },
    });

    // From approval on, participant and region see each other's contact details; nobody else.
    for (const viewer of [yuki, regionStaff, interStaff]) {
      const contacts = expectData(
        await platform.gql(CONTACTS, { id }, viewer.token),
      ).engagementContacts;
      expect(contacts.participant).toMatchObject({ name: 'yuki', email: yuki.email });
      expect(contacts.region).toEqual([{ name: 'ojiya', email: regionStaff.email }]);
    }
    expect(rejection(await platform.gql(CONTACTS, { id }, outsider.token)).extensions?.code).toBe(
      'NOT_FOUND',
    );

    expectData(await transition(interStaff, { engagementId: id, action: 'START' }));
    expectData(await transition(regionStaff, { engagementId: id, action: 'COMPLETE' }));
    const late = rejection(
      await transition(yuki, { engagementId: id, action: 'WITHDRAW', reason: '都合により' }),
    );
    expect(late.extensions).toMatchObject({ code: 'CONFLICT', reason: 'INVALID_TRANSITION' });
    expect(late.message).toContain('Cannot withdraw an engagement that is COMPLETED');

    const history = expectData(await platform.gql(HISTORY, { id }, yuki.token)).engagementHistory;
    expect(history.map((e: any) => [e.action, e.fromStatus, e.toStatus, e.actorName])).toEqual([
      ['PROPOSE_INTERVIEW', 'SUBMITTED', 'INTERVIEW', 'ojiya'],
      ['ACCEPT', 'INTERVIEW', 'ACCEPTED', 'ojiya'],
      ['APPROVE', 'ACCEPTED', 'APPROVED', 'niigata-hub'],
      ['START', 'APPROVED', 'ACTIVE', 'niigata-hub'],
      ['COMPLETE', 'ACTIVE', 'COMPLETED', 'ojiya'],
    ]);
  });

  it('ends an engagement only with a reason, and records it', async () => {
    const ken = await f.participant('ken');
    const id = await apply(ken);
    const silent = rejection(
      await transition(regionStaff, { engagementId: id, action: 'DECLINE' }),
    );
    expect(silent.extensions?.fields).toEqual([
      { path: ['input', 'reason'], message: 'is required for this action' },
    ]);
    const declined = expectData(
      await transition(regionStaff, {
        engagementId: id,
        action: 'DECLINE',
        reason: '今回は経験者を優先します',
      }),
    ).transitionEngagement;
    expect(declined).toMatchObject({
      status: 'DECLINED',
      statusReason: '今回は経験者を優先します',
    });
    const [event] = expectData(await platform.gql(HISTORY, { id }, ken.token)).engagementHistory;
    expect(event).toMatchObject({ action: 'DECLINE', reason: '今回は経験者を優先します' });
    // Platform admins read an engagement for support, its history as well as its page; nobody
    // outside it reads either.
    expect(expectData(await platform.gql(HISTORY, { id }, admin.token)).engagementHistory).toEqual([
      event,
    ]);
    expect(rejection(await platform.gql(HISTORY, { id }, outsider.token)).extensions?.code).toBe(
      'NOT_FOUND',
    );
  });

  it('never lets a project take more people than its capacity, however many accept at once', async () => {
    const regionId = (
      await platform.dataSource.query(
        'SELECT region_organization_id AS id FROM project WHERE id = $1',
        [projectId],
      )
    )[0].id as string;
    const small = await f.publishedProject(interStaff, regionStaff, regionId, {
      capacity: 3,
      title: '雪かきボランティア',
    });
    const ids: string[] = [];
    for (let i = 0; i < 8; i++) ids.push(await apply(await f.participant(`snow-${i}`), small));

    const results = await Promise.all(
      ids.map((id) => transition(regionStaff, { engagementId: id, action: 'ACCEPT' })),
    );
    const accepted = results.filter((r) => r.data?.transitionEngagement?.status === 'ACCEPTED');
    const full = results.filter((r) => r.errors?.[0]?.extensions?.reason === 'PROJECT_FULL');
    expect(accepted).toHaveLength(3);
    expect(full).toHaveLength(5);
    expect(full[0].errors![0].message).toBe('The project is full: all 3 places are taken');
    const [{ n }] = await platform.dataSource.query(
      `SELECT count(*)::int AS n FROM engagement WHERE project_id = $1 AND status = 'ACCEPTED'`,
      [small],
    );
    expect(n).toBe(3);

    // A place freed by a withdrawal can be taken again.
    const leaving =
      ids[results.findIndex((r) => r.data?.transitionEngagement?.status === 'ACCEPTED')];
    expectData(
      await transition(regionStaff, {
        engagementId: leaving,
        action: 'CANCEL',
        reason: '日程が合わない',
      }),
    );
    const next = ids[results.findIndex((r) => r.errors)];
    expect(
      expectData(await transition(regionStaff, { engagementId: next, action: 'ACCEPT' }))
        .transitionEngagement.status,
    ).toBe('ACCEPTED');
  });

  it('takes applications only from the kinds of participant a project is open to', async () => {
    const regionId = (
      await platform.dataSource.query(
        'SELECT region_organization_id AS id FROM project WHERE id = $1',
        [projectId],
      )
    )[0].id as string;
    const forStudents = await f.publishedProject(interStaff, regionStaff, regionId, {
      title: '大学生向けフィールドワーク',
      eligibleKinds: ['UNIVERSITY_STUDENT'],
    });
    const pro = await f.participant('pro');
    const refused = rejection(
      await platform.gql(
        APPLY,
        { input: { projectId: forStudents, motivation: '週末に町の発信を手伝いたいです。' } },
        pro.token,
      ),
    );
    expect(refused.extensions?.fields).toEqual([
      {
        path: ['input', 'projectId'],
        message: 'is not open to PRO_BONO participants (open to UNIVERSITY_STUDENT)',
      },
    ]);
    // Nor can a region or intermediary scout someone the project is not open to.
    const scouted = rejection(
      await platform.gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        { input: { projectId: forStudents, participantId: pro.id, message: 'いかがですか' } },
        interStaff.token,
      ),
    );
    expect(scouted.extensions?.fields).toEqual([
      {
        path: ['input', 'participantId'],
        message: 'the project is not open to PRO_BONO participants',
      },
    ]);
    const student = await f.participant('gakusei', 'UNIVERSITY_STUDENT');
    expect(await apply(student, forStudents)).toBeTruthy();
  });
});
