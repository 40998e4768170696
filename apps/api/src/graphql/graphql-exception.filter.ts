import { ArgumentsHost, Catch } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import { GqlExceptionFilter } from '@nestjs/graphql';

// Hands every resolver error to GraphQL unchanged, so formatGraphQLError is the one place that
// decides what clients see and what gets logged (Nest's default handler would log expected
// errors such as CONFLICT as failures). Plain HTTP routes (/health) keep Nest's own handling,
// which writes the response.
@Catch()
export class GraphQLPassThroughFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<string>() !== 'graphql') return super.catch(exception, host);
    return exception;
  }
}
