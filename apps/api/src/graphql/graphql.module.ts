import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { AppConfig } from '@tsunagu/core';
import { ActorService, IdentityModule, TokenService } from '@tsunagu/identity';
import type { Request } from 'express';
import { ValidationRule } from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { Context as SocketContext, ServerOptions } from 'graphql-ws';
import { socketRequest } from '../auth/request-context';
import { authenticateSocket, recheckToken, socketOf } from '../auth/socket-authentication';
import { DataLoaders } from './data-loaders';
import { formatGraphQLError } from './format-error';
import { inputHygienePlugin } from './input-hygiene';
import { LoadersModule } from './loaders.module';
import { prepareSubscription } from './subscription-operation';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [LoadersModule, IdentityModule],
      inject: [AppConfig, DataLoaders, TokenService, ActorService, GraphQLSchemaHost],
      useFactory: (
        config: AppConfig,
        loaders: DataLoaders,
        tokens: TokenService,
        actors: ActorService,
        schemaHost: GraphQLSchemaHost,
      ) => {
        const validationRules = [depthLimit(config.GRAPHQL_MAX_DEPTH) as ValidationRule];
        // graphql-ws bypasses Apollo: it gets the same validation rules and error formatting here.
        // Nest passes every graphql-ws option through to useServer, though its type names fewer.
        const graphqlWs: GraphQLWsSubscriptionsConfig & Pick<ServerOptions, 'onError'> = {
          onConnect: (ctx) => authenticateSocket(ctx, tokens, actors),
          onSubscribe: (ctx, _id, payload) =>
            recheckToken(ctx, tokens) ??
            prepareSubscription(schemaHost.schema, payload, validationRules),
          onClose: (ctx) => clearTimeout(socketOf(ctx).expiry),
          onNext: (_ctx, _id, _payload, _args, result) =>
            result.errors && {
              ...result,
              errors: result.errors.map((e) => formatGraphQLError(e.toJSON(), e)),
            },
          onError: (_ctx, _id, _payload, errors) =>
            errors.map((e) => formatGraphQLError(e.toJSON(), e)),
        };
        return {
          path: '/graphql',
          // Built in memory from the code; `npm run schema:print` writes apps/api/schema.graphql.
          autoSchemaFile: true,
          sortSchema: true,
          context: (source: { req: Request } | SocketContext) => ({
            req: 'extra' in source ? socketRequest(socketOf(source).actor) : source.req,
            loaders: loaders.create(),
          }),
          formatError: formatGraphQLError,
          includeStacktraceInErrorResponses: false,
          validationRules,
          plugins: [inputHygienePlugin],
          // Subscriptions over graphql-ws only (no legacy subscriptions-transport-ws), on /graphql.
          subscriptions: { 'graphql-ws': graphqlWs },
          introspection: true,
          graphiql: config.NODE_ENV !== 'production',
        };
      },
    }),
  ],
})
export class ApiGraphQLModule {}
