import { Logger } from '@nestjs/common';
import { AppError, databaseRuleError, TooManyRequestsError, transientFailure } from '@tsunagu/core';
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
  'QUERY_TOO_COSTLY',
]);

export interface ErrorFormatOptions {
  // graphql's "Did you mean …?" hints name fields and types a client did not ask for: the schema
  // can be mapped by guessing. On in development, off in production.
  suggestions: boolean;
}

// The one mapping from errors to what clients see. AppErrors keep their code and field paths;
// anything unexpected is logged and shown as INTERNAL_SERVER_ERROR without internals.
export function formatGraphQLError(
  formatted: GraphQLFormattedError,
  error: unknown,
  options: ErrorFormatOptions = { suggestions: true },
): GraphQLFormattedError {
  const raw = error instanceof GraphQLError ? error.originalError : error;
  // A busy pool, a lock or statement timeout or a deadlock: retryable, and said so.
  const transient = transientFailure(raw);
  if (transient) {
    return {
      message: transient.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: { code: transient.code, reason: transient.reason, retryable: true },
    };
  }
  // A database rule's refusal that no service turned into an AppError is still a CONFLICT.
  const original = raw instanceof AppError ? raw : (databaseRuleError(raw) ?? raw);
  if (original instanceof AppError) {
    return {
      message: original.message,
      path: formatted.path,
      locations: formatted.locations,
      extensions: {
        code: original.code,
        ...(original.reason ? { reason: original.reason } : {}),
        ...(original.fields.length ? { fields: original.fields } : {}),
        ...(original instanceof TooManyRequestsError
          ? { retryAfterSeconds: original.retryAfterSeconds }
          : {}),
      },
    };
  }
  const code = variableLimitReached(formatted) ? 'BAD_USER_INPUT' : formatted.extensions?.code;
  if (typeof code === 'string' && GRAPHQL_CODES.has(code)) {
    const cost = formatted.extensions?.cost;
    return {
      message: options.suggestions ? formatted.message : withoutSuggestions(formatted.message),
      locations: formatted.locations,
      path: formatted.path,
      extensions: { code, ...(cost ? { cost } : {}) },
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

// As Apollo's own suggestion stripping, but also for variable errors and over graphql-ws.
function withoutSuggestions(message: string): string {
  return message.replace(/ ?Did you mean .+?\?$/, '');
}

// graphql stops coercing variables after 50 errors and adds this one, which Apollo files as
// an internal error: it is the client's input all the same.
function variableLimitReached(formatted: GraphQLFormattedError): boolean {
  return formatted.message.startsWith('Too many errors processing variables');
}
