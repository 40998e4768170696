import { applyDecorators } from '@nestjs/common';
import { IsNotEmpty, IsOptional, IsString, Length, MaxLength } from 'class-validator';

// Text a field must have. The API's input pipe normalises text (libs/core/src/validation/text.ts)
// before validation, so white space alone is empty here and the length is what is stored.
export const RequiredText = (max: number, min = 1) => {
  const most = max.toLocaleString('en');
  return min > 1
    ? applyDecorators(
        IsString(),
        Length(min, max, { message: `must be ${min} to ${most} characters` }),
      )
    : applyDecorators(
        IsString(),
        IsNotEmpty({ message: 'must not be empty' }),
        MaxLength(max, { message: `must be at most ${most} characters` }),
      );
};

// Text a field may leave out: absent, null or empty (white space alone is empty, see above).
export const OptionalText = (max: number) =>
  applyDecorators(
    IsOptional(),
    IsString(),
    MaxLength(max, { message: `must be at most ${max.toLocaleString('en')} characters` }),
  );
