import { ApolloDriver, ApolloDriverConfig } from '@nestjs/apollo';
import { Module } from '@nestjs/common';
import { GraphQLModule } from '@nestjs/graphql';
import { AppConfig } from '@tsunagu/core';
import depthLimit from 'graphql-depth-limit';
import { DataLoaders } from './data-loaders';
import { formatGraphQLError } from './format-error';
import { LoadersModule } from './loaders.module';

@Module({
  imports: [
    GraphQLModule.forRootAsync<ApolloDriverConfig>({
      driver: ApolloDriver,
      imports: [LoadersModule],
      inject: [AppConfig, DataLoaders],
      useFactory: (config: AppConfig, loaders: DataLoaders) => ({
        path: '/graphql',
        // Built in memory from the code; `npm run schema:print` writes apps/api/schema.graphql.
        autoSchemaFile: true,
        sortSchema: true,
        context: ({ req }: { req: unknown }) => ({ req, loaders: loaders.create() }),
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
