import type { BuildSchemaOptions } from '@nestjs/graphql';
import { ConflictReason } from '@tsunagu/core';
import { CohortResolver } from './cohorts/cohort.resolver';
import { CompanyResolver } from './companies/company.resolver';
import {
  ConversationResolver,
  ScoutOfferConversationResolver,
} from './conversations/conversation.resolver';
import { ActivityDayResolver } from './engagements/activity-day.resolver';
import { ApplicationResolver } from './engagements/application.resolver';
import { CouncilDirectoryResolver } from './council/council-directory.resolver';
import { CouncilMembershipResolver } from './council/council-membership.resolver';
import { EventResolver } from './events/event.resolver';
import { MentoringResolver } from './mentoring/mentoring.resolver';
import { StrictDateTimeScalar } from './graphql/date-time.scalar';
import { EngagementAccompanimentResolver } from './engagements/engagement-accompaniment.resolver';
import { EngagementResolver } from './engagements/engagement.resolver';
import { RelationshipResolver } from './engagements/relationship.resolver';
import { ScoutOfferResolver } from './engagements/scout-offer.resolver';
import { AccountResolver } from './identity/account.resolver';
import { AuthResolver } from './identity/auth.resolver';
import { GeographyResolver } from './identity/geography.resolver';
import { MeResolver } from './identity/me.resolver';
import { OrganizationResolver } from './identity/organization.resolver';
import { CompanyImpactResolver } from './insights/company-impact.resolver';
import { KpiResolver } from './insights/kpi.resolver';
import { ProgramReportResolver } from './insights/program-report.resolver';
import { DeadLetterResolver } from './notifications/dead-letter.resolver';
import { NotificationPreferenceResolver } from './notifications/notification-preference.resolver';
import { NotificationResolver } from './notifications/notification.resolver';
import { WebhookResolver } from './notifications/webhook.resolver';
import { ParticipantResolver } from './participants/participant.resolver';
import {
  EngagementGuardianConsentResolver,
  EventRegistrationGuardianConsentResolver,
  GuardianConsentResolver,
} from './participants/guardian-consent.resolver';
import { InterestResolver } from './projects/interest.resolver';
import { OrganizationProgramsResolver, ProgramResolver } from './projects/program.resolver';
import { ProjectResolver } from './projects/project.resolver';
import { ReviewResolver } from './projects/review.resolver';
import { RegionProfileResolver } from './regions/region-profile.resolver';
import { RecommendationResolver } from './scoring/recommendation.resolver';
import { SkillResolver } from './taxonomy/skill.resolver';
import { ThemeResolver } from './taxonomy/theme.resolver';

// How the schema is built, by the API and by `npm run schema:print` alike: types no field refers
// to (the values of error extensions), and timestamps parsed strictly.
export const API_SCHEMA_OPTIONS: BuildSchemaOptions = {
  orphanedTypes: [ConflictReason],
  scalarsMap: [{ type: Date, scalar: StrictDateTimeScalar }],
};

// Every resolver the API serves (also used to print schema.graphql).
export const API_RESOLVERS = [
  AuthResolver,
  AccountResolver,
  MeResolver,
  OrganizationResolver,
  GeographyResolver,
  ThemeResolver,
  SkillResolver,
  ProgramResolver,
  OrganizationProgramsResolver,
  ProjectResolver,
  ReviewResolver,
  InterestResolver,
  ParticipantResolver,
  GuardianConsentResolver,
  EngagementGuardianConsentResolver,
  EventRegistrationGuardianConsentResolver,
  CompanyResolver,
  CompanyImpactResolver,
  ApplicationResolver,
  EngagementResolver,
  EngagementAccompanimentResolver,
  ActivityDayResolver,
  RelationshipResolver,
  ScoutOfferResolver,
  ConversationResolver,
  ScoutOfferConversationResolver,
  NotificationResolver,
  WebhookResolver,
  NotificationPreferenceResolver,
  DeadLetterResolver,
  RegionProfileResolver,
  RecommendationResolver,
  CohortResolver,
  KpiResolver,
  ProgramReportResolver,
  EventResolver,
  MentoringResolver,
  CouncilMembershipResolver,
  CouncilDirectoryResolver,
];
