import { ArgumentsHost, Catch } from '@nestjs/common';
import { GqlExceptionFilter } from '@nestjs/graphql';

// Hands every resolver error to GraphQL unchanged, so formatGraphQLError is the one place that
// decides what clients see and what gets logged (Nest's default handler would log expected
// errors such as CONFLICT as failures).
@Catch()
export class GraphQLPassThroughFilter implements GqlExceptionFilter {
  catch(exception: unknown, _host: ArgumentsHost): unknown {
    return exception;
  }
}
