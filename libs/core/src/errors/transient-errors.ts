import { ErrorCode } from './app-error';

// Why a request failed for a reason that passes: told to clients as extensions.reason.
export enum TransientReason {
  POOL_TIMEOUT = 'POOL_TIMEOUT',
  LOCK_TIMEOUT = 'LOCK_TIMEOUT',
  STATEMENT_TIMEOUT = 'STATEMENT_TIMEOUT',
  IDLE_IN_TRANSACTION_TIMEOUT = 'IDLE_IN_TRANSACTION_TIMEOUT',
  DEADLOCK = 'DEADLOCK',
  SERIALIZATION_FAILURE = 'SERIALIZATION_FAILURE',
  // The database is restarting or out of reach (a failover, a restart).
  DATABASE_UNAVAILABLE = 'DATABASE_UNAVAILABLE',
}

export interface TransientFailure {
  code: ErrorCode.TRY_AGAIN;
  reason: TransientReason;
  message: string;
}

// PostgreSQL SQLSTATEs that mean "this attempt lost, nothing was written, try again".
const BY_SQLSTATE: Record<string, [TransientReason, string]> = {
  '57014': [TransientReason.STATEMENT_TIMEOUT, 'The database took too long to answer'],
  '55P03': [TransientReason.LOCK_TIMEOUT, 'The record is busy'],
  '25P03': [TransientReason.IDLE_IN_TRANSACTION_TIMEOUT, 'The request took too long'],
  '40P01': [TransientReason.DEADLOCK, 'The request collided with another one'],
  '40001': [TransientReason.SERIALIZATION_FAILURE, 'The request collided with another one'],
  '57P01': [TransientReason.DATABASE_UNAVAILABLE, 'The database is restarting'],
  '57P02': [TransientReason.DATABASE_UNAVAILABLE, 'The database is restarting'],
  '57P03': [TransientReason.DATABASE_UNAVAILABLE, 'The database is starting'],
  '08000': [TransientReason.DATABASE_UNAVAILABLE, 'The database is unavailable'],
  '08001': [TransientReason.DATABASE_UNAVAILABLE, 'The database is unavailable'],
  '08003': [TransientReason.DATABASE_UNAVAILABLE, 'The database is unavailable'],
  '08006': [TransientReason.DATABASE_UNAVAILABLE, 'The database is unavailable'],
  // Socket errors node-postgres passes on when the server cannot be reached at all.
  ECONNREFUSED: [TransientReason.DATABASE_UNAVAILABLE, 'The database is unavailable'],
  ECONNRESET: [TransientReason.DATABASE_UNAVAILABLE, 'The database is unavailable'],
};

// node-postgres' pool gives up waiting for a connection with this message (pg-pool).
const POOL_TIMEOUT_MESSAGES = [
  'timeout exceeded when trying to connect',
  'Connection terminated due to connection timeout',
];

// node-postgres when the server goes away under an open connection. A transaction cut off this
// way is rolled back by PostgreSQL; only a COMMIT whose answer was lost leaves the outcome unknown,
// which the unique keys on every effect make safe to retry.
const CONNECTION_LOST_MESSAGES = ['Connection terminated unexpectedly', 'Connection terminated'];

// A database error that a retry may cure, as the one code clients see; undefined otherwise.
export function transientFailure(error: unknown): TransientFailure | undefined {
  const e = error as { code?: unknown; message?: unknown; driverError?: { code?: unknown } };
  if (!e || typeof e !== 'object') return undefined;
  const sqlstate = e.driverError?.code ?? e.code;
  const known = typeof sqlstate === 'string' ? BY_SQLSTATE[sqlstate] : undefined;
  if (known) {
    const [reason, what] = known;
    return { code: ErrorCode.TRY_AGAIN, reason, message: `${what}; please try again` };
  }
  const message = typeof e.message === 'string' ? e.message : '';
  if (POOL_TIMEOUT_MESSAGES.some((m) => message.includes(m))) {
    return {
      code: ErrorCode.TRY_AGAIN,
      reason: TransientReason.POOL_TIMEOUT,
      message: 'The service is busy; please try again',
    };
  }
  if (CONNECTION_LOST_MESSAGES.some((m) => message.startsWith(m))) {
    return {
      code: ErrorCode.TRY_AGAIN,
      reason: TransientReason.DATABASE_UNAVAILABLE,
      message: 'The database is unavailable; please try again',
    };
  }
  return undefined;
}
