import { applyDecorators } from '@nestjs/common';
import { IsISO8601, Matches } from 'class-validator';

const MESSAGE = 'must be a date (YYYY-MM-DD)';

// A calendar date written YYYY-MM-DD that exists (2027-02-30 does not).
export const IsDateOnly = () =>
  applyDecorators(
    IsISO8601({ strict: true, strictSeparator: true }, { message: MESSAGE }),
    Matches(/^\d{4}-\d{2}-\d{2}$/, { message: MESSAGE }),
  );
