import {
  NotificationDelivery,
  NotificationDigest,
  NotificationEvent,
  WebhookDelivery,
} from '@tsunagu/notifications';
import { Project } from '@tsunagu/projects';
import { expectData, Fixtures, Person, uniqueEmail } from './fixtures';
import { eventually, TestPlatform } from './test-platform';

// Every role the authorisation matrix and the fuzzer act as. "proBono" is the participant whose
// engagements the world revolves around; the other participants are strangers to them.
export const ROLES = [
  'anonymous',
  'proBono',
  'universityStudent',
  'highSchoolStudent',
  'employee',
  'companyMember',
  'companyOwner',
  'regionStaff',
  'otherRegionStaff',
  'intermediaryIn',
  'intermediaryOut',
  'admin',
] as const;
export type Role = (typeof ROLES)[number];

export const TERMS = { startDate: '2027-01-10', hoursPerWeek: 4, goals: '町の発信を整える' };
const MOTIVATION = '週末に町の発信を手伝いたいと思っています。';

// One tenant's objects: the world has two, "home" (what the roles act on) and "foreign" (another
// region, intermediary, company and participant), whose ids are the IDOR attempts.
export interface Tenant {
  regionId: string;
  intermediaryId: string;
  companyId: string;
  draftProjectId: string;
  publishedProjectId: string;
  // proBono's (home) or universityStudent's (foreign) engagements.
  submittedEngagementId: string;
  activeEngagementId: string;
  completedEngagementId: string;
  checkInId: string;
  milestoneId: string;
  followUpId: string;
  programId: string;
  cohortId: string;
  companyProgramId: string;
  companyTeamId: string;
  webhookEndpointId: string;
  scoutOfferId: string;
  participantId: string;
  // An intermediary's published event the tenant's participant registered for, and a draft.
  eventId: string;
  draftEventId: string;
  // The active engagement's project, and an activity day on it the participant signed up for.
  activeProjectId: string;
  activityDayId: string;
}

export interface ApiWorld {
  people: Record<Exclude<Role, 'anonymous'>, Person>;
  token(role: Role): string | undefined;
  home: Tenant;
  foreign: Tenant;
  skillId: string;
  skillCategoryCode: string;
  allocationId?: string;
  notificationId?: string;
  // DEAD deliveries to retry (with the worker only): home ones, and the foreign endpoint's.
  deadLetters?: {
    notificationDeliveryId: string;
    notificationDigestId: string;
    webhookDeliveryId: string;
    foreignWebhookDeliveryId: string;
  };
  scoringRunId: string;
  // Someone with no role at all, whose e-mail and tokens the auth operations may use up.
  bystander: Person;
  // A participant open to regions and intermediaries with no engagement: scouted and enrolled.
  scoutTarget: Person;
  // Each home object's id to the foreign tenant's object of the same kind (fresh ones included).
  counterpart: Map<string, string>;
  // Makes a fresh object of a kind, for mutations that consume theirs (archive, delete, withdraw).
  fresh: FreshObjects;
}

export interface FreshObjects {
  draftProject(tenant?: 'home' | 'foreign'): Promise<string>;
  publishedProject(tenant?: 'home' | 'foreign'): Promise<string>;
  closedProject(): Promise<string>;
  inReviewProject(): Promise<string>;
  application(
    status: 'SUBMITTED' | 'ACCEPTED' | 'APPROVED' | 'ACTIVE' | 'COMPLETED',
    who?: Person,
  ): Promise<string>;
  webhookEndpoint(): Promise<string>;
  scoutOffer(to?: Person): Promise<string>;
  participant(label: string): Promise<Person>;
  draftEvent(): Promise<string>;
  publishedEvent(): Promise<string>;
  // A published event proBono registered for.
  registeredEvent(): Promise<string>;
  // The guardian's consent asked for when highSchoolStudent applied to a fresh project.
  guardianConsent(): Promise<string>;
}

// A Japan date some days ahead (YYYY-MM-DD).
export const jstDate = (daysAhead: number) =>
  new Date(Date.now() + 9 * 3_600_000 + daysAhead * 86_400_000).toISOString().slice(0, 10);

const one = (data: any) => Object.values(data)[0] as any;

// Builds, through the API, two tenants with objects in many states. `worker` adds what only the
// worker makes (a notification, an allocation proposal); the fuzzer runs without one.
export async function buildApiWorld(
  platform: TestPlatform,
  options: { worker: boolean },
): Promise<ApiWorld> {
  const f = new Fixtures(platform);
  const gql = async (query: string, variables: Record<string, unknown>, who?: Person) =>
    one(expectData(await platform.gql(query, variables, who?.token)));

  const admin = await f.admin();
  const [regionStaff, otherRegionStaff, intermediaryIn, intermediaryOut] = await Promise.all([
    f.signUp('bihoro-staff'),
    f.signUp('morioka-staff'),
    f.signUp('hokkaido-hub'),
    f.signUp('iwate-hub'),
  ]);
  const [companyOwner, companyMember, foreignOwner] = await Promise.all([
    f.signUp('company-owner'),
    f.signUp('company-member'),
    f.signUp('other-company-owner'),
  ]);
  // Profiles open to regions too, so region staff may scout and see them.
  const participant = async (label: string, input: Record<string, unknown>) => {
    const person = await f.signUp(label);
    expectData(
      await f.saveProfile(person, {
        homeMunicipalityCode: '131130',
        bio: 'Tokyo',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
        ...input,
      }),
    );
    return person;
  };
  const [proBono, universityStudent, highSchoolStudent] = await Promise.all([
    participant('pro-bono', { kind: 'PRO_BONO' }),
    participant('student', { kind: 'UNIVERSITY_STUDENT' }),
    participant('high-school', {
      kind: 'HIGH_SCHOOL_STUDENT',
      dateOfBirth: '2010-04-01',
      guardianName: '渡辺 恵子',
      guardianEmail: uniqueEmail('guardian'),
      guardianConsent: true,
    }),
  ]);

  const regionId = await f.region(admin, '015431', [regionStaff]); // 美幌町, 北海道
  const foreignRegionId = await f.region(admin, '032018', [otherRegionStaff]); // 盛岡市, 岩手県
  const intermediaryId = await f.intermediary(admin, { prefectureCodes: ['01'] }, [intermediaryIn]);
  const foreignIntermediaryId = await f.intermediary(admin, { prefectureCodes: ['03'] }, [
    intermediaryOut,
  ]);
  const companyId = await f.company(admin, companyOwner, '北の株式会社');
  await f.addMember(admin, companyId, companyMember);
  const foreignCompanyId = await f.company(admin, foreignOwner, '南の株式会社');
  const employee = await f.employee(admin, companyId, 'employee');
  const foreignEmployee = await f.employee(admin, foreignCompanyId, 'other-employee');

  const people = {
    proBono,
    universityStudent,
    highSchoolStudent,
    employee,
    companyMember,
    companyOwner,
    regionStaff,
    otherRegionStaff,
    intermediaryIn,
    intermediaryOut,
    admin,
  };
  const side = (tenant: 'home' | 'foreign') =>
    tenant === 'home'
      ? { staff: regionStaff, hub: intermediaryIn, region: regionId }
      : { staff: otherRegionStaff, hub: intermediaryOut, region: foreignRegionId };

  const draftProject = (tenant: 'home' | 'foreign' = 'home') =>
    f.project(side(tenant).staff, side(tenant).region, { capacity: 50 });
  const publishedProject = async (tenant: 'home' | 'foreign' = 'home') => {
    const id = await draftProject(tenant);
    await f.publish(side(tenant).hub, id);
    // Open to every kind of participant, company employees included.
    await platform.dataSource.getRepository(Project).update(id, {
      eligibleKinds: ['PRO_BONO', 'UNIVERSITY_STUDENT', 'HIGH_SCHOOL_STUDENT', 'COMPANY_EMPLOYEE'],
    } as any);
    return id;
  };
  const transition = (who: Person, engagementId: string, action: string, extra = {}) =>
    gql(
      `mutation($input: TransitionEngagementInput!) { transitionEngagement(input: $input) { id } }`,
      { input: { engagementId, action, ...extra } },
      who,
    );
  const application = async (
    status: 'SUBMITTED' | 'ACCEPTED' | 'APPROVED' | 'ACTIVE' | 'COMPLETED',
    who: Person = proBono,
    tenant: 'home' | 'foreign' = 'home',
  ) => {
    const projectId = await publishedProject(tenant);
    const { id } = await gql(
      `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { id } }`,
      { input: { projectId, motivation: MOTIVATION } },
      who,
    );
    const steps = ['SUBMITTED', 'ACCEPTED', 'APPROVED', 'ACTIVE', 'COMPLETED'];
    const upTo = steps.indexOf(status);
    if (upTo >= 1) await transition(side(tenant).staff, id, 'ACCEPT');
    if (upTo >= 2) await transition(side(tenant).hub, id, 'APPROVE', { terms: TERMS });
    if (upTo >= 3) await transition(side(tenant).staff, id, 'START');
    if (upTo >= 4) await transition(side(tenant).staff, id, 'COMPLETE');
    return id;
  };
  const webhookEndpoint = async (owner: Person = companyOwner, organizationId = companyId) =>
    (
      await gql(
        `mutation($input: CreateWebhookEndpointInput!) { createWebhookEndpoint(input: $input) { endpoint { id } } }`,
        {
          input: {
            organizationId,
            url: 'https://crm.example.jp/hooks',
            eventTypes: ['APPLICATION_SUBMITTED'],
          },
        },
        owner,
      )
    ).endpoint.id as string;
  const scoutOffer = async (
    to: Person = proBono,
    tenant: 'home' | 'foreign' = 'home',
  ): Promise<string> =>
    (
      await gql(
        `mutation($input: SendScoutOfferInput!) { sendScoutOffer(input: $input) { id } }`,
        {
          input: {
            projectId: await publishedProject(tenant),
            participantId: to.id,
            message: 'ぜひ一度お話ししませんか。',
          },
        },
        side(tenant).staff,
      )
    ).id as string;

  const draftEvent = async (tenant: 'home' | 'foreign' = 'home') =>
    (
      await gql(
        `mutation($input: CreateEventInput!) { createEvent(input: $input) { id } }`,
        {
          input: {
            organizerOrganizationId: tenant === 'home' ? intermediaryId : foreignIntermediaryId,
            format: 'ONLINE',
            titleJa: '関係人口オンライン交流会',
            descriptionJa: '地域の方とオンラインで話しましょう。',
            meetingUrl: 'https://meet.example.jp/world',
            startsAt: new Date(Date.now() + 30 * 86_400_000).toISOString(),
            endsAt: new Date(Date.now() + 30 * 86_400_000 + 7_200_000).toISOString(),
          },
        },
        side(tenant).hub,
      )
    ).id as string;
  const publishedEvent = async (tenant: 'home' | 'foreign' = 'home') => {
    const id = await draftEvent(tenant);
    await gql(`mutation($id: ID!) { publishEvent(id: $id) { id } }`, { id }, side(tenant).hub);
    return id;
  };
  const registeredEvent = async (who: Person = proBono, tenant: 'home' | 'foreign' = 'home') => {
    const id = await publishedEvent(tenant);
    await gql(`mutation($id: ID!) { registerForEvent(eventId: $id) { id } }`, { id }, who);
    return id;
  };

  const tenant = async (
    which: 'home' | 'foreign',
    who: Person,
    hubOrg: string,
    company: { id: string; owner: Person; employee: Person },
  ): Promise<Tenant> => {
    const { staff, hub } = side(which);
    const engaged = (async () => {
      const active = await application('ACTIVE', who, which);
      const checkIn = await gql(
        `mutation($input: AddCheckInInput!) { addCheckIn(input: $input) { id } }`,
        { input: { engagementId: active, hours: 3, summary: '資料を整理しました' } },
        who,
      );
      const milestone = await gql(
        `mutation($input: AddMilestoneInput!) { addMilestone(input: $input) { id } }`,
        { input: { engagementId: active, title: '中間報告', dueDate: '2027-02-01' } },
        staff,
      );
      const [{ project_id: projectId }] = await platform.dataSource.query<
        Array<{ project_id: string }>
      >(`SELECT project_id FROM engagement WHERE id = $1`, [active]);
      const [day] = await gql(
        `mutation($input: PublishActivityDaysInput!) { publishActivityDays(input: $input) { id } }`,
        {
          input: {
            projectId,
            dates: [{ date: jstDate(30), startTime: '09:00', endTime: '12:00' }],
            places: 5,
            meetingPoint: '役場前',
          },
        },
        staff,
      );
      await gql(
        `mutation($id: ID!) { signUpForActivityDay(activityDayId: $id) { id } }`,
        { id: day.id },
        who,
      );
      return {
        active,
        checkIn: checkIn.id as string,
        milestone: milestone.id as string,
        projectId,
        activityDayId: day.id as string,
      };
    })();
    const done = (async () => {
      const completed = await application('COMPLETED', who, which);
      const followUps = await gql(`{ myFollowUps { id engagementId } }`, {}, who);
      return {
        completed,
        followUp: followUps.find((x: any) => x.engagementId === completed).id as string,
      };
    })();
    const programs = (async () => {
      const program = await gql(
        `mutation($input: CreateProgramInput!) { createProgram(input: $input) { id } }`,
        { input: { intermediaryOrganizationId: hubOrg, name: 'つながり', description: '' } },
        hub,
      );
      const cohort = await gql(
        `mutation($input: CreateCohortInput!) { createCohort(input: $input) { id } }`,
        { input: { programId: program.id, name: '夏のマッチング会' } },
        hub,
      );
      return { program: program.id as string, cohort: cohort.id as string };
    })();
    const companyProgram = gql(
      `mutation($input: CreateCompanyProgramInput!) { createCompanyProgram(input: $input) { id } }`,
      { input: { companyOrganizationId: company.id, name: '地域留職', startDate: '2027-04-01' } },
      company.owner,
    );
    const team = gql(
      `mutation($input: CreateCompanyTeamInput!) { createCompanyTeam(input: $input) { id } }`,
      {
        input: {
          companyOrganizationId: company.id,
          name: '地域DXチーム',
          memberEmails: [company.employee.email],
        },
      },
      company.owner,
    );
    const [e, d, p, cp, t, draft, published, submitted, endpoint, offer, event, draftE] =
      await Promise.all([
        engaged,
        done,
        programs,
        companyProgram,
        team,
        draftProject(which),
        publishedProject(which),
        application('SUBMITTED', who, which),
        webhookEndpoint(company.owner, company.id),
        scoutOffer(who, which),
        registeredEvent(who, which),
        draftEvent(which),
      ]);
    return {
      regionId: side(which).region,
      intermediaryId: hubOrg,
      companyId: company.id,
      draftProjectId: draft,
      publishedProjectId: published,
      submittedEngagementId: submitted,
      activeEngagementId: e.active,
      completedEngagementId: d.completed,
      checkInId: e.checkIn,
      milestoneId: e.milestone,
      followUpId: d.followUp,
      programId: p.program,
      cohortId: p.cohort,
      companyProgramId: cp.id,
      companyTeamId: t.id,
      webhookEndpointId: endpoint,
      scoutOfferId: offer,
      participantId: who.id,
      eventId: event,
      draftEventId: draftE,
      activeProjectId: e.projectId,
      activityDayId: e.activityDayId,
    };
  };

  const [home, foreign] = await Promise.all([
    tenant('home', proBono, intermediaryId, { id: companyId, owner: companyOwner, employee }),
    tenant('foreign', universityStudent, foreignIntermediaryId, {
      id: foreignCompanyId,
      owner: foreignOwner,
      employee: foreignEmployee,
    }),
  ]);

  // Cohort of the home program with proBono in it, ranked, so there is something to allocate.
  await gql(
    `mutation($input: AddCohortProjectsInput!) { addCohortProjects(input: $input) { id } }`,
    { input: { cohortId: home.cohortId, projects: [{ projectId: home.publishedProjectId }] } },
    intermediaryIn,
  );
  await gql(
    `mutation($input: AddCohortMembersInput!) { addCohortMembers(input: $input) { id } }`,
    { input: { cohortId: home.cohortId, participantIds: [proBono.id] } },
    intermediaryIn,
  );
  await gql(
    `mutation($input: RankCohortProjectsInput!) { rankCohortProjects(input: $input) { id } }`,
    { input: { cohortId: home.cohortId, projectIds: [home.publishedProjectId] } },
    proBono,
  );

  const skillId = await f.skill('Design');
  const scoringRun = await gql(
    `mutation($input: StartFullRescoreInput!) { startFullRescore(input: $input) { id } }`,
    { input: { reason: 'world' } },
    admin,
  );

  const bystander = await f.signUp('bystander');
  const scoutTarget = await participant('scout-target', { kind: 'PRO_BONO' });
  const counterpart = new Map<string, string>();
  for (const key of Object.keys(home) as Array<keyof Tenant>)
    counterpart.set(home[key], foreign[key]);
  const paired = async (id: Promise<string>, other: string) => {
    const made = await id;
    counterpart.set(made, other);
    return made;
  };
  const byStatus = {
    SUBMITTED: foreign.submittedEngagementId,
    ACCEPTED: foreign.submittedEngagementId,
    APPROVED: foreign.activeEngagementId,
    ACTIVE: foreign.activeEngagementId,
    COMPLETED: foreign.completedEngagementId,
  };

  let allocationId: string | undefined;
  let notificationId: string | undefined;
  if (options.worker) {
    allocationId = (
      await gql(
        `mutation($cohortId: ID!) { runAllocation(cohortId: $cohortId, mode: STABLE) { id } }`,
        { cohortId: home.cohortId },
        intermediaryIn,
      )
    ).id;
    await eventually(async () => {
      const { allocation } = expectData(
        await platform.gql(
          `query($id: ID!) { allocation(id: $id) { status } }`,
          { id: allocationId },
          intermediaryIn.token,
        ),
      );
      return !['QUEUED', 'RUNNING'].includes(allocation.status);
    }, 30_000);
    const firstNotification = (who: Person) =>
      eventually(async () => {
        const { myNotifications } = expectData(
          await platform.gql(
            `{ myNotifications(first: 1) { edges { node { id } } } }`,
            {},
            who.token,
          ),
        );
        return myNotifications.edges[0]?.node.id as string | undefined;
      }, 30_000);
    const [mine, theirs] = await Promise.all([
      firstNotification(proBono),
      firstNotification(universityStudent),
    ]);
    notificationId = mine;
    counterpart.set(mine, theirs);
  }

  let deadLetters: ApiWorld['deadLetters'];
  if (options.worker) {
    // No API call makes a delivery fail for good; written as the worker leaves one it gave up on.
    const db = platform.dataSource;
    const event = await db.getRepository(NotificationEvent).findOneByOrFail({});
    const dead = { status: 'DEAD', attempts: 5, lastError: 'gave up' } as const;
    const webhook = (endpointId: string) =>
      db.getRepository(WebhookDelivery).save({ endpointId, eventId: event.id, ...dead } as any);
    deadLetters = {
      notificationDeliveryId: (
        await db.getRepository(NotificationDelivery).save({
          eventId: event.id,
          recipientId: proBono.id,
          role: 'PARTICIPANT',
          channel: 'EMAIL',
          mode: 'IMMEDIATELY',
          ...dead,
        } as any)
      ).id,
      notificationDigestId: (
        await db.getRepository(NotificationDigest).save({
          recipientId: proBono.id,
          localDate: '2026-12-01',
          timeZone: 'Asia/Tokyo',
          ...dead,
        } as any)
      ).id,
      webhookDeliveryId: (await webhook(home.webhookEndpointId)).id,
      foreignWebhookDeliveryId: (await webhook(foreign.webhookEndpointId)).id,
    };
    counterpart.set(deadLetters.webhookDeliveryId, deadLetters.foreignWebhookDeliveryId);
  }

  return {
    people,
    deadLetters,
    token: (role) => (role === 'anonymous' ? undefined : people[role].token),
    home,
    foreign,
    skillId,
    skillCategoryCode: 'test',
    allocationId,
    notificationId,
    scoringRunId: scoringRun.id,
    bystander,
    scoutTarget,
    counterpart,
    fresh: {
      draftProject: (which = 'home') => paired(draftProject(which), foreign.draftProjectId),
      publishedProject: (which = 'home') =>
        paired(publishedProject(which), foreign.publishedProjectId),
      closedProject: () =>
        paired(
          (async () => {
            const id = await publishedProject();
            await gql(`mutation($id: ID!) { closeProject(id: $id) { id } }`, { id }, regionStaff);
            return id;
          })(),
          foreign.publishedProjectId,
        ),
      inReviewProject: () =>
        paired(
          (async () => {
            const id = await draftProject();
            await f.submit(id);
            return id;
          })(),
          foreign.draftProjectId,
        ),
      application: (status, who = proBono) => paired(application(status, who), byStatus[status]),
      webhookEndpoint: () => paired(webhookEndpoint(), foreign.webhookEndpointId),
      scoutOffer: (to = proBono) => paired(scoutOffer(to), foreign.scoutOfferId),
      participant: (label) => participant(label, { kind: 'PRO_BONO' }),
      draftEvent: () => paired(draftEvent(), foreign.draftEventId),
      publishedEvent: () => paired(publishedEvent(), foreign.eventId),
      registeredEvent: () => paired(registeredEvent(), foreign.eventId),
      guardianConsent: async () => {
        const projectId = await publishedProject();
        const applied = await gql(
          `mutation($input: ApplyToProjectInput!) { applyToProject(input: $input) { guardianConsent { id } } }`,
          { input: { projectId, motivation: MOTIVATION } },
          highSchoolStudent,
        );
        return applied.guardianConsent.id as string;
      },
    },
  };
}
