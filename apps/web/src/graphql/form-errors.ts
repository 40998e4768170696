import type { CombinedError } from '@urql/core';
import type { TFunction } from 'i18next';

// What a form shows for a failed mutation: messages under its fields, and one for the form.
export interface FormErrors<F extends string> {
  fields: Partial<Record<F, string>>;
  form?: string;
}

interface FieldProblem {
  path: string[];
  message: string;
}

// Codes whose messages the API writes for people; anything else (INTERNAL_SERVER_ERROR, an
// unknown code) gets the generic message, so no internal detail ever reaches the screen.
const SHOWN_CODES = new Set(['BAD_USER_INPUT', 'CONFLICT', 'FORBIDDEN', 'NOT_FOUND']);

// A form's own wording for a refusal, by extensions.reason (CONFLICT) or code: on a field, or on
// the form.
export type Overrides<F extends string> = Partial<Record<string, { field?: F; message: string }>>;

// The API names invalid input in extensions.fields with paths such as ["input", "email"]: the
// message goes under the form field of the path's last name the form has; the others, and
// errors about no field, become the form's message.
export function formErrorsOf<F extends string>(
  error: CombinedError,
  fieldNames: readonly F[],
  t: TFunction,
  overrides: Overrides<F> = {},
): FormErrors<F> {
  const result: FormErrors<F> = { fields: {} };
  if (error.networkError && !error.graphQLErrors.length)
    return { fields: {}, form: t('errors.network') };
  const formMessages: string[] = [];
  for (const e of error.graphQLErrors) {
    const code = typeof e.extensions?.code === 'string' ? e.extensions.code : '';
    const reason = typeof e.extensions?.reason === 'string' ? e.extensions.reason : undefined;
    const override = (reason && overrides[reason]) || overrides[code];
    if (override) {
      if (override.field) result.fields[override.field] ??= override.message;
      else formMessages.push(override.message);
      continue;
    }
    const problems = (e.extensions?.fields ?? []) as FieldProblem[];
    let unplaced = problems.length === 0;
    for (const problem of problems) {
      const field = [...problem.path]
        .reverse()
        .find((name): name is F => (fieldNames as readonly string[]).includes(name));
      if (field) result.fields[field] ??= problem.message;
      else unplaced = true;
    }
    if (!unplaced) continue;
    if (code === 'TOO_MANY_REQUESTS') formMessages.push(t('errors.tooManyAttempts'));
    else formMessages.push(SHOWN_CODES.has(code) ? e.message : t('errors.generic'));
  }
  const unique = [...new Set(formMessages)];
  if (unique.length) result.form = unique.join(' ');
  return result;
}
