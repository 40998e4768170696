import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import {
  AppConfig,
  graphqlIntrospection,
  OperationRateLimiter,
  RateLimitModule,
} from '@tsunagu/core';
import { ActorService, IdentityModule, TokenService } from '@tsunagu/identity';
import type { Request } from 'express';
import { GraphQLFormattedError } from 'graphql';
import { Context as SocketContext, ServerOptions } from 'graphql-ws';
import { socketRequest } from '../auth/request-context';
import { authenticateSocket, recheckToken, socketOf } from '../auth/socket-authentication';
import { DataLoaders } from './data-loaders';
import { formatGraphQLError } from './format-error';
import { inputHygienePlugin } from './input-hygiene';
import { LoadersModule } from './loaders.module';
import { operationCostPlugin } from './operation-cost.plugin';
import { operationLimitRules } from './operation-limits';
import { limitSubscription, rateLimitPlugin } from './rate-limit.plugin';
import { prepareSubscription } from './subscription-operation';
import { uncacheableResponsesPlugins } from './uncacheable-responses';
import { API_SCHEMA_OPTIONS } from '../resolvers';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [LoadersModule, IdentityModule, RateLimitModule],
      inject: [
        AppConfig,
        DataLoaders,
        TokenService,
        ActorService,
        GraphQLSchemaHost,
        OperationRateLimiter,
      ],
      useFactory: (
        config: AppConfig,
        loaders: DataLoaders,
        tokens: TokenService,
        actors: ActorService,
        schemaHost: GraphQLSchemaHost,
        limiter: OperationRateLimiter,
      ) => {
        const production = config.NODE_ENV === 'production';
        const validationRules = operationLimitRules(config);
        const formatError = (formatted: GraphQLFormattedError, error: unknown) =>
          formatGraphQLError(formatted, error, { suggestions: !production });
        // graphql-ws bypasses Apollo: it gets the same limits and error formatting here.
        // Nest passes every graphql-ws option through to useServer, though its type names fewer.
        const graphqlWs: GraphQLWsSubscriptionsConfig & Pick<ServerOptions, 'onError'> = {
          onConnect: (ctx) => authenticateSocket(ctx, tokens, actors),
          onSubscribe: async (ctx, _id, payload) =>
            recheckToken(ctx, tokens) ??
            (await limitSubscription(limiter, socketOf(ctx).actor)) ??
            prepareSubscription(schemaHost.schema, payload, {
              validationRules,
              maxTokens: config.GRAPHQL_MAX_TOKENS,
              maxCost: config.GRAPHQL_MAX_COST,
            }),
          onClose: (ctx) => clearTimeout(socketOf(ctx).expiry),
          onNext: (_ctx, _id, _payload, _args, result) =>
            result.errors && {
              ...result,
              errors: result.errors.map((e) => formatError(e.toJSON(), e)),
            },
          onError: (_ctx, _id, _payload, errors) => errors.map((e) => formatError(e.toJSON(), e)),
        };
        return {
          path: '/graphql',
          // Built in memory from the code; `npm run schema:print` writes apps/api/schema.graphql.
          autoSchemaFile: true,
          sortSchema: true,
          buildSchemaOptions: API_SCHEMA_OPTIONS,
          context: (source: { req: Request } | SocketContext) => ({
            req: 'extra' in source ? socketRequest(socketOf(source).actor) : source.req,
            loaders: loaders.create(),
          }),
          formatError,
          // Nest otherwise answers 200 whenever the body has `data`: a sign-in refused for too
          // many failures is 429 with Retry-After, like any other rate limit. Only
          // TooManyRequestsError carries an HTTP status; other errors keep 200.
          preserveHttpStatusForExecutionErrors: false,
          includeStacktraceInErrorResponses: false,
          validationRules,
          // Parsing stops at the token limit, before a huge document is built in memory.
          parseOptions: { maxTokens: config.GRAPHQL_MAX_TOKENS },
          // The cost plugin comes first: the rate limiter after it charges operationCost. Input
          // hygiene runs beside them, so a refused input still spends its cost.
          plugins: [
            operationCostPlugin(config.GRAPHQL_MAX_COST),
            rateLimitPlugin(limiter, tokens),
            inputHygienePlugin,
            ...uncacheableResponsesPlugins,
          ],
          // Subscriptions over graphql-ws only (no legacy subscriptions-transport-ws), on /graphql.
          subscriptions: { 'graphql-ws': graphqlWs },
          introspection: graphqlIntrospection(config),
          // Off, Nest installs Apollo's "landing page disabled": GET /graphql shows no page at all.
          graphiql: !production,
        };
      },
    }),
  ],
})
export class ApiGraphQLModule {}
