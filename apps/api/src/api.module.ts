import { Module } from '@nestjs/common';
import { APP_FILTER, APP_GUARD, APP_PIPE, DiscoveryModule } from '@nestjs/core';
import { CONTEXT_MODULES } from '@tsunagu/contexts';
import { MessageThrottleModule } from '@tsunagu/conversations';
import { CoreModule, RateLimitModule } from '@tsunagu/core';
import { SignInThrottleModule } from '@tsunagu/identity';
import { LiveNotificationsModule } from '@tsunagu/notifications';
import { GuardianConsentThrottleModule } from '@tsunagu/participants';
import { AdminBootstrapOnStart } from './admin-bootstrap-on-start';
import { AuthenticationGuard } from './auth/authentication.guard';
import { AuthorisationCheck } from './auth/authorisation-check';
import { GraphQLPassThroughFilter } from './graphql/graphql-exception.filter';
import { ApiGraphQLModule } from './graphql/graphql.module';
import { InputValidationPipe } from './graphql/input-validation.pipe';
import { PersonalDataController } from './identity/personal-data.controller';
import { SessionCookieController } from './identity/session-cookie.controller';
import { KpiCsvController } from './insights/kpi-csv.controller';
import { EventCalendarController } from './events/event-calendar.controller';
import { OperatorsModule } from './operators/operators.module';
import { API_RESOLVERS } from './resolvers';
import { SharePagesController } from './web/share-pages.controller';
import { WebAppModule } from './web/web-app.module';

@Module({
  imports: [
    CoreModule,
    DiscoveryModule,
    ApiGraphQLModule,
    ...CONTEXT_MODULES,
    SignInThrottleModule,
    RateLimitModule,
    MessageThrottleModule,
    GuardianConsentThrottleModule,
    LiveNotificationsModule,
    OperatorsModule,
    WebAppModule,
  ],
  controllers: [
    SessionCookieController,
    PersonalDataController,
    KpiCsvController,
    EventCalendarController,
    SharePagesController,
  ],
  providers: [
    { provide: APP_GUARD, useClass: AuthenticationGuard },
    { provide: APP_PIPE, useClass: InputValidationPipe },
    { provide: APP_FILTER, useClass: GraphQLPassThroughFilter },
    AuthorisationCheck,
    AdminBootstrapOnStart,
    ...API_RESOLVERS,
  ],
})
export class ApiModule {}
