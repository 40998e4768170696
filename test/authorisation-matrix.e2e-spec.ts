import { randomBytes } from 'node:crypto';
import { DataSource } from 'typeorm';
import { ApiWorld, buildApiWorld, jstDate, Role, ROLES } from './support/api-world';
import { PASSWORD, uniqueEmail } from './support/fixtures';
import { documentFor, SchemaOperation, schemaOperations } from './support/schema-operations';
import { startTestPlatform, TestPlatform } from './support/test-platform';

// Thousands of calls from one address and a few users: rate limits are another test's subject.
const UNLIMITED = {
  RATE_LIMIT_USER_POINTS: '1000000000',
  RATE_LIMIT_IP_POINTS: '1000000000',
  MESSAGES_PER_USER_PER_MINUTE: '1000000',
};

// Who may call each operation, from the schema's descriptions and the policy; checked against the
// API as every role. An operation missing here fails the test: a new one needs its row.
type Args = (w: ApiWorld, role: Role) => Record<string, unknown> | Promise<Record<string, unknown>>;
interface Row {
  // Marked @Public(): anonymous callers are not refused as such (they may still get NOT_FOUND).
  public?: boolean;
  allow: readonly Role[];
  args?: Args;
  // What an allowed call may answer besides data (e.g. CONFLICT when an earlier role already did
  // it, NOT_FOUND when the world cannot make the object: the row then checks only the refusals).
  alsoAllowed?: readonly string[];
  // What a refused call answers, when it must be one code (default: FORBIDDEN or NOT_FOUND).
  refusedWith?: readonly string[];
  // Runs after every other mutation (it ends what others need, e.g. confirming an allocation).
  last?: boolean;
  // Id arguments that may name another tenant's object (public objects).
  idorExempt?: readonly string[];
}

const PARTICIPANTS = ['proBono', 'universityStudent', 'highSchoolStudent', 'employee'] as const;
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
const EVERYONE = ROLES;
const STAFF_OF_PROJECT = ['regionStaff', 'intermediaryIn', 'admin'] as const;
// Engagements are their participant's, region's and supervising intermediaries': not admins'.
const SUPERVISORS = ['regionStaff', 'intermediaryIn'] as const;
const ENGAGED = ['proBono', ...SUPERVISORS] as const;
const REMITS = ['intermediaryIn', 'intermediaryOut'] as const;
const INTERMEDIARY = ['intermediaryIn', 'admin'] as const;
const COMPANY_MANAGERS = ['companyOwner', 'admin'] as const;
const COMPANY_MEMBERS = ['companyOwner', 'companyMember', 'employee', 'admin'] as const;
const ADMIN = ['admin'] as const;
const REGION_EDITORS = ['regionStaff', 'admin'] as const;
const POPULATION_CSV = [
  'age,male,female',
  ...Array.from({ length: 18 }, (_, i) => `${i * 5}-${i * 5 + 4},10,10`),
  '90+,5,5',
].join('\n');
const IDOR_REFUSALS = new Set(['UNAUTHENTICATED', 'FORBIDDEN', 'NOT_FOUND', 'BAD_USER_INPUT']);
const MOTIVATION = '週末に町の発信を手伝いたいと思っています。';
let activityDayOffset = 0;
const unique = (label: string) => `${label}-${randomBytes(4).toString('hex')}`;

// The thread of the home tenant's active engagement, paired with the foreign one's for the IDOR
// swaps (threads open with their engagement; the world knows only the engagements' ids).
let threadIds: Promise<string> | undefined;
const homeThread = (w: ApiWorld): Promise<string> =>
  (threadIds ??= (async () => {
    const threadOf = async (engagementId: string): Promise<string> =>
      (
        await threadsDb.query<Array<{ id: string }>>(
          `SELECT id FROM conversation WHERE engagement_id = $1`,
          [engagementId],
        )
      )[0].id;
    const home = await threadOf(w.home.activeEngagementId);
    w.counterpart.set(home, await threadOf(w.foreign.activeEngagementId));
    return home;
  })());

// Mentoring: intermediaryOut is the world's mentor (a person, on no side of the home tenant); the
// home region books. Slots, bookings and follow-ups are made in the database, fresh per call.
let mentorOf: Promise<string> | undefined;
let slotHour = 0;
const worldMentor = (w: ApiWorld): Promise<string> =>
  (mentorOf ??= (async () =>
    (
      await threadsDb.query<Array<{ id: string }>>(
        `INSERT INTO mentor (user_id, bio_ja) VALUES ($1, '地域の企画づくりを手伝っています。')
         ON CONFLICT (user_id) DO UPDATE SET bio_ja = EXCLUDED.bio_ja RETURNING id`,
        [w.people.intermediaryOut.id],
      )
    )[0].id)());
const mentoringSlot = async (w: ApiWorld): Promise<string> => {
  const mentorId = await worldMentor(w);
  const hour = 1000 + (slotHour += 2);
  return (
    await threadsDb.query<Array<{ id: string }>>(
      `INSERT INTO mentoring_slot (mentor_id, starts_at, ends_at, time_zone, format, meeting_url)
       VALUES ($1, now() + make_interval(hours => $2), now() + make_interval(hours => $2 + 1),
               'Asia/Tokyo', 'ONLINE', 'https://meet.example.jp/m') RETURNING id`,
      [mentorId, hour],
    )
  )[0].id;
};
const mentoringBooking = async (w: ApiWorld): Promise<string> => {
  const slotId = await mentoringSlot(w);
  return (
    await threadsDb.query<Array<{ id: string }>>(
      `INSERT INTO mentoring_booking (slot_id, organization_id, initiative_title, polish, starts_at, ends_at)
       SELECT id, $2, '棚田オーナー制度', '会員を増やす発信を見直したい。', starts_at, ends_at
         FROM mentoring_slot WHERE id = $1 RETURNING id`,
      [slotId, w.home.regionId],
    )
  )[0].id;
};
const mentoringFollowUp = async (w: ApiWorld): Promise<string> =>
  (
    await threadsDb.query<Array<{ id: string }>>(
      `INSERT INTO mentoring_follow_up (booking_id, text) VALUES ($1, 'チラシ案を作る') RETURNING id`,
      [await mentoringBooking(w)],
    )
  )[0].id;
const MENTOR = ['intermediaryOut'] as const;
const MENTORING_PARTIES = ['regionStaff', 'intermediaryOut'] as const;
const MENTOR_PROFILE = {
  bioJa: '地域の企画づくりを手伝っています。',
  themeCodes: [],
  offersOnline: true,
  offersOnSite: false,
};

// Threads are their parties'; platform admins read them.
const THREAD_READERS = [...ENGAGED, 'admin'] as const;

// A pending invitation of the home company to the address given, made in the database.
const invitation = async (w: ApiWorld, email: string): Promise<string> =>
  (
    await threadsDb.query<Array<{ id: string }>>(
      `INSERT INTO company_invitation (company_organization_id, email) VALUES ($1, $2)
       ON CONFLICT (company_organization_id, email) DO UPDATE SET accepted_at = NULL RETURNING id`,
      [w.home.companyId, email],
    )
  )[0].id;

const KPI_FILTER = { filter: { from: '2026-01-01', to: '2027-12-31' } };
const WEIGHTS = {
  skills: 0.3,
  distance: 0.1,
  availability: 0.1,
  theme: 0.2,
  goal: 0.1,
  fairness: 0.1,
  tie: 0.1,
};

const MATRIX: Record<string, Row> = {
  // Queries
  allocation: { allow: ['intermediaryIn'], args: (w) => ({ id: w.allocationId }) },
  cohort: { allow: ['intermediaryIn', 'proBono'], args: (w) => ({ id: w.home.cohortId }) },
  conversation: { allow: THREAD_READERS, args: async (w) => ({ id: await homeThread(w) }) },
  engagementConversation: {
    allow: THREAD_READERS,
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  messages: {
    allow: THREAD_READERS,
    args: async (w) => ({ conversationId: await homeThread(w) }),
  },
  myConversations: { allow: SIGNED_IN },
  scoutOfferConversation: {
    allow: THREAD_READERS,
    args: (w) => ({ scoutOfferId: w.home.scoutOfferId }),
  },
  unreadMessageCount: { allow: SIGNED_IN },
  companyEmployees: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ companyOrganizationId: w.home.companyId }),
  },
  companyInvitations: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ companyOrganizationId: w.home.companyId }),
  },
  companyImpact: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      companyOrganizationId: w.home.companyId,
      from: '2026-01-01',
      to: '2027-12-31',
    }),
  },
  companyTeamApplications: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ companyOrganizationId: w.home.companyId }),
  },
  myCompanyInvitations: { allow: SIGNED_IN },
  companyPrograms: {
    allow: COMPANY_MEMBERS,
    args: (w) => ({ companyOrganizationId: w.home.companyId }),
  },
  companyTeams: {
    allow: COMPANY_MEMBERS,
    args: (w) => ({ companyOrganizationId: w.home.companyId }),
  },
  // Remit lists: admins have no remit.
  dueFollowUps: { allow: REMITS },
  // Published events are everyone's; their registrants and drafts are the organiser's staff's
  // (not admins': the names are the organiser's to see).
  event: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ id: w.home.eventId }),
    idorExempt: ['id'],
  },
  events: { public: true, allow: EVERYONE },
  mentors: { allow: SIGNED_IN },
  myMentorDesk: { allow: SIGNED_IN },
  // An organisation's sessions are its staff's (not admins').
  organizationMentoringSessions: {
    allow: ['regionStaff'],
    args: (w) => ({ organizationId: w.home.regionId }),
  },
  eventRegistrations: { allow: ['intermediaryIn'], args: (w) => ({ eventId: w.home.eventId }) },
  myEvents: { allow: SIGNED_IN },
  // A project's days with their sign-ups are its region's; an engagement's, its parties'.
  projectActivityDays: {
    allow: ['regionStaff'],
    args: (w) => ({ projectId: w.home.activeProjectId }),
  },
  engagementActivityDays: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  organizationEvents: {
    allow: ['intermediaryIn'],
    args: (w) => ({ organizationId: w.home.intermediaryId }),
  },
  presentingRegionCandidates: {
    allow: ['intermediaryIn'],
    args: (w) => ({ organizationId: w.home.intermediaryId }),
  },
  // Its page: the parties, and admins who read it.
  engagement: {
    allow: [...ENGAGED, 'admin'],
    args: (w) => ({ id: w.home.activeEngagementId }),
  },
  engagementCheckIns: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  engagementCompletion: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.completedEngagementId }),
  },
  engagementContacts: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  engagementFeedback: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.completedEngagementId }),
  },
  // Read as the engagement is: its parties, and admins for support.
  engagementHistory: {
    allow: [...ENGAGED, 'admin'],
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  engagementKpis: {
    allow: [...STAFF_OF_PROJECT, 'otherRegionStaff', 'intermediaryOut'],
    args: () => KPI_FILTER,
  },
  engagementKpisCsv: {
    allow: [...STAFF_OF_PROJECT, 'otherRegionStaff', 'intermediaryOut'],
    args: () => KPI_FILTER,
  },
  engagementMilestones: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  engagementNotes: {
    allow: ENGAGED,
    args: (w) => ({ engagementId: w.home.activeEngagementId }),
  },
  me: { allow: SIGNED_IN },
  myApplications: { allow: SIGNED_IN },
  myEngagements: { allow: SIGNED_IN },
  myEngagementForProject: {
    allow: SIGNED_IN,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
    // Another tenant's project: it answers null, the caller's own engagement with it (none).
    idorExempt: ['projectId'],
  },
  myCohorts: { allow: SIGNED_IN },
  myCompanyTeams: { allow: SIGNED_IN },
  myFollowUps: { allow: SIGNED_IN },
  myInterests: { allow: SIGNED_IN },
  myNotificationPreferences: { allow: SIGNED_IN },
  myNotifications: { allow: SIGNED_IN },
  myParticipantProfile: { allow: SIGNED_IN },
  myRegionRelationships: { allow: SIGNED_IN },
  myScoutOffers: { allow: SIGNED_IN },
  municipalities: { public: true, allow: EVERYONE, args: () => ({ prefectureCode: '01' }) },
  notificationDeliveries: { allow: ADMIN },
  notificationDigests: { allow: ADMIN },
  // Colleagues see each other; e-mail addresses only for owners (organization-page e2e).
  organizationMembers: {
    allow: COMPANY_MEMBERS,
    args: (w) => ({ organizationId: w.home.companyId }),
  },
  organizations: { allow: ADMIN },
  organization: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ id: w.home.regionId }),
    idorExempt: ['id'],
  },
  organizationProjects: {
    allow: STAFF_OF_PROJECT,
    args: (w) => ({ organizationId: w.home.regionId }),
  },
  overdueApplications: { allow: REMITS },
  participantProfile: {
    allow: ['regionStaff', 'otherRegionStaff', 'intermediaryIn', 'intermediaryOut'],
    args: (w) => ({ userId: w.people.proBono.id }),
    idorExempt: ['userId'],
  },
  previewProgramWeights: {
    allow: INTERMEDIARY,
    args: (w) => ({ input: { programId: w.home.programId, weights: WEIGHTS } }),
  },
  programCohorts: { allow: ['intermediaryIn'], args: (w) => ({ programId: w.home.programId }) },
  programReport: { allow: INTERMEDIARY, args: (w) => ({ programId: w.home.programId }) },
  // Weights explain recommendations: any signed-in person may read them.
  programWeights: {
    allow: SIGNED_IN,
    args: (w) => ({ programId: w.home.programId }),
    idorExempt: ['programId'],
  },
  programs: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ intermediaryOrganizationId: w.home.intermediaryId }),
    idorExempt: ['intermediaryOrganizationId'],
  },
  // A region's public page and its projection: anyone.
  regionProfile: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ organizationId: w.home.regionId }),
    idorExempt: ['organizationId'],
  },
  regionPopulationProjection: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ organizationId: w.home.regionId }),
    idorExempt: ['organizationId'],
  },
  // Council membership: the admins' queue; an organisation's own status for its members.
  councilMembershipApplications: { allow: ADMIN },
  councilMembership: {
    allow: REGION_EDITORS,
    args: (w) => ({ organizationId: w.home.regionId }),
  },
  // The council's directory: anyone (a non-member is NOT_FOUND); partner suggestions for a
  // member's own staff or admins (CONFLICT for an organisation that is no member).
  councilMembers: { public: true, allow: EVERYONE },
  councilMember: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ organizationId: w.home.regionId }),
    alsoAllowed: ['NOT_FOUND'],
    idorExempt: ['organizationId'],
  },
  councilPartnerSuggestions: {
    allow: REGION_EDITORS,
    args: (w) => ({ organizationId: w.home.regionId }),
    alsoAllowed: ['CONFLICT'],
  },
  // The intermediary's staff (its remit's projects in review), or admins.
  // The link's token is the guardian's authority: an unknown one is NOT_FOUND for everybody.
  guardianConsentRequest: {
    public: true,
    allow: EVERYONE,
    args: () => ({ input: { token: 'A'.repeat(43) } }),
    alsoAllowed: ['NOT_FOUND'],
  },
  reviewQueue: { allow: INTERMEDIARY, args: (w) => ({ organizationId: w.home.intermediaryId }) },
  project: { public: true, allow: STAFF_OF_PROJECT, args: (w) => ({ id: w.home.draftProjectId }) },
  projectApplications: {
    allow: STAFF_OF_PROJECT,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
  },
  projectEngagements: {
    allow: STAFF_OF_PROJECT,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
  },
  // Admins are allowed but see no one: visibility is the participant's consent.
  projectInterests: {
    allow: STAFF_OF_PROJECT,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
  },
  projectHistory: { allow: STAFF_OF_PROJECT, args: (w) => ({ projectId: w.home.draftProjectId }) },
  projectScoutOffers: {
    allow: STAFF_OF_PROJECT,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
  },
  projects: { public: true, allow: EVERYONE },
  // Admins see no profiles: visibility is the participant's consent.
  recommendedCandidates: {
    allow: SUPERVISORS,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
  },
  recommendedProjects: { allow: SIGNED_IN },
  regionRelationships: {
    allow: SUPERVISORS,
    args: (w) => ({ regionOrganizationId: w.home.regionId }),
  },
  resolveSkill: { public: true, allow: EVERYONE, args: () => ({ name: 'デザイン' }) },
  scoringRun: { allow: ADMIN, args: (w) => ({ id: w.scoringRunId }) },
  searchParticipants: {
    allow: ['regionStaff', 'otherRegionStaff', 'intermediaryIn', 'intermediaryOut'],
  },
  skillCategories: { public: true, allow: EVERYONE },
  skills: { public: true, allow: EVERYONE },
  supervisedEngagements: { allow: REMITS },
  supervisedHealthCounts: { allow: REMITS },
  themes: { public: true, allow: EVERYONE },
  unreadNotificationCount: { allow: SIGNED_IN },
  webhookDeadLetters: { allow: ADMIN },
  webhookDeliveries: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ endpointId: w.home.webhookEndpointId }),
  },
  webhookEndpoints: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ organizationId: w.home.companyId }),
  },

  // Mutations
  decideGuardianConsent: {
    public: true,
    allow: EVERYONE,
    args: () => ({
      input: {
        token: 'A'.repeat(43),
        decision: 'CONSENT',
        guardianName: '渡辺 恵子',
        locale: 'ja',
      },
    }),
    alsoAllowed: ['NOT_FOUND'],
  },
  // Only the participant whose guardian it asks; anyone else finds no such request.
  resendGuardianConsent: {
    allow: ['highSchoolStudent'],
    args: async (w) => ({ consentId: await w.fresh.guardianConsent() }),
  },
  addCheckIn: {
    allow: ['proBono'],
    args: (w) => ({
      input: { engagementId: w.home.activeEngagementId, hours: 1, summary: '打ち合わせ' },
    }),
  },
  addCohortMembers: {
    allow: ['intermediaryIn'],
    args: (w) => ({
      input: { cohortId: w.home.cohortId, participantIds: [w.scoutTarget.id] },
    }),
    idorExempt: ['participantIds'],
    alsoAllowed: ['CONFLICT'],
  },
  addCohortProjects: {
    allow: ['intermediaryIn'],
    args: (w) => ({
      input: { cohortId: w.home.cohortId, projects: [{ projectId: w.home.publishedProjectId }] },
    }),
    alsoAllowed: ['CONFLICT'],
  },
  cancelEvent: {
    allow: ['intermediaryIn'],
    args: async (w) => ({
      input: { eventId: await w.fresh.publishedEvent(), reason: '悪天候のため中止します。' },
    }),
  },
  // Only someone registered has a registration to cancel.
  // The region's staff publish, change and call off days and take attendance; a new date each
  // call, since a project has one day per start.
  publishActivityDays: {
    allow: ['regionStaff'],
    args: (w) => ({
      input: {
        projectId: w.home.activeProjectId,
        dates: [{ date: jstDate(100 + ++activityDayOffset), startTime: '09:00', endTime: '12:00' }],
        places: 3,
        meetingPoint: '公民館',
      },
    }),
  },
  updateActivityDay: {
    allow: ['regionStaff'],
    args: (w) => ({ input: { activityDayId: w.home.activityDayId, places: 6 } }),
  },
  // Attendance waits for the day: the world's day is weeks ahead.
  recordActivityDayAttendance: {
    allow: ['regionStaff'],
    args: (w) => ({ input: { activityDayId: w.home.activityDayId, entries: [] } }),
    alsoAllowed: ['CONFLICT'],
  },
  // proBono is signed up already; whichever of signing up and cancelling runs first succeeds.
  signUpForActivityDay: {
    allow: ['proBono'],
    args: (w) => ({ activityDayId: w.home.activityDayId }),
    alsoAllowed: ['CONFLICT'],
  },
  cancelActivityDaySignup: {
    allow: ['proBono'],
    args: (w) => ({ activityDayId: w.home.activityDayId }),
    alsoAllowed: ['CONFLICT'],
  },
  cancelActivityDay: {
    allow: ['regionStaff'],
    args: (w) => ({ activityDayId: w.home.activityDayId }),
    last: true,
  },
  cancelEventRegistration: {
    allow: ['proBono'],
    args: async (w) => ({ eventId: await w.fresh.registeredEvent() }),
  },
  createEvent: {
    allow: ['intermediaryIn'],
    args: (w) => ({
      input: {
        organizerOrganizationId: w.home.intermediaryId,
        format: 'ONLINE',
        titleJa: unique('交流会'),
        descriptionJa: '地域の方とオンラインで話しましょう。',
        meetingUrl: 'https://meet.example.jp/matrix',
        startsAt: '2030-01-10T01:00:00Z',
        endsAt: '2030-01-10T03:00:00Z',
      },
    }),
  },
  appointMentor: {
    allow: ADMIN,
    // Someone new: a role of the world made a mentor would be allowed on the mentor's rows.
    args: async (w) => ({
      input: { email: (await w.fresh.participant('mentor')).email, ...MENTOR_PROFILE },
    }),
  },
  updateMyMentorProfile: {
    allow: MENTOR,
    args: async (w) => {
      await worldMentor(w);
      return { input: MENTOR_PROFILE };
    },
  },
  publishMentoringSlot: {
    allow: MENTOR,
    args: async (w) => {
      await worldMentor(w);
      const hour = 1000 + (slotHour += 2);
      return {
        input: {
          startsAt: new Date(Date.now() + hour * 3_600_000).toISOString(),
          endsAt: new Date(Date.now() + (hour + 1) * 3_600_000).toISOString(),
          format: 'ONLINE',
          meetingUrl: 'https://meet.example.jp/m',
        },
      };
    },
  },
  removeMentoringSlot: { allow: MENTOR, args: async (w) => ({ slotId: await mentoringSlot(w) }) },
  bookMentoringSlot: {
    allow: ['regionStaff'],
    args: async (w) => ({
      input: {
        slotId: await mentoringSlot(w),
        organizationId: w.home.regionId,
        initiativeTitle: '棚田オーナー制度',
        polish: '会員を増やす発信を見直したい。',
      },
    }),
    // The home region's council membership comes and goes with the council's own rows.
    alsoAllowed: ['CONFLICT'],
  },
  cancelMentoringBooking: {
    allow: MENTORING_PARTIES,
    args: async (w) => ({ input: { bookingId: await mentoringBooking(w), reason: '体調不良' } }),
  },
  writeMentoringNotes: {
    allow: MENTOR,
    args: async (w) => ({ input: { bookingId: await mentoringBooking(w), notes: '発信先を絞る' } }),
  },
  addMentoringFollowUp: {
    allow: MENTOR,
    args: async (w) => ({
      input: { bookingId: await mentoringBooking(w), text: 'チラシ案を作る' },
    }),
  },
  setMentoringFollowUpDone: {
    allow: MENTORING_PARTIES,
    args: async (w) => ({ input: { followUpId: await mentoringFollowUp(w), done: true } }),
  },
  publishEvent: {
    allow: ['intermediaryIn'],
    args: async (w) => ({ id: await w.fresh.draftEvent() }),
  },
  // Attendance waits for the start: the world's event is weeks ahead.
  recordEventAttendance: {
    allow: ['intermediaryIn'],
    args: (w) => ({ input: { eventId: w.home.eventId, entries: [] } }),
    alsoAllowed: ['CONFLICT'],
  },
  // Any published event: proBono is registered already.
  registerForEvent: {
    allow: SIGNED_IN,
    args: (w) => ({ eventId: w.home.eventId }),
    alsoAllowed: ['CONFLICT'],
    idorExempt: ['eventId'],
  },
  // Only a matching seminar that took place seeds a cohort: the world's event is neither.
  seedCohortFromEvent: {
    allow: ['intermediaryIn'],
    args: (w) => ({
      input: { eventId: w.home.eventId, programId: w.home.programId, name: unique('cohort') },
    }),
    alsoAllowed: ['CONFLICT'],
  },
  updateEvent: {
    allow: ['intermediaryIn'],
    args: (w) => ({ input: { eventId: w.home.draftEventId, titleJa: unique('交流会') } }),
  },
  addEngagementNote: {
    allow: SUPERVISORS,
    args: (w) => ({
      input: {
        engagementId: w.home.activeEngagementId,
        body: '面談メモ',
        visibility: 'REGION_SHARED',
      },
    }),
  },
  addMilestone: {
    allow: SUPERVISORS,
    args: (w) => ({
      input: { engagementId: w.home.activeEngagementId, title: '報告', dueDate: '2027-02-15' },
    }),
  },
  // Addressed to the employee: anyone else reads it as missing.
  acceptCompanyInvitation: {
    allow: ['employee'],
    args: async (w) => ({
      input: { invitationId: await invitation(w, w.people.employee.email) },
    }),
  },
  addOrganizationMember: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ input: { organizationId: w.home.companyId, email: w.bystander.email } }),
    alsoAllowed: ['CONFLICT'],
  },
  addProjectToCompanyProgram: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      input: { programId: w.home.companyProgramId, projectId: w.home.publishedProjectId },
    }),
    alsoAllowed: ['CONFLICT'],
    idorExempt: ['projectId'],
  },
  addSkillAliases: {
    allow: ADMIN,
    args: (w) => ({ input: { skillId: w.skillId, aliases: [unique('alias')] } }),
  },
  adjustAllocation: {
    allow: ['intermediaryIn'],
    args: (w) => ({
      input: {
        allocationId: w.allocationId,
        moves: [{ participantId: w.people.proBono.id, projectId: w.home.publishedProjectId }],
      },
    }),
  },
  applyAsCompanyTeam: {
    allow: COMPANY_MANAGERS,
    args: async (w) => ({
      input: {
        teamId: w.home.companyTeamId,
        projectId: await w.fresh.publishedProject(),
        motivation: MOTIVATION,
      },
    }),
    idorExempt: ['projectId'],
  },
  applyToProject: {
    allow: PARTICIPANTS,
    args: async (w) => ({
      input: { projectId: await w.fresh.publishedProject(), motivation: MOTIVATION },
    }),
    idorExempt: ['projectId'],
  },
  approveCheckInHours: {
    allow: ['regionStaff'],
    args: (w) => ({ checkInId: w.home.checkInId }),
    alsoAllowed: ['CONFLICT'],
  },
  // Supervisors may discard a draft too (canSupervise).
  archiveProject: {
    allow: STAFF_OF_PROJECT,
    args: async (w) => ({ id: await w.fresh.draftProject() }),
  },
  changePassword: {
    allow: SIGNED_IN,
    // A wrong current password: the world's people keep theirs.
    args: () => ({ input: { currentPassword: 'not-the-password', newPassword: 'long-enough-1' } }),
    alsoAllowed: ['BAD_USER_INPUT'],
  },
  closeProject: {
    allow: STAFF_OF_PROJECT,
    args: async (w) => ({ id: await w.fresh.publishedProject() }),
  },
  commentOnProject: {
    allow: STAFF_OF_PROJECT,
    args: (w) => ({ id: w.home.draftProjectId, comment: '写真を追加してください' }),
  },
  completeMilestone: {
    allow: ENGAGED,
    args: (w) => ({ milestoneId: w.home.milestoneId }),
    alsoAllowed: ['CONFLICT'],
  },
  confirmAllocation: {
    last: true,
    allow: ['intermediaryIn'],
    args: (w) => ({ id: w.allocationId }),
    alsoAllowed: ['CONFLICT'],
  },
  confirmEmailChange: {
    public: true,
    allow: EVERYONE,
    args: () => ({ input: { token: 'not-a-real-token' } }),
    alsoAllowed: ['BAD_USER_INPUT'],
  },
  createCohort: {
    allow: ['intermediaryIn'],
    args: (w) => ({ input: { programId: w.home.programId, name: unique('cohort') } }),
  },
  createCompanyProgram: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      input: {
        companyOrganizationId: w.home.companyId,
        name: unique('program'),
        startDate: '2027-04-01',
      },
    }),
  },
  createCompanyTeam: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      input: {
        companyOrganizationId: w.home.companyId,
        name: unique('team'),
        memberEmails: [w.people.employee.email],
      },
    }),
  },
  createOrganization: {
    allow: ADMIN,
    args: () => ({ input: { kind: 'COMPANY', name: unique('company') } }),
  },
  inviteCompanyEmployee: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      input: { companyOrganizationId: w.home.companyId, email: uniqueEmail('invitee') },
    }),
  },
  createProgram: {
    allow: INTERMEDIARY,
    args: (w) => ({
      input: { intermediaryOrganizationId: w.home.intermediaryId, name: unique('program') },
    }),
  },
  createProject: {
    allow: ['regionStaff'],
    args: (w) => ({
      input: {
        regionOrganizationId: w.home.regionId,
        title: '空き家バンクの立て直し',
        description: '町の空き家情報を整理して発信します。',
        themeCode: 'work',
        mode: 'HYBRID',
        startDate: '2027-01-01',
        capacity: 3,
      },
    }),
  },
  createSkill: {
    allow: ADMIN,
    args: () => ({
      input: {
        categoryCode: 'test',
        code: unique('skill'),
        nameEn: unique('Skill'),
        nameJa: unique('スキル'),
      },
    }),
  },
  createSkillCategory: {
    allow: ADMIN,
    args: () => ({ input: { code: unique('cat'), nameEn: unique('Cat'), nameJa: unique('分類') } }),
  },
  createWebhookEndpoint: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      input: {
        organizationId: w.home.companyId,
        url: 'https://crm.example.jp/hooks',
        eventTypes: ['APPLICATION_SUBMITTED'],
      },
    }),
  },
  deleteMyAccount: {
    allow: SIGNED_IN,
    args: () => ({ input: { password: 'not-the-password' } }),
    alsoAllowed: ['BAD_USER_INPUT'],
  },
  deleteWebhookEndpoint: {
    allow: COMPANY_MANAGERS,
    args: async (w) => ({ id: await w.fresh.webhookEndpoint() }),
  },
  extendProject: {
    allow: STAFF_OF_PROJECT,
    args: async (w) => ({
      input: { projectId: await w.fresh.publishedProject(), endDate: '2027-06-30' },
    }),
  },
  giveEngagementFeedback: {
    allow: ['proBono', 'regionStaff'],
    args: (w) => ({ input: { engagementId: w.home.completedEngagementId, rating: 5 } }),
    alsoAllowed: ['CONFLICT'],
  },
  markAllNotificationsRead: { allow: SIGNED_IN },
  markConversationRead: {
    allow: ENGAGED,
    args: async (w) => ({ conversationId: await homeThread(w) }),
  },
  sendMessage: {
    allow: ENGAGED,
    args: async (w) => ({
      input: { conversationId: await homeThread(w), body: 'よろしくお願いします。' },
    }),
  },
  // The home project is open to every kind of participant; marking again changes nothing.
  markProjectInterest: {
    allow: PARTICIPANTS,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
    idorExempt: ['projectId'],
  },
  markNotificationRead: { allow: ['proBono'], args: (w) => ({ id: w.notificationId }) },
  publishProject: {
    allow: INTERMEDIARY,
    args: async (w) => ({ id: await w.fresh.inReviewProject() }),
  },
  rankCohortProjects: {
    allow: ['proBono'],
    args: (w) => ({
      input: { cohortId: w.home.cohortId, projectIds: [w.home.publishedProjectId] },
    }),
  },
  recordFollowUp: {
    allow: ['proBono', 'intermediaryIn'],
    args: (w) => ({ input: { followUpId: w.home.followUpId, outcomes: ['REVISITED'] } }),
    alsoAllowed: ['CONFLICT'],
  },
  refreshSession: {
    public: true,
    allow: EVERYONE,
    args: async (w) => ({ refreshToken: (await signUpFresh(w)).refreshToken }),
  },
  // The bystander is made a member of the home company again for every call.
  removeCompanyEmployee: {
    allow: COMPANY_MANAGERS,
    args: async (w) => {
      await threadsDb.query(
        `INSERT INTO membership (user_id, organization_id, role) VALUES ($1, $2, 'STAFF')
         ON CONFLICT DO NOTHING`,
        [w.bystander.id, w.home.companyId],
      );
      return { input: { companyOrganizationId: w.home.companyId, userId: w.bystander.id } };
    },
  },
  removeProjectFromCompanyProgram: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({
      input: { programId: w.home.companyProgramId, projectId: w.home.publishedProjectId },
    }),
    alsoAllowed: ['CONFLICT', 'NOT_FOUND'],
    idorExempt: ['projectId'],
  },
  requestEmailChange: {
    allow: SIGNED_IN,
    args: () => ({ input: { password: 'not-the-password', newEmail: uniqueEmail('moved') } }),
    alsoAllowed: ['BAD_USER_INPUT'],
  },
  requestPasswordReset: {
    public: true,
    allow: EVERYONE,
    args: () => ({ input: { email: uniqueEmail('forgetful') } }),
  },
  requestProjectChanges: {
    allow: INTERMEDIARY,
    args: async (w) => ({ id: await w.fresh.inReviewProject(), comment: '日程を見直してください' }),
  },
  // The world's people are verified already.
  resendEmailVerification: { allow: SIGNED_IN, alsoAllowed: ['CONFLICT'] },
  resetPassword: {
    public: true,
    allow: EVERYONE,
    args: () => ({ input: { token: 'not-a-real-token', newPassword: 'long-enough-1' } }),
    alsoAllowed: ['BAD_USER_INPUT'],
  },
  respondToScoutOffer: {
    allow: ['proBono'],
    args: async (w) => ({ input: { offerId: await w.fresh.scoutOffer(), response: 'DECLINE' } }),
  },
  retryNotificationDelivery: {
    allow: ADMIN,
    args: (w) => ({ id: w.deadLetters!.notificationDeliveryId }),
    alsoAllowed: ['CONFLICT'],
  },
  retryNotificationDigest: {
    allow: ADMIN,
    args: (w) => ({ id: w.deadLetters!.notificationDigestId }),
    alsoAllowed: ['CONFLICT'],
  },
  retryWebhookDelivery: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ id: w.deadLetters!.webhookDeliveryId }),
    alsoAllowed: ['CONFLICT'],
  },
  rotateWebhookSecret: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ id: w.home.webhookEndpointId }),
  },
  runAllocation: {
    allow: ['intermediaryIn'],
    args: (w) => ({ cohortId: w.home.cohortId, mode: 'OPTIMAL' }),
    alsoAllowed: ['CONFLICT'],
  },
  saveMyParticipantProfile: {
    allow: SIGNED_IN,
    args: () => ({
      input: {
        kind: 'PRO_BONO',
        homeMunicipalityCode: '131130',
        visibility: 'INTERMEDIARIES_AND_REGIONS',
      },
    }),
  },
  sendScoutOffer: {
    allow: ['regionStaff', 'intermediaryIn'],
    args: async (w) => ({
      input: {
        projectId: await w.fresh.publishedProject(),
        participantId: w.scoutTarget.id,
        message: 'ぜひ一度お話ししませんか。',
      },
    }),
    idorExempt: ['participantId'],
  },
  setNotificationPreference: {
    allow: SIGNED_IN,
    args: () => ({
      input: { channel: 'EMAIL', eventType: 'APPLICATION_SUBMITTED', mode: 'DAILY_DIGEST' },
    }),
  },
  setProgramKpiTargets: {
    allow: INTERMEDIARY,
    args: (w) => ({
      input: {
        programId: w.home.programId,
        fiscalYear: 2026,
        targets: [{ metric: 'MATCHES', target: 10 }],
      },
    }),
  },
  setProgramReview: {
    allow: INTERMEDIARY,
    args: (w) => ({
      input: {
        programId: w.home.programId,
        fiscalYear: 2026,
        plan: '受入れ地域を広げる',
        execution: '',
        evaluation: '',
        improvement: '',
      },
    }),
  },
  setProgramStaleAfterDays: {
    allow: INTERMEDIARY,
    args: (w) => ({ programId: w.home.programId, days: 10 }),
  },
  setProgramWeights: {
    allow: INTERMEDIARY,
    args: (w) => ({ input: { programId: w.home.programId, weights: WEIGHTS } }),
  },
  // A region's page and population: its own staff, or admins.
  importRegionPopulationCsv: {
    allow: REGION_EDITORS,
    args: (w) => ({
      input: { organizationId: w.home.regionId, censusYear: 2020, csv: POPULATION_CSV },
    }),
  },
  saveRegionPopulation: {
    allow: REGION_EDITORS,
    args: (w) => ({
      input: {
        organizationId: w.home.regionId,
        censusYear: 2020,
        male: new Array(19).fill(10),
        female: new Array(19).fill(10),
      },
    }),
  },
  updateRegionProfile: {
    allow: REGION_EDITORS,
    args: (w) => ({ input: { organizationId: w.home.regionId, description: '棚田の町です。' } }),
  },
  // An organisation's own staff apply (once: CONFLICT after) and withdraw; admins decide a
  // pending application (made here for the home intermediary; CONFLICT once decided).
  applyForCouncilMembership: {
    allow: ['regionStaff'],
    args: (w) => ({
      organizationId: w.home.regionId,
      input: { introductionJa: '棚田の町です。ほかの地域と学び合いたいと考えています。' },
    }),
    alsoAllowed: ['CONFLICT'],
  },
  // A member's staff edit its profile (NOT_FOUND before it applied) and write to members on
  // its behalf (CONFLICT unless both are members; members are public, so "to" is any tenant's).
  updateCouncilProfile: {
    allow: ['regionStaff'],
    args: (w) => ({
      organizationId: w.home.regionId,
      input: { introductionJa: '棚田の町です。', offerTags: ['VENUES'] },
    }),
    alsoAllowed: ['NOT_FOUND', 'CONFLICT'],
  },
  contactCouncilMember: {
    allow: ['regionStaff'],
    args: (w) => ({
      input: {
        fromOrganizationId: w.home.regionId,
        toOrganizationId: w.foreign.regionId,
        message: 'はじめまして。',
      },
    }),
    alsoAllowed: ['CONFLICT', 'NOT_FOUND'],
    idorExempt: ['toOrganizationId'],
  },
  withdrawCouncilMembership: {
    allow: ['regionStaff'],
    args: (w) => ({ organizationId: w.home.regionId }),
    alsoAllowed: ['CONFLICT'],
    last: true,
  },
  decideCouncilMembership: {
    allow: ADMIN,
    args: async (w) => ({
      id: (
        await threadsDb.query<Array<{ id: string }>>(
          `INSERT INTO council_memberships (organization_id, status, applied_at, introduction_ja)
           VALUES ($1, 'PENDING', now(), '中間支援の団体です。')
           ON CONFLICT (organization_id) DO UPDATE SET status = 'PENDING' RETURNING id`,
          [w.home.intermediaryId],
        )
      )[0].id,
      approve: true,
    }),
    alsoAllowed: ['CONFLICT'],
  },
  // The bystander addOrganizationMember added: gone after the first allowed call.
  removeOrganizationMember: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ input: { organizationId: w.home.companyId, userId: w.bystander.id } }),
    alsoAllowed: ['NOT_FOUND'],
    idorExempt: ['userId'],
    last: true,
  },
  setRemit: {
    allow: ADMIN,
    args: (w) => ({
      input: { organizationId: w.home.intermediaryId, prefectureCodes: ['01'] },
    }),
  },
  signIn: {
    public: true,
    allow: EVERYONE,
    args: (w) => ({ input: { email: w.bystander.email, password: PASSWORD } }),
  },
  signOut: {
    allow: SIGNED_IN,
    args: async (w) => ({ refreshToken: (await signUpFresh(w)).refreshToken }),
  },
  signUp: {
    public: true,
    allow: EVERYONE,
    args: () => ({
      input: { email: uniqueEmail('newcomer'), password: PASSWORD, displayName: 'newcomer' },
    }),
  },
  startFullRescore: {
    allow: ADMIN,
    args: () => ({ input: { reason: 'matrix' } }),
    alsoAllowed: ['CONFLICT'],
  },
  submitProject: {
    allow: ['regionStaff'],
    args: async (w) => ({ id: await w.fresh.draftProject() }),
  },
  transitionEngagement: {
    allow: ['regionStaff'],
    args: async (w) => ({
      input: { engagementId: await w.fresh.application('SUBMITTED'), action: 'ACCEPT' },
    }),
  },
  unmarkProjectInterest: {
    allow: SIGNED_IN,
    args: (w) => ({ projectId: w.home.publishedProjectId }),
    idorExempt: ['projectId'],
  },
  updateMySettings: { allow: SIGNED_IN, args: () => ({ input: { locale: 'ja' } }) },
  updateProject: {
    allow: ['regionStaff'],
    args: (w) => ({
      input: { projectId: w.home.draftProjectId, changes: { title: '空き家バンクの再生' } },
    }),
  },
  updateSkill: {
    allow: ADMIN,
    args: (w) => ({ input: { id: w.skillId, nameEn: unique('Design') } }),
  },
  updateWebhookEndpoint: {
    allow: COMPANY_MANAGERS,
    args: (w) => ({ id: w.home.webhookEndpointId, input: { description: '顧客管理' } }),
  },
  verifyEmail: {
    public: true,
    allow: EVERYONE,
    args: () => ({ input: { token: 'not-a-real-token' } }),
    alsoAllowed: ['BAD_USER_INPUT'],
  },
  withdrawCompanyInvitation: {
    allow: COMPANY_MANAGERS,
    args: async (w) => ({ input: { invitationId: await invitation(w, uniqueEmail('withdrawn')) } }),
  },
  withdrawScoutOffer: {
    allow: ['regionStaff'],
    args: async (w) => ({ id: await w.fresh.scoutOffer() }),
  },
};

// A fresh account's tokens, for the operations that use them up.
let signUpFresh: (w: ApiWorld) => Promise<{ refreshToken: string }>;
// Set with the platform: where homeThread looks the threads up.
let threadsDb: DataSource;

interface Outcome {
  code: string; // 'OK' or the first error's code
  message?: string;
}

describe('authorisation matrix: every operation as every role', () => {
  let platform: TestPlatform;
  let world: ApiWorld;
  const operations = schemaOperations();
  const observed: Record<string, Record<string, string>> = {};

  async function call(
    operation: SchemaOperation,
    variables: Record<string, unknown>,
    role: Role,
  ): Promise<Outcome> {
    const result = await platform.gql(
      documentFor(operation, variables),
      variables,
      world.token(role),
    );
    if (!result.errors?.length) return { code: 'OK' };
    return { code: result.errors[0].extensions?.code, message: result.errors[0].message };
  }

  beforeAll(async () => {
    platform = await startTestPlatform({
      worker: true,
      env: { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', ...UNLIMITED },
    });
    world = await buildApiWorld(platform, { worker: true });
    threadsDb = platform.dataSource;
    signUpFresh = async () => {
      const result = await platform.gql(
        `mutation($input: SignUpInput!) { signUp(input: $input) { refreshToken } }`,
        { input: { email: uniqueEmail('fresh'), password: PASSWORD, displayName: 'fresh' } },
      );
      return result.data!.signUp;
    };
  }, 180_000);

  afterAll(async () => {
    if (process.env.MATRIX_PRINT) console.log(JSON.stringify(observed, null, 1));
    await platform?.close();
    // The worker finishes the jobs the mutations queued (re-scores, retried deliveries) first.
  }, 120_000);

  it('has a row for every operation in the schema, and none for operations it no longer has', () => {
    const names = operations.map((o) => o.name).sort();
    expect(names.filter((n) => !(n in MATRIX))).toEqual([]);
    expect(Object.keys(MATRIX).filter((n) => !names.includes(n))).toEqual([]);
  });

  // Queries first (reads see the world as built), then mutations; within one operation the
  // refused roles go first, so an allowed call cannot change what they see.
  const ordered = [
    ...operations.filter((o) => o.kind === 'query'),
    ...operations.filter((o) => o.kind === 'mutation' && !MATRIX[o.name]?.last),
    ...operations.filter((o) => o.kind === 'mutation' && MATRIX[o.name]?.last),
  ];

  it.each(ordered.map((o) => [o.name, o] as const))('%s', async (name, operation) => {
    const row = MATRIX[name];
    if (!row) throw new Error(`no authorisation row for ${name}: add one to MATRIX`);
    const isPublic = !!row.public;
    const wrong: string[] = [];
    observed[name] = {};
    // Refused calls change nothing, so the refused roles share one fresh object per kind and go
    // first, all at once; then the allowed roles one by one.
    const shared = sharingFresh(world);
    const check = async (role: Role) => {
      const allowed = row.allow.includes(role);
      const variables = row.args ? await row.args(allowed ? world : shared, role) : {};
      const outcome = await call(operation, variables, role);
      observed[name][role] = outcome.code;
      let fine: boolean;
      if (outcome.code === 'INTERNAL_SERVER_ERROR') fine = false;
      else if (allowed) fine = outcome.code === 'OK' || !!row.alsoAllowed?.includes(outcome.code);
      else if (role === 'anonymous' && !isPublic) fine = outcome.code === 'UNAUTHENTICATED';
      else if (row.refusedWith) fine = row.refusedWith.includes(outcome.code);
      else fine = outcome.code === 'FORBIDDEN' || outcome.code === 'NOT_FOUND';
      if (!fine)
        wrong.push(
          `${role}: expected ${allowed ? 'allowed' : 'refused'}, got ${outcome.code}${
            outcome.message ? ` (${outcome.message})` : ''
          }`,
        );

      // IDOR: each id argument swapped for another tenant's object of the same kind is refused
      // to the roles allowed on ours (admins excepted: they may act on every tenant). A reference
      // inside an input may be refused as bad input.
      if (allowed && role !== 'admin' && role !== 'anonymous') {
        for (const [path, foreignId] of idSwaps(variables, world, row.idorExempt ?? [])) {
          const swapped = withValue(row.args ? await row.args(world, role) : {}, path, foreignId);
          const attempt = await call(operation, swapped, role);
          if (!IDOR_REFUSALS.has(attempt.code))
            wrong.push(`${role} with another tenant's ${path.join('.')}: got ${attempt.code}`);
        }
      }
    };
    await Promise.all(ROLES.filter((r) => !row.allow.includes(r)).map(check));
    for (const role of ROLES.filter((r) => row.allow.includes(r))) await check(role);
    expect(wrong).toEqual([]);
  });
});

// The world, but each kind of fresh object made once and handed out again.
function sharingFresh(world: ApiWorld): ApiWorld {
  const made = new Map<string, Promise<string>>();
  const fresh = new Proxy(world.fresh, {
    get:
      (target, key: keyof ApiWorld['fresh']) =>
      (...args: unknown[]) => {
        const id = `${key}:${JSON.stringify(args)}`;
        if (!made.has(id))
          made.set(id, (target[key] as (...a: unknown[]) => Promise<string>)(...args));
        return made.get(id);
      },
  });
  return { ...world, fresh };
}

// Every [path, foreign id] of id values in the variables that have a counterpart in the other tenant.
function idSwaps(
  variables: Record<string, unknown>,
  world: ApiWorld,
  exempt: readonly string[],
): Array<[string[], string]> {
  const found: Array<[string[], string]> = [];
  const walk = (value: unknown, path: string[]) => {
    if (typeof value === 'string') {
      const other = world.counterpart.get(value) ?? personCounterpart(value, world);
      if (other && !exempt.includes(path[path.length - 1])) found.push([path, other]);
    } else if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, String(i)]));
    else if (value && typeof value === 'object')
      for (const [k, v] of Object.entries(value)) walk(v, [...path, k]);
  };
  walk(variables, []);
  return found;
}

function personCounterpart(id: string, world: ApiWorld): string | undefined {
  return id === world.people.proBono.id ? world.people.universityStudent.id : undefined;
}

// The variables (freshly built, so consumed objects are new again) with one id replaced.
function withValue(
  variables: Record<string, unknown>,
  path: string[],
  value: string,
): Record<string, unknown> {
  const copy = structuredClone(variables);
  let at: any = copy;
  for (const key of path.slice(0, -1)) at = at[key];
  at[path[path.length - 1]] = value;
  return copy;
}
