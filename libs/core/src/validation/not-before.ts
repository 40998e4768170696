import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';
import { isDateOnly } from './is-date-only';

// A calendar date (YYYY-MM-DD, so the text compares as the date) not before another field of the
// same input when both are dates (endDate and startDate). The error lands on this field.
export const NotBefore = (property: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'notBefore',
      constraints: [property],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          // A value that is no date is @IsDateOnly()'s to report.
          if (!isDateOnly(value) || !isDateOnly(other)) return true;
          return value >= other;
        },
        defaultMessage: () => `must not be before ${property}`,
      },
    },
    options,
  );
