import { ConflictReason } from './conflict-reason';

// The error codes clients can rely on. Every context throws AppError (or a subclass) with one of
// these; the API maps them to GraphQL errors in one place (graphql/format-error.ts).
export enum ErrorCode {
  BAD_USER_INPUT = 'BAD_USER_INPUT',
  UNAUTHENTICATED = 'UNAUTHENTICATED',
  FORBIDDEN = 'FORBIDDEN',
  NOT_FOUND = 'NOT_FOUND',
  CONFLICT = 'CONFLICT',
  // The database could not serve the request in time (busy pool, lock wait, timeout, deadlock)
  // or could not be reached (a restart); nothing was changed and the same request may simply be
  // sent again.
  TRY_AGAIN = 'TRY_AGAIN',
  TOO_MANY_REQUESTS = 'TOO_MANY_REQUESTS',
}

export interface FieldProblem {
  // Path of the offending field inside the operation's input, e.g. ["input", "capacity"].
  path: string[];
  message: string;
}

export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly fields: FieldProblem[] = [],
    // Set on every CONFLICT: which one, for clients to act on.
    readonly reason?: ConflictReason,
  ) {
    super(message);
    this.name = 'AppError';
  }

  static badInput(message: string, fields: FieldProblem[] = []): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, message, fields);
  }

  static invalidField(path: string[], message: string): AppError {
    return new AppError(ErrorCode.BAD_USER_INPUT, `${path.join('.')}: ${message}`, [
      { path, message },
    ]);
  }

  // Several field problems found at once, e.g. by a service's own rules.
  static invalidFields(fields: FieldProblem[]): AppError {
    const summary = fields.map((f) => `${f.path.join('.')}: ${f.message}`).join('; ');
    return AppError.badInput(`Invalid input: ${summary}`, fields);
  }

  static unauthenticated(message = 'Authentication required'): AppError {
    return new AppError(ErrorCode.UNAUTHENTICATED, message);
  }

  static forbidden(message = 'You are not allowed to do this'): AppError {
    return new AppError(ErrorCode.FORBIDDEN, message);
  }

  static notFound(what: string, id?: string): AppError {
    return new AppError(ErrorCode.NOT_FOUND, id ? `${what} ${id} not found` : `${what} not found`);
  }

  static conflict(reason: ConflictReason, message: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message, [], reason);
  }

  // A conflict caused by one input field, e.g. a name another record already has.
  static conflictField(reason: ConflictReason, path: string[], message: string): AppError {
    return new AppError(ErrorCode.CONFLICT, message, [{ path, message }], reason);
  }
}

// A rate limit or a sign-in lockout: the client may try again after retryAfterSeconds.
export class TooManyRequestsError extends AppError {
  // Apollo Server reads `extensions.http` of a thrown error (graphql-js copies it from the
  // original error) for the HTTP status and headers: 429 with Retry-After.
  readonly extensions: { http: { status: number; headers: Map<string, string> } };

  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super(ErrorCode.TOO_MANY_REQUESTS, message);
    this.name = 'TooManyRequestsError';
    this.extensions = {
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    };
  }

  // Whole seconds, at least 1: "retry after 0 s" would invite an immediate retry.
  static after(message: string, waitMs: number): TooManyRequestsError {
    return new TooManyRequestsError(message, Math.max(1, Math.ceil(waitMs / 1000)));
  }
}

// Postgres SQLSTATE for unique_violation; lets services turn a race into a CONFLICT.
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e?.driverError?.code ?? e?.code;
  const name = e?.driverError?.constraint ?? e?.constraint;
  return code === '23505' && (constraint === undefined || name === constraint);
}
