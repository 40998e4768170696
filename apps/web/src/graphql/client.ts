import { Client, fetchExchange, subscriptionExchange } from '@urql/core';
import { cacheExchange, type Cache, type Data, type KeyingConfig } from '@urql/exchange-graphcache';
import { relayPagination } from '@urql/exchange-graphcache/extras';
import { createClient as createSocketClient } from 'graphql-ws';
import { authExchange } from '../auth/auth-exchange';
import type { Session } from '../auth/session';
import { UnreadCountQuery } from '../notifications/notification-documents';

// Types without an id of their own are kept inside their parent; reference data by its code.
const byCode = (data: Data) => (typeof data.code === 'string' ? data.code : null);

const keys: KeyingConfig = {
  AuthPayload: () => null,
  PageInfo: () => null,
  Place: () => null,
  ProjectConnection: () => null,
  Attachment: () => null,
  ProjectEdge: () => null,
  NotificationConnection: () => null,
  NotificationEdge: () => null,
  NotificationFact: () => null,
  Membership: () => null,
  // The company pages: lists and figures held inside their query's answer.
  CompanyEmployeeConnection: () => null,
  CompanyEmployeeEdge: () => null,
  CompanyEmployee: () => null,
  CompanyInvitationConnection: () => null,
  CompanyInvitationEdge: () => null,
  CompanyProgramConnection: () => null,
  CompanyProgramEdge: () => null,
  CompanyTeamConnection: () => null,
  CompanyTeamEdge: () => null,
  CompanyTeamMember: () => null,
  CompanyTeamApplication: () => null,
  CompanyImpact: () => null,
  CompanyImpactStatusCount: () => null,
  CompanyImpactRegion: () => null,
  CompanyImpactPrefecture: () => null,
  CompanyImpactMonth: () => null,
  // One per event type and channel: a change updates the listed one in place.
  NotificationPreference: (data) => `${data.eventType as string}:${data.channel as string}`,
  ConversationConnection: () => null,
  ConversationEdge: () => null,
  MessageConnection: () => null,
  MessageEdge: () => null,
  MarkedProject: () => null,
  MarkedProjectConnection: () => null,
  MarkedProjectEdge: () => null,
  RequiredSkill: () => null,
  EngagementConnection: () => null,
  EngagementEdge: () => null,
  EngagementNextStep: () => null,
  EngagementTerms: () => null,
  EngagementEvent: () => null,
  EngagementContacts: () => null,
  PersonContact: () => null,
  InterviewPlan: () => null,
  Applicant: () => null,
  ScoutOfferConnection: () => null,
  ScoutOfferEdge: () => null,
  ReviewQueueItem: () => null,
  ReviewQueueItemConnection: () => null,
  ReviewQueueItemEdge: () => null,
  Prefecture: byCode,
  Municipality: byCode,
  Theme: byCode,
  // The profile is its owner's: one per user. Recommendations live inside their list.
  ParticipantProfile: (data) => (typeof data.userId === 'string' ? data.userId : null),
  ParticipantSkill: () => null,
  Availability: () => null,
  AvailabilityPeriod: () => null,
  SkillCategory: byCode,
  ProjectRecommendationConnection: () => null,
  ProjectRecommendationEdge: () => null,
  ProjectRecommendation: () => null,
  MatchFactor: () => null,
  MatchReason: () => null,
  // What staff see of a participant depends on the viewer: kept inside the row that shows it.
  ParticipantCard: () => null,
  CandidateRecommendationConnection: () => null,
  CandidateRecommendationEdge: () => null,
  CandidateRecommendation: () => null,
  InterestedParticipantConnection: () => null,
  InterestedParticipantEdge: () => null,
  InterestedParticipant: () => null,
  // Supervision: rows live inside their list; a program's weights are its program's.
  SupervisedEngagement: () => null,
  SupervisedEngagementConnection: () => null,
  SupervisedEngagementEdge: () => null,
  ProgramWeights: (data) => (typeof data.programId === 'string' ? data.programId : null),
  // A program's report is one year's, kept under its query's arguments; its parts live inside it.
  ProgramReport: () => null,
  ProgramKpiResult: () => null,
  ProgramKpiTarget: () => null,
  ProgramReview: () => null,
  MatchingWeightsValues: () => null,
  // A cohort's parts live inside their cohort or allocation.
  CohortMember: () => null,
  CohortParticipant: () => null,
  CohortProject: () => null,
  RankedProject: () => null,
  AllocationAssignment: () => null,
  AllocationProblem: () => null,
  AllocationTeam: () => null,
  BlockingPair: () => null,
  CoveredSkill: () => null,
  ParticipantCardConnection: () => null,
  ParticipantCardEdge: () => null,
  Remit: () => null,
  OrganizationConnection: () => null,
  OrganizationEdge: () => null,
  OrganizationMember: () => null,
  WebhookDeliveryConnection: () => null,
  WebhookDeliveryEdge: () => null,
  NotificationDeliveryConnection: () => null,
  NotificationDeliveryEdge: () => null,
  // A region's page is its organisation's; the population and its projection live inside it.
  RegionProfile: (data) => (typeof data.organizationId === 'string' ? data.organizationId : null),
  RegionPopulation: () => null,
  PopulationAgeGroup: () => null,
  RegionRelationshipSummary: () => null,
  PopulationProjection: () => null,
  ProjectionParameters: () => null,
  ProjectionPoint: () => null,
  Settlement: () => null,
  CommunityEventConnection: () => null,
  CommunityEventEdge: () => null,
  EventPlace: () => null,
};

// Every cached list of notifications (the bell's latest, the page's pages, unread only or not).
function invalidateNotificationLists(cache: Cache) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'myNotifications') cache.invalidate('Query', field.fieldKey);
  }
}

function invalidateQueryField(cache: Cache, fieldName: string) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === fieldName) cache.invalidate('Query', field.fieldKey);
  }
}

// A registration or a change of an event moves its counts, the reader's state and the lists it is
// in: the event and the lists are asked again.
function eventChanged(eventId: unknown, cache: Cache) {
  if (typeof eventId === 'string') cache.invalidate({ __typename: 'CommunityEvent', id: eventId });
  invalidateQueryField(cache, 'myEvents');
  invalidateQueryField(cache, 'eventRegistrations');
}

function projectChanged(_result: Data, _args: unknown, cache: Cache) {
  invalidateQueryField(cache, 'projectHistory');
  invalidateQueryField(cache, 'organizationProjects');
}

// A review step changes the queue and the project's history: both are asked again.
function invalidateReview(cache: Cache) {
  for (const field of cache.inspectFields('Query')) {
    if (field.fieldName === 'reviewQueue' || field.fieldName === 'projectHistory')
      cache.invalidate('Query', field.fieldKey);
  }
}

export function catchUpOnNotifications(client: Client) {
  return client.query(UnreadCountQuery, {}, { requestPolicy: 'network-only' }).toPromise();
}

// The normalised cache with the app's keys, paging and updates (apart so tests can drive it).
export function createCache() {
  return cacheExchange({
    keys,
    resolvers: {
      Query: {
        projects: relayPagination(),
        myEngagements: relayPagination(),
        myScoutOffers: relayPagination(),
        myInterests: relayPagination(),
        projectEngagements: relayPagination(),
        recommendedCandidates: relayPagination(),
        projectInterests: relayPagination(),
        projectScoutOffers: relayPagination(),
        organizationProjects: relayPagination(),
        reviewQueue: relayPagination(),
        supervisedEngagements: relayPagination(),
        overdueApplications: relayPagination(),
        organizations: relayPagination(),
        companyPrograms: relayPagination(),
        companyTeams: relayPagination(),
        companyEmployees: relayPagination(),
        companyInvitations: relayPagination(),
        events: relayPagination(),
        organizationEvents: relayPagination(),
        mentors: relayPagination(),
        // A project already in the cache (from a list) answers project(id) for the fields it has.
        project: (_parent, args) => ({ __typename: 'Project', id: args.id as string }),
      },
    },
    updates: {
      Subscription: {
        // The lists on screen follow the count (useListFollowsUnreadCount); one not on screen is
        // asked again when it is next shown.
        notificationAdded: (_result, _args, cache) => {
          cache.updateQuery({ query: UnreadCountQuery }, (data) =>
            data ? { ...data, unreadNotificationCount: data.unreadNotificationCount + 1 } : data,
          );
        },
      },
      Mutation: {
        // A region's new project belongs in its lists; every change of a project adds to its
        // history.
        createProject: (_result, _args, cache) =>
          invalidateQueryField(cache, 'organizationProjects'),
        updateProject: projectChanged,
        submitProject: projectChanged,
        extendProject: projectChanged,
        closeProject: projectChanged,
        archiveProject: projectChanged,
        // A first save creates the profile; every save changes what is recommended.
        saveMyParticipantProfile: (result, _args, cache) => {
          cache.link('Query', 'myParticipantProfile', result.saveMyParticipantProfile as Data);
          for (const field of cache.inspectFields('Query')) {
            if (field.fieldName === 'recommendedProjects')
              cache.invalidate('Query', field.fieldName, field.arguments);
          }
        },
        registerForEvent: (_result, args, cache) => eventChanged(args.eventId, cache),
        cancelEventRegistration: (_result, args, cache) => eventChanged(args.eventId, cache),
        markAllNotificationsRead: (_result, _args, cache) => {
          cache.updateQuery({ query: UnreadCountQuery }, (data) =>
            data ? { ...data, unreadNotificationCount: 0 } : data,
          );
          invalidateNotificationLists(cache);
        },
        publishProject: (_result, _args, cache) => invalidateReview(cache),
        requestProjectChanges: (_result, _args, cache) => invalidateReview(cache),
        commentOnProject: (_result, _args, cache) => invalidateReview(cache),
        // The notification itself updates by its id; the count is asked again.
        markNotificationRead: (_result, _args, cache) => {
          cache.invalidate('Query', 'unreadNotificationCount');
        },
      },
    },
  });
}

// One client per signed-in person (the app makes a new one when the user changes), so no
// cached data outlives its owner.
export function createGraphQLClient(session: Session): { client: Client; dispose: () => void } {
  const socket = createSocketClient({
    url: `${location.protocol === 'https:' ? 'wss' : 'ws'}://${location.host}/graphql`,
    lazy: true,
    // Asked on every (re)connect, so a reconnect uses the latest token.
    connectionParams: () => ({ authorization: `Bearer ${session.current?.accessToken ?? ''}` }),
    retryAttempts: 10,
    // Pushes sent while the socket was down are lost: after a reconnect the count is asked
    // again, and the lists on screen follow it.
    on: {
      connected: (_socket, _payload, wasRetry) => {
        if (wasRetry) void catchUpOnNotifications(client);
      },
    },
  });
  // The API closes a socket when its token expires: reconnect with each renewed one first.
  const unsubscribe = session.subscribe(() => socket.terminate());
  const client = new Client({
    url: '/graphql',
    // The API refuses queries sent as GET (CSRF protection).
    preferGetMethod: false,
    fetchOptions: { credentials: 'same-origin' },
    exchanges: [
      createCache(),
      authExchange(session),
      fetchExchange,
      subscriptionExchange({
        forwardSubscription: (request) => ({
          subscribe: (sink) => ({
            unsubscribe: socket.subscribe({ ...request, query: request.query ?? '' }, sink),
          }),
        }),
      }),
    ],
  });
  return {
    client,
    dispose: () => {
      unsubscribe();
      void socket.dispose();
    },
  };
}
