import { Logger } from '@nestjs/common';
import { AppError, TooManyRequestsError } from '@tsunagu/core';
import { GraphQLError, GraphQLFormattedError } from 'graphql';

const logger = new Logger('GraphQL');

// Codes produced by GraphQL itself (parse, validation, variable coercion) pass through.
const GRAPHQL_CODES = new Set([
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_USER_INPUT',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
  'OPERATION_RESOLUTION_FAILURE',
  'BAD_REQUEST',
]);

// The one mapping from errors to what clients see. AppErrors keep their code and field paths;
// anything unexpected is logged and shown as INTERNAL_SERVER_ERROR without internals.
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
): GraphQLFormattedError {
  const original = error instanceof GraphQLError ? error.originalError : error;
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.fields.length ? { fields: original.fields } : {}),
        ...(original instanceof TooManyRequestsError
          ? { retryAfterSeconds: original.retryAfterSeconds }
          : {}),
      },
    };
  }
  const code = formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
    return {
      message: formatted.message,
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code },
    };
  }
  logger.error(
    `unexpected error at ${formatted.path?.join('.') ?? '(request)'}: ${(original as Error)?.stack ?? String(original)}`,
  );
  return {
    message: 'Internal server error',
    path: formatted.path,
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}
