import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule, GraphQLSchemaHost, GraphQLWsSubscriptionsConfig } from '@nestjs/graphql';
import { AppConfig, AppError } from '@tsunagu/core';
import { ActorService, IdentityModule, TokenService } from '@tsunagu/identity';
import type { Actor } from '@tsunagu/identity';
import type { Request } from 'express';
import {
  DocumentNode,
  ExecutionArgs,
  getOperationAST,
  GraphQLError,
  GraphQLSchema,
  OperationTypeNode,
  parse,
  specifiedRules,
  validate,
  ValidationRule,
} from 'graphql';
import depthLimit from 'graphql-depth-limit';
import { CloseCode, Context as SocketContext, ServerOptions, SubscribePayload } from 'graphql-ws';
import type { Extra } from 'graphql-ws/use/ws';
import { bearerToken } from '../auth/authentication.guard';
import { socketRequest } from '../auth/request-context';
import { DataLoaders } from './data-loaders';
import { formatGraphQLError } from './format-error';
import { LoadersModule } from './loaders.module';

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
          onSubscribe: (_ctx, _id, payload) =>
            prepareSubscription(schemaHost.schema, payload, validationRules),
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

// A graphql-ws socket remembers its actor from onConnect for all its operations.
type Socket = Extra & { actor?: Actor };

function socketOf(ctx: SocketContext): Socket {
  return ctx.extra as Socket;
}

// Browsers cannot set headers on a WebSocket, so the access token comes in connectionParams,
// once per socket. A socket without a valid one is closed with 4401, which graphql-ws clients
// take as final (they do not retry with the same credentials).
async function authenticateSocket(
  ctx: SocketContext,
  tokens: TokenService,
  actors: ActorService,
): Promise<boolean> {
  const socket = socketOf(ctx);
  const authorization = ctx.connectionParams?.authorization;
  try {
    if (typeof authorization !== 'string') {
      throw AppError.unauthenticated(
        'Authentication required: connectionParams.authorization "Bearer <access token>"',
      );
    }
    const token = bearerToken(authorization);
    if (!token) {
      throw AppError.unauthenticated(
        'connectionParams.authorization must be "Bearer <access token>"',
      );
    }
    socket.actor = await actors.load(tokens.verifyAccessToken(token));
    return true;
  } catch (error) {
    if (!(error instanceof AppError)) throw error;
    socket.socket.close(CloseCode.Unauthorized, error.message);
    return false;
  }
}

// Parses and validates as Apollo does over HTTP (the depth limit included), and serves only
// subscriptions: queries and mutations keep to POST /graphql, with its request logs.
function prepareSubscription(
  schema: GraphQLSchema,
  payload: SubscribePayload,
  validationRules: ValidationRule[],
): ExecutionArgs | GraphQLError[] {
  let document: DocumentNode;
  try {
    document = parse(payload.query);
  } catch (error) {
    return [withCode(error as GraphQLError, 'GRAPHQL_PARSE_FAILED')];
  }
  const invalid = validate(schema, document, [...specifiedRules, ...validationRules]);
  if (invalid.length > 0) return invalid.map((e) => withCode(e, 'GRAPHQL_VALIDATION_FAILED'));
  const operation = getOperationAST(document, payload.operationName);
  if (operation?.operation !== OperationTypeNode.SUBSCRIPTION) {
    return [
      new GraphQLError(
        'Only subscriptions are served over WebSocket; send queries and mutations to POST /graphql',
        { extensions: { code: 'BAD_REQUEST' } },
      ),
    ];
  }
  return {
    schema,
    document,
    operationName: payload.operationName,
    variableValues: payload.variables,
  };
}

function withCode(error: GraphQLError, code: string): GraphQLError {
  return new GraphQLError(error.message, {
    nodes: error.nodes,
    source: error.source,
    positions: error.positions,
    extensions: { code },
  });
}
