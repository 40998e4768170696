import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE } from '@nestjs/core';
import { CohortsModule } from '@tsunagu/cohorts';
import { CoreModule } from '@tsunagu/core';
import { CompaniesModule } from '@tsunagu/companies';
import { EngagementsModule } from '@tsunagu/engagements';
import { IdentityModule, SignInThrottleModule } from '@tsunagu/identity';
import { LiveNotificationsModule, NotificationsModule } from '@tsunagu/notifications';
import { ParticipantsModule } from '@tsunagu/participants';
import { ProjectsModule } from '@tsunagu/projects';
import { ScoringModule } from '@tsunagu/scoring';
import { TaxonomyModule } from '@tsunagu/taxonomy';
import { AdminBootstrapOnStart } from './admin-bootstrap-on-start';
import { AuthenticationGuard } from './auth/authentication.guard';
import { GraphQLPassThroughFilter } from './graphql/graphql-exception.filter';
import { ApiGraphQLModule } from './graphql/graphql.module';
import { InputValidationPipe } from './graphql/input-validation.pipe';
import { OperatorsModule } from './operators/operators.module';
import { API_RESOLVERS } from './resolvers';

@Module({
  imports: [
    CoreModule,
    ApiGraphQLModule,
    IdentityModule,
    SignInThrottleModule,
    TaxonomyModule,
    ParticipantsModule,
    ProjectsModule,
    CompaniesModule,
    EngagementsModule,
    NotificationsModule,
    LiveNotificationsModule,
    ScoringModule,
    CohortsModule,
    OperatorsModule,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: GraphQLPassThroughFilter },
    AdminBootstrapOnStart,
    ...API_RESOLVERS,
  ],
})
export class ApiModule {}
