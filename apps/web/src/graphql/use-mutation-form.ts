import { zodResolver } from '@hookform/resolvers/zod';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { formErrorsOf, type Overrides } from './form-errors';

// A form that sends one mutation: checked in the browser by its schema, sent, the API's refusals
// shown on their fields (or above the form), and `done` called with the values and the answer on
// success. `done` may return a message for the form (e.g. when starting the session failed).
// The schema may turn what is typed into what is sent (T, the fields, into V, e.g. hours as text
// into a number).
export function useMutationForm<
  T extends FieldValues,
  R extends { error?: CombinedError },
  V extends FieldValues = T,
>(
  schema: z.ZodType<V, T>,
  defaultValues: T,
  send: (values: V) => Promise<R>,
  done: (values: V, outcome: R) => Promise<string | void> | string | void,
  overrides: Overrides<Path<T> & string> = {},
) {
  const { t } = useTranslation();
  const [formError, setFormError] = useState<string>();
  const form = useForm<T, unknown, V>({
    resolver: zodResolver(schema),
    defaultValues: defaultValues as DefaultValues<T>,
  });
  const onSubmit = form.handleSubmit(async (values) => {
    setFormError(undefined);
    const outcome = await send(values);
    if (outcome.error) {
      const names = Object.keys(defaultValues) as (Path<T> & string)[];
      const errors = formErrorsOf(outcome.error, names, t, overrides);
      for (const [name, message] of Object.entries(errors.fields)) {
        form.setError(name as Path<T>, { message: message as string }, { shouldFocus: true });
      }
      setFormError(errors.form);
      return;
    }
    const problem = await done(values, outcome);
    if (problem) setFormError(problem);
  });
  return {
    form,
    formError,
    submitting: form.formState.isSubmitting,
    onSubmit: (event?: React.BaseSyntheticEvent) => void onSubmit(event),
  };
}
