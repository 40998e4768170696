import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AppConfig } from '@tsunagu/core';
import depthLimit from 'graphql-depth-limit';
import { formatGraphQLError } from './format-error';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      inject: [AppConfig],
      useFactory: (config: AppConfig) => ({
        path: '/graphql',
        // Built in memory from the code; `npm run schema:print` writes apps/api/schema.graphql.
        autoSchemaFile: true,
        sortSchema: true,
        context: ({ req }: { req: unknown }) => ({ req }),
        formatError: formatGraphQLError,
        includeStacktraceInErrorResponses: false,
        validationRules: [depthLimit(config.GRAPHQL_MAX_DEPTH)],
        introspection: true,
        graphiql: config.NODE_ENV !== 'production',
      }),
    }),
  ],
})
export class ApiGraphQLModule {}
