import { applyDecorators } from '@nestjs/common';
import { IsISO8601, isISO8601, Matches } from 'class-validator';

const MESSAGE = 'must be a date (YYYY-MM-DD)';

// A calendar date written YYYY-MM-DD that exists (2027-02-30 does not).
export const IsDateOnly = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message: MESSAGE }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: MESSAGE }),
  );

// The same rule as a predicate, for rules that compare dates once both are dates.
export const isDateOnly = (value: unknown): value is string =>
  typeof value === 'string' &&
  /^\d{4}-\d{2}-\d{2}$/.test(value) &&
  isISO8601(value, { strict: true, strictSeparator: true });
