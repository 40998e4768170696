import { readFileSync } from 'node:fs';
import {
  type DocumentNode,
  Kind,
  type OperationDefinitionNode,
  OperationTypeNode,
  print,
} from 'graphql';

// The web app's screens and the queries each runs, for `npm run bench:screens`. The queries are
// taken from the web app's generated documents (apps/web/src/gql/graphql.ts, written by its
// codegen from the *-documents.ts files), so the bench sends exactly what the screens send; this
// table only says which screen runs each, as whom and with which variables.

// Who is signed in: a busy participant, the staff of a busy region, of an intermediary
// supervising many engagements, of a company with many employees, or the platform admin.
export type ScreenActor =
  'participant' | 'employee' | 'region' | 'intermediary' | 'company' | 'admin';

export interface ScreenSubjects {
  users: Record<ScreenActor, string>;
  participant: { engagementId: string; projectId: string; conversationId: string };
  region: { organizationId: string; projectId: string; engagementId: string };
  intermediary: { organizationId: string; programId: string; reviewProjectId: string };
  company: { organizationId: string };
  // The platform organisation, the admin's workspace.
  admin: { organizationId: string };
  // The snapshot day (YYYY-MM-DD) and a year before it, for period filters.
  from: string;
  to: string;
}

export interface ScreenOperation {
  screen: string;
  actor: ScreenActor;
  variables(s: ScreenSubjects): Record<string, unknown>;
}

const PAGE = 20;

// Every query of the web app, by operation name. A query that is missing here fails the bench
// (a new screen must say how it is measured); those in NOT_MEASURED need data the synthetic set
// has not (a guardian's token, cohorts, events, scout offers) or are a preview sent with a form.
export const SCREEN_OPERATIONS: Record<string, ScreenOperation> = {
  // Participant: projects, recommendations, engagements, messages, notifications, profile.
  ProjectSearch: {
    screen: '/projects',
    actor: 'participant',
    variables: () => ({ filter: {}, sort: 'NEWEST', first: 10, after: null }),
  },
  Themes: { screen: '/projects', actor: 'participant', variables: () => ({}) },
  Municipalities: {
    screen: '/projects',
    actor: 'participant',
    variables: () => ({ prefectureCode: '01' }),
  },
  Project: {
    screen: '/projects/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.projectId }),
  },
  MyEngagementForProject: {
    screen: '/projects/:id',
    actor: 'participant',
    variables: (s) => ({ projectId: s.participant.projectId }),
  },
  InterestState: {
    screen: '/projects/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.projectId }),
  },
  RegionProfile: {
    screen: '/regions/:id',
    actor: 'participant',
    variables: (s) => ({ organizationId: s.region.organizationId }),
  },
  RegionProjection: {
    screen: '/regions/:id',
    actor: 'participant',
    variables: (s) => ({ organizationId: s.region.organizationId, parameters: null }),
  },
  EventSearch: {
    screen: '/events',
    actor: 'participant',
    variables: () => ({ filter: {}, first: PAGE, after: null }),
  },
  MyEvents: { screen: '/events/mine', actor: 'participant', variables: () => ({}) },
  CouncilMembers: {
    screen: '/council',
    actor: 'region',
    variables: () => ({ filter: {}, first: PAGE, after: null }),
  },
  MyEngagements: {
    screen: '/engagements',
    actor: 'participant',
    variables: () => ({ status: null, first: PAGE, after: null }),
  },
  Engagement: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.engagementId }),
  },
  EngagementContacts: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.engagementId }),
  },
  EngagementCheckIns: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.engagementId }),
  },
  EngagementMilestones: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.engagementId }),
  },
  EngagementFeedback: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.engagementId }),
  },
  EngagementActivityDays: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ engagementId: s.participant.engagementId }),
  },
  EngagementConversation: {
    screen: '/engagements/:id',
    actor: 'participant',
    variables: (s) => ({ engagementId: s.participant.engagementId }),
  },
  MyScoutOffers: {
    screen: '/scout-offers',
    actor: 'participant',
    variables: () => ({ first: PAGE, after: null }),
  },
  MyFollowUps: { screen: '/relationships', actor: 'participant', variables: () => ({}) },
  MyRegionRelationships: { screen: '/relationships', actor: 'participant', variables: () => ({}) },
  MyCohorts: { screen: '/cohorts', actor: 'participant', variables: () => ({}) },
  MyConversations: {
    screen: '/messages',
    actor: 'participant',
    variables: () => ({ first: PAGE, after: null }),
  },
  Conversation: {
    screen: '/messages/:id',
    actor: 'participant',
    variables: (s) => ({ id: s.participant.conversationId }),
  },
  Messages: {
    screen: '/messages/:id',
    actor: 'participant',
    variables: (s) => ({ conversationId: s.participant.conversationId, first: PAGE, after: null }),
  },
  UnreadMessageCount: { screen: '(menu)', actor: 'participant', variables: () => ({}) },
  MyInterests: {
    screen: '/interests',
    actor: 'participant',
    variables: () => ({ first: PAGE, after: null }),
  },
  Mentors: {
    screen: '/council/mentoring',
    actor: 'region',
    variables: () => ({ first: PAGE, after: null }),
  },
  MyMentorDesk: { screen: '/mentoring', actor: 'region', variables: () => ({}) },
  MyProfile: { screen: '/profile', actor: 'participant', variables: () => ({}) },
  SkillSearch: {
    screen: '/profile',
    actor: 'participant',
    variables: () => ({ query: 'デザイン', first: 10 }),
  },
  ResolveSkill: {
    screen: '/profile',
    actor: 'participant',
    variables: () => ({ name: 'デザイン' }),
  },
  MyRecommendations: {
    screen: '/recommendations',
    actor: 'participant',
    variables: () => ({ first: PAGE }),
  },
  Account: { screen: '/settings/account', actor: 'participant', variables: () => ({}) },
  UnreadCount: { screen: '(menu)', actor: 'participant', variables: () => ({}) },
  LatestNotifications: { screen: '(menu)', actor: 'participant', variables: () => ({}) },
  MyNotifications: {
    screen: '/notifications',
    actor: 'participant',
    variables: () => ({ first: PAGE, after: null, unreadOnly: false }),
  },
  MySettings: { screen: '/settings', actor: 'participant', variables: () => ({}) },
  MyNotificationPreferences: {
    screen: '/settings/notifications',
    actor: 'participant',
    variables: () => ({}),
  },
  MyCompanyInvitations: { screen: '/manage', actor: 'employee', variables: () => ({}) },
  EmployeeProjects: {
    screen: '/projects (employee)',
    actor: 'employee',
    variables: () => ({ text: null }),
  },
  MyOrganizations: { screen: '/manage', actor: 'region', variables: () => ({}) },

  // A region's workspace.
  OrganizationHome: {
    screen: '/manage/:orgId/organization',
    actor: 'region',
    variables: (s) => ({ id: s.region.organizationId }),
  },
  OrganizationProjects: {
    screen: '/manage/:orgId/projects',
    actor: 'region',
    variables: (s) => ({ organizationId: s.region.organizationId, first: PAGE, after: null }),
  },
  RegionProject: {
    screen: '/manage/:orgId/projects/:projectId',
    actor: 'region',
    variables: (s) => ({ id: s.region.projectId }),
  },
  RegionPlace: {
    screen: '/manage/:orgId/projects/new',
    actor: 'region',
    variables: (s) => ({ id: s.region.organizationId }),
  },
  RegionPrograms: {
    screen: '/manage/:orgId/projects/new',
    actor: 'region',
    variables: (s) => ({ id: s.region.organizationId }),
  },
  PeopleProject: {
    screen: '/manage/:orgId/projects/:projectId/people',
    actor: 'region',
    variables: (s) => ({ projectId: s.region.projectId }),
  },
  ProjectEngagements: {
    screen: '/manage/:orgId/projects/:projectId/people',
    actor: 'region',
    variables: (s) => ({ projectId: s.region.projectId, first: PAGE, after: null }),
  },
  RecommendedCandidates: {
    screen: '/manage/:orgId/projects/:projectId/people',
    actor: 'region',
    variables: (s) => ({ projectId: s.region.projectId, first: PAGE, after: null }),
  },
  ProjectInterests: {
    screen: '/manage/:orgId/projects/:projectId/people',
    actor: 'region',
    variables: (s) => ({ projectId: s.region.projectId, first: PAGE, after: null }),
  },
  ProjectScoutOffers: {
    screen: '/manage/:orgId/projects/:projectId/people',
    actor: 'region',
    variables: (s) => ({ projectId: s.region.projectId, first: PAGE, after: null }),
  },
  ProjectActivityDays: {
    screen: '/manage/:orgId/projects/:projectId/activity-days',
    actor: 'region',
    variables: (s) => ({ projectId: s.region.projectId }),
  },
  StaffEngagement: {
    screen: '/manage/:orgId/engagements/:engagementId',
    actor: 'region',
    variables: (s) => ({ id: s.region.engagementId }),
  },
  StaffEngagementContacts: {
    screen: '/manage/:orgId/engagements/:engagementId',
    actor: 'region',
    variables: (s) => ({ id: s.region.engagementId }),
  },
  EngagementNotes: {
    screen: '/manage/:orgId/engagements/:engagementId',
    actor: 'region',
    variables: (s) => ({ id: s.region.engagementId }),
  },
  RegionProfileEdit: {
    screen: '/manage/:orgId/profile',
    actor: 'region',
    variables: (s) => ({ organizationId: s.region.organizationId }),
  },
  OrganizationEvents: {
    screen: '/manage/:orgId/events',
    actor: 'region',
    variables: (s) => ({ organizationId: s.region.organizationId, first: PAGE, after: null }),
  },
  // The organiser names the regions presenting: every region organisation is a candidate.
  PresentingRegionCandidates: {
    screen: '/manage/:orgId/events/new',
    actor: 'region',
    variables: (s) => ({ organizationId: s.region.organizationId, query: '川', first: PAGE }),
  },
  OwnCouncilMembership: {
    screen: '/manage/:orgId/council',
    actor: 'region',
    variables: (s) => ({ organizationId: s.region.organizationId }),
  },
  OrganizationMentoringSessions: {
    screen: '/manage/:orgId/mentoring',
    actor: 'region',
    variables: (s) => ({ organizationId: s.region.organizationId }),
  },

  // An intermediary's workspace.
  ReviewQueue: {
    screen: '/manage/:orgId/review',
    actor: 'intermediary',
    variables: (s) => ({ organizationId: s.intermediary.organizationId, first: PAGE, after: null }),
  },
  ReviewProject: {
    screen: '/manage/:orgId/review/:projectId',
    actor: 'intermediary',
    variables: (s) => ({ projectId: s.intermediary.reviewProjectId }),
  },
  SupervisionOverview: {
    screen: '/manage/:orgId/supervision',
    actor: 'intermediary',
    variables: () => ({ first: 5 }),
  },
  SupervisedEngagements: {
    screen: '/manage/:orgId/supervision',
    actor: 'intermediary',
    variables: () => ({ health: null, first: PAGE, after: null }),
  },
  OverdueApplications: {
    screen: '/manage/:orgId/supervision',
    actor: 'intermediary',
    variables: () => ({ first: PAGE, after: null }),
  },
  DueFollowUps: {
    screen: '/manage/:orgId/supervision',
    actor: 'intermediary',
    variables: () => ({}),
  },
  Programs: {
    screen: '/manage/:orgId/programs',
    actor: 'intermediary',
    variables: (s) => ({ organizationId: s.intermediary.organizationId }),
  },
  ProgramWeights: {
    screen: '/manage/:orgId/programs',
    actor: 'intermediary',
    variables: (s) => ({ programId: s.intermediary.programId }),
  },
  ProgramReport: {
    screen: '/manage/:orgId/programs/:programId/report',
    actor: 'intermediary',
    variables: (s) => ({
      programId: s.intermediary.programId,
      fiscalYear: Number(s.to.slice(0, 4)),
    }),
  },
  ReportKpis: {
    screen: '/manage/:orgId/reports',
    actor: 'intermediary',
    variables: (s) => ({
      filter: { from: s.from, to: s.to, intermediaryOrganizationId: s.intermediary.organizationId },
    }),
  },
  ReportFilterOptions: {
    screen: '/manage/:orgId/reports',
    actor: 'intermediary',
    variables: (s) => ({
      intermediaryOrganizationId: s.intermediary.organizationId,
      withPrograms: true,
      period: { from: s.from, to: s.to, intermediaryOrganizationId: s.intermediary.organizationId },
    }),
  },
  IntermediaryPrograms: {
    screen: '/manage/:orgId/cohorts',
    actor: 'intermediary',
    variables: (s) => ({ organizationId: s.intermediary.organizationId }),
  },
  ProgramCohorts: {
    screen: '/manage/:orgId/cohorts',
    actor: 'intermediary',
    variables: (s) => ({ programId: s.intermediary.programId }),
  },
  IntermediaryRemit: {
    screen: '/manage/:orgId/cohorts/:cohortId',
    actor: 'intermediary',
    variables: (s) => ({ id: s.intermediary.organizationId }),
  },
  CohortParticipantSearch: {
    screen: '/manage/:orgId/cohorts/:cohortId',
    actor: 'intermediary',
    variables: () => ({ filter: {}, first: PAGE }),
  },
  CohortProjectSearch: {
    screen: '/manage/:orgId/cohorts/:cohortId',
    actor: 'intermediary',
    variables: () => ({ filter: {}, first: PAGE }),
  },

  // A company's workspace.
  CompanyEmployees: {
    screen: '/manage/:orgId/company/employees',
    actor: 'company',
    variables: (s) => ({ companyOrganizationId: s.company.organizationId, first: PAGE }),
  },
  CompanyInvitations: {
    screen: '/manage/:orgId/company/employees',
    actor: 'company',
    variables: (s) => ({ companyOrganizationId: s.company.organizationId, first: PAGE }),
  },
  CompanyPrograms: {
    screen: '/manage/:orgId/company/programs',
    actor: 'company',
    variables: (s) => ({ companyOrganizationId: s.company.organizationId, after: null }),
  },
  CompanyTeams: {
    screen: '/manage/:orgId/company/teams',
    actor: 'company',
    variables: (s) => ({ companyOrganizationId: s.company.organizationId, after: null }),
  },
  CompanyImpact: {
    screen: '/manage/:orgId/company/impact',
    actor: 'company',
    variables: (s) => ({ companyOrganizationId: s.company.organizationId, from: s.from, to: s.to }),
  },

  // The platform admin.
  AdminOrganizations: {
    screen: '/manage/:orgId/admin/organizations',
    actor: 'admin',
    variables: () => ({ query: null, kind: null, first: PAGE, after: null }),
  },
  AdminOrganization: {
    screen: '/manage/:orgId/admin/organizations/:organizationId',
    actor: 'admin',
    variables: (s) => ({ id: s.region.organizationId }),
  },
  AdminSkills: {
    screen: '/manage/:orgId/admin/skills',
    actor: 'admin',
    variables: () => ({ categoryCode: null, query: null }),
  },
  AdminDeadLetters: {
    screen: '/manage/:orgId/admin/deliveries',
    actor: 'admin',
    variables: () => ({}),
  },
  CouncilApplications: {
    screen: '/manage/:orgId/admin/council',
    actor: 'admin',
    variables: () => ({ status: 'PENDING', first: PAGE, after: null }),
  },
};

// A query a screen also runs as another user, measured under its own name: the platform admin's
// report reads every project of the country, the intermediary's those of its remit.
export const SCREEN_VARIANTS: Record<string, ScreenOperation & { query: string }> = {
  'ReportKpis (admin)': {
    query: 'ReportKpis',
    screen: '/manage/:orgId/reports',
    actor: 'admin',
    // What the screen sends: the period and no other filter (kpiFilterOf).
    variables: (s) => ({
      filter: {
        from: s.from,
        to: s.to,
        programId: null,
        regionOrganizationId: null,
        themeCode: null,
        participantKind: null,
      },
    }),
  },
  'ReportFilterOptions (admin)': {
    query: 'ReportFilterOptions',
    screen: '/manage/:orgId/reports',
    actor: 'admin',
    variables: (s) => ({
      intermediaryOrganizationId: s.admin.organizationId,
      withPrograms: false,
      period: { from: s.from, to: s.to },
    }),
  },
};

export const NOT_MEASURED: Record<string, string> = {
  GuardianConsentRequest: 'needs a guardian’s one-time token',
  Cohort: 'no cohorts in the synthetic data',
  MyCohort: 'no cohorts in the synthetic data',
  Allocation: 'no cohorts in the synthetic data',
  Event: 'no events in the synthetic data',
  ManagedEvent: 'no events in the synthetic data',
  EventRegistrations: 'no events in the synthetic data',
  ScoutOfferConversation: 'no scout offers in the synthetic data',
  CouncilMember: 'no council members in the synthetic data',
  CouncilPartnerSuggestions: 'no council members in the synthetic data',
  PreviewProgramWeights: 'a preview sent while editing weights, not a screen’s load',
};

export interface WebQuery {
  name: string;
  query: string;
}

// Every query document of the generated web client (subscriptions and mutations left out), as
// the text a screen sends: the operation with the fragments it spreads.
export function readWebQueries(generatedFile: string): WebQuery[] {
  const source = readFileSync(generatedFile, 'utf8');
  const queries: WebQuery[] = [];
  for (const m of source.matchAll(/^export const (\w+)Document = (\{.*\}) as unknown as /gm)) {
    const document = JSON.parse(m[2]) as DocumentNode;
    const operation = document.definitions.find(
      (d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION,
    );
    if (operation?.operation !== OperationTypeNode.QUERY) continue;
    queries.push({ name: operation.name?.value ?? m[1], query: print(document) });
  }
  return queries;
}
