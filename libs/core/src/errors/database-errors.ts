import { AppError } from './app-error';
import { ConflictReason } from './conflict-reason';

// Database rules that stand behind the code's own checks (CHECK constraints, and triggers that
// raise check_violation with a constraint name). The code refuses these cases first with a better
// message; a write that still reaches the rule is a CONFLICT with a reason, not a 500.
const CONSTRAINT_REASONS: Record<string, ConflictReason> = {
  project_capacity_covers_seats_held: ConflictReason.CAPACITY_BELOW_SEATS_HELD,
  engagement_seat_within_capacity: ConflictReason.PROJECT_FULL,
};

const CHECK_VIOLATION = '23514';

// The AppError a failed write stands for, or null when it is not a rule's refusal.
export function databaseRuleError(error: unknown): AppError | null {
  const e = error as {
    code?: string;
    constraint?: string;
    driverError?: { code?: string; constraint?: string };
  };
  const code = e?.driverError?.code ?? e?.code;
  if (code !== CHECK_VIOLATION) return null;
  const constraint = e?.driverError?.constraint ?? e?.constraint ?? 'unknown';
  return AppError.conflict(
    CONSTRAINT_REASONS[constraint] ?? ConflictReason.INVARIANT_VIOLATED,
    `Refused by the database rule ${constraint}`,
  );
}
