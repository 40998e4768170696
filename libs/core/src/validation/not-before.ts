import { ValidateBy, ValidationArguments, ValidationOptions } from 'class-validator';

// A calendar date (YYYY-MM-DD, so the text compares as the date) not before another field of the
// same input when both are given (endDate and startDate). The error lands on this field.
export const NotBefore = (property: string, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'notBefore',
      constraints: [property],
      validator: {
        validate: (value: unknown, args?: ValidationArguments) => {
          const other = (args?.object as Record<string, unknown> | undefined)?.[property];
          if (typeof value !== 'string' || typeof other !== 'string') return true;
          return value >= other;
        },
        defaultMessage: () => `must not be before ${property}`,
      },
    },
    options,
  );
