// The one class, not the TypeORM index, which loads every driver and decorator for nothing here.
import { QueryFailedError } from 'typeorm/error/QueryFailedError';
import { ErrorCode } from './app-error';
import { ConflictReason } from './conflict-reason';
import { databaseRuleError } from './database-errors';

// What node-postgres rejects with, wrapped by TypeORM as its QueryFailedError.
function failed(code: string, constraint?: string): QueryFailedError {
  return new QueryFailedError(
    'UPDATE …',
    [],
    Object.assign(new Error('refused'), { code, constraint }),
  );
}

describe('databaseRuleError', () => {
  it('names the reason of a known rule', () => {
    const error = databaseRuleError(failed('23514', 'project_capacity_covers_seats_held'));
    expect(error?.code).toBe(ErrorCode.CONFLICT);
    expect(error?.reason).toBe(ConflictReason.CAPACITY_BELOW_SEATS_HELD);
    expect(databaseRuleError(failed('23514', 'engagement_seat_within_capacity'))?.reason).toBe(
      ConflictReason.PROJECT_FULL,
    );
  });

  it('answers any other check constraint as INVARIANT_VIOLATED, naming it', () => {
    const error = databaseRuleError(failed('23514', 'project_period_ordered'));
    expect(error?.reason).toBe(ConflictReason.INVARIANT_VIOLATED);
    expect(error?.message).toBe('Refused by the database rule project_period_ordered');
  });

  it('leaves everything else alone', () => {
    expect(databaseRuleError(failed('23505', 'engagement_project_participant_key'))).toBeNull();
    expect(databaseRuleError(new Error('boom'))).toBeNull();
    expect(databaseRuleError(undefined)).toBeNull();
  });
});
