import { ValidateBy, ValidationOptions } from 'class-validator';

// A number in whole steps of `step` (0.1: 1.5 is fine, 1.25 is not), allowing for binary
// fractions (0.3 is 0.30000000000000004).
export const InSteps = (step: number, options?: ValidationOptions) =>
  ValidateBy(
    {
      name: 'inSteps',
      constraints: [step],
      validator: {
        validate: (value: unknown) =>
          typeof value === 'number' &&
          Number.isFinite(value) &&
          Math.abs(value / step - Math.round(value / step)) < 1e-9,
        defaultMessage: () => `must be in steps of ${step}`,
      },
    },
    options,
  );
