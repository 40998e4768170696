import type { Type } from '@nestjs/common';
import { CohortsModule } from '@tsunagu/cohorts';
import { CompaniesModule } from '@tsunagu/companies';
import { ConversationsModule } from '@tsunagu/conversations';
import { CouncilModule } from '@tsunagu/council';
import { EngagementsModule } from '@tsunagu/engagements';
import { EventsModule } from '@tsunagu/events';
import { MentoringModule } from '@tsunagu/mentoring';
import { IdentityModule } from '@tsunagu/identity';
import { InsightsModule } from '@tsunagu/insights';
import { NotificationsModule } from '@tsunagu/notifications';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { RegionsModule } from '@tsunagu/regions';
import { ScoringModule } from '@tsunagu/scoring';
import { TaxonomyModule } from '@tsunagu/taxonomy';

// Every context module, loaded alike by the API, the worker and the CLI (each beside CoreModule
// and its own extras), so a new context is registered once and no process misses it.
export const CONTEXT_MODULES: readonly Type[] = [
  IdentityModule,
  TaxonomyModule,
  ParticipantsModule,
  ProjectsModule,
  CompaniesModule,
  EngagementsModule,
  ConversationsModule,
  EventsModule,
  MentoringModule,
  NotificationsModule,
  ScoringModule,
  CohortsModule,
  InsightsModule,
  RegionsModule,
  CouncilModule,
];
