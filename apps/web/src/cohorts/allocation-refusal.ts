import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';
import { formErrorsOf } from '../graphql/form-errors';

export type AllocationOperation = 'run' | 'adjust' | 'confirm';

// Every refusal the allocation operations answer with (extensions.reason of a CONFLICT, or the
// code): the API's messages are English sentences for developers, never shown as such.
export const ALLOCATION_REFUSALS = [
  'WRONG_STATUS',
  'ALREADY_DONE',
  'NOT_TAKING_APPLICATIONS',
  'PROJECT_FULL',
  'ALREADY_APPLIED',
  'FORBIDDEN',
  'NOT_FOUND',
] as const;

// What the intermediary reads when running, adjusting or confirming an allocation is refused.
// Invalid input means a different thing for each operation: the cohort as a whole for a run, the
// chosen move for an adjustment. Anything else (network, busy, internal) gets the shared words.
export function allocationRefusal(
  error: CombinedError,
  operation: AllocationOperation,
  t: TFunction,
): string | undefined {
  const overrides: Record<string, { message: string }> = Object.fromEntries(
    ALLOCATION_REFUSALS.map((code) => [code, { message: t(`cohorts.refusal.${code}`) }]),
  );
  if (operation !== 'confirm') {
    const input = operation === 'run' ? 'runInput' : 'adjustInput';
    overrides.BAD_USER_INPUT = { message: t(`cohorts.refusal.${input}`) };
  }
  return formErrorsOf(error, [], t, overrides).form;
}
