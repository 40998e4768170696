import type { CombinedError } from '@urql/core';
import type { FieldValues, Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useLocation, useNavigate } from 'react-router';
import type { z } from 'zod';
import { useSession } from '../auth/session-context';
import type { Overrides } from '../graphql/form-errors';
import { startSession } from './session-requests';
import { useMutationForm } from '../graphql/use-mutation-form';

interface Outcome {
  error?: CombinedError;
  refreshToken?: string;
}

// A sign-in or sign-up form: on success the session is started with the new refresh token and
// the person taken back to where they came from.
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
  return useMutationForm(
    schema,
    defaultValues,
    send,
    async (_values, { refreshToken }) => {
      if (!(await startSession(session, refreshToken))) return t('errors.generic');
      await navigate(from, { replace: true });
    },
    overrides,
  );
}
