// The one class, not the TypeORM index, which loads every driver and decorator for nothing here.
import { QueryFailedError } from 'typeorm/error/QueryFailedError';
import { ErrorCode } from './app-error';
import { transientFailure, TransientReason } from './transient-errors';

// What node-postgres raises: an Error carrying the SQLSTATE as `code`.
function pgError(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

describe('transientFailure', () => {
  it.each([
    ['57014', TransientReason.STATEMENT_TIMEOUT],
    ['55P03', TransientReason.LOCK_TIMEOUT],
    ['25P03', TransientReason.IDLE_IN_TRANSACTION_TIMEOUT],
    ['40P01', TransientReason.DEADLOCK],
    ['40001', TransientReason.SERIALIZATION_FAILURE],
    ['57P01', TransientReason.DATABASE_UNAVAILABLE],
    ['57P03', TransientReason.DATABASE_UNAVAILABLE],
    ['08006', TransientReason.DATABASE_UNAVAILABLE],
    ['ECONNREFUSED', TransientReason.DATABASE_UNAVAILABLE],
  ])('turns SQLSTATE %s into TRY_AGAIN (%s), raw or wrapped by TypeORM', (code, reason) => {
    const raw = pgError(code);
    expect(transientFailure(raw)).toMatchObject({ code: ErrorCode.TRY_AGAIN, reason });
    const wrapped = new QueryFailedError('SELECT 1', [], raw);
    expect(transientFailure(wrapped)).toMatchObject({ code: ErrorCode.TRY_AGAIN, reason });
  });

  it('recognises the pool giving up on a connection', () => {
    expect(transientFailure(new Error('timeout exceeded when trying to connect'))).toMatchObject({
      code: ErrorCode.TRY_AGAIN,
      reason: TransientReason.POOL_TIMEOUT,
    });
  });

  it('recognises a connection the server closed', () => {
    expect(transientFailure(new Error('Connection terminated unexpectedly'))).toMatchObject({
      code: ErrorCode.TRY_AGAIN,
      reason: TransientReason.DATABASE_UNAVAILABLE,
    });
  });

  it('leaves every other error alone', () => {
    expect(transientFailure(pgError('23505'))).toBeUndefined();
    expect(transientFailure(pgError('22P02'))).toBeUndefined();
    expect(transientFailure(new Error('boom'))).toBeUndefined();
    expect(transientFailure(undefined)).toBeUndefined();
    expect(transientFailure('57014')).toBeUndefined();
  });
});
