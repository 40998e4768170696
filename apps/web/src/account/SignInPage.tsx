import { Anchor, Group, PasswordInput, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { AccountFormCard } from './AccountFormCard';
import { SignInMutation } from './account-documents';
import { useAccountForm } from './use-account-form';

export function SignInPage() {
  const { t } = useTranslation();
  const [, signIn] = useMutation(SignInMutation);
  const schema = useMemo(
    () =>
      z.object({
        email: z.string().trim().min(1, t('form.required')).email(t('form.email')),
        password: z.string().min(1, t('form.required')),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useAccountForm(
    schema,
    { email: '', password: '' },
    async (input) => {
      const result = await signIn({ input });
      return { error: result.error, refreshToken: result.data?.signIn.refreshToken };
    },
    { UNAUTHENTICATED: { message: t('signIn.wrongCredentials') } },
  );
  const { errors } = form.formState;
  return (
    <AccountFormCard
      title={t('signIn.title')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('signIn.submit')}
      submitting={submitting}
      footer={
        <Group justify="space-between" gap="xs">
          <Text size="sm">
            {t('signIn.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('app.signUp')}
            </Anchor>
          </Text>
          <Anchor component={Link} to="/forgot-password" size="sm">
            {t('signIn.forgotPassword')}
          </Anchor>
        </Group>
      }
    >
      <TextInput
        label={t('signIn.email')}
        type="email"
        autoComplete="email"
        required
        error={errors.email?.message}
        {...form.register('email')}
      />
      <PasswordInput
        label={t('signIn.password')}
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...form.register('password')}
      />
    </AccountFormCard>
  );
}
