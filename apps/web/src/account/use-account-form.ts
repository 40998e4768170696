import { zodResolver } from '@hookform/resolvers/zod';
import type { CombinedError } from '@urql/core';
import { useState } from 'react';
import { type DefaultValues, type FieldValues, type Path, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { useSession } from '../auth/session-context';
import { formErrorsOf, type Overrides } from '../graphql/form-errors';

interface Outcome {
  error?: CombinedError;
  refreshToken?: string;
}

// A sign-in or sign-up form: checked in the browser by its schema, sent, the API's refusals
// shown on their fields (or above the form), and on success the session started and the person
// taken back to where they came from.
export function useAccountForm<T extends FieldValues>(
  schema: z.ZodType<T, T>,
  defaultValues: T,
  send: (values: T) => Promise<Outcome>,
  overrides: Overrides<Path<T> & string> = {},
) {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const from = (useLocation().state as { from?: string } | null)?.from ?? '/projects';
  const [formError, setFormError] = useState<string>();
  const form = useForm<T, unknown, T>({
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
    if (!outcome.refreshToken) return setFormError(t('errors.generic'));
    try {
      await session.start(outcome.refreshToken);
    } catch {
      return setFormError(t('errors.generic'));
    }
    await navigate(from, { replace: true });
  });
  return { form, formError, onSubmit: (event?: React.BaseSyntheticEvent) => void onSubmit(event) };
}
