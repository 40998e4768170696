import { Anchor, PasswordInput, Text, TextInput } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { AccountFormCard } from './AccountFormCard';
import { PASSWORD_MIN } from './account-rules';
import { SignUpMutation } from './account-documents';
import { useAccountForm } from './use-account-form';

export function SignUpPage() {
  const { t, i18n } = useTranslation();
  const [, signUp] = useMutation(SignUpMutation);
  const schema = useMemo(
    () =>
      z.object({
        displayName: z.string().trim().min(1, t('form.required')).max(100),
        email: z.string().trim().min(1, t('form.required')).email(t('form.email')),
        password: z.string().min(PASSWORD_MIN, t('form.passwordLength', { min: PASSWORD_MIN })),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useAccountForm(
    schema,
    { displayName: '', email: '', password: '' },
    async (values) => {
      const result = await signUp({ input: { ...values, locale: i18n.language } });
      return { error: result.error, refreshToken: result.data?.signUp.refreshToken };
    },
    { ALREADY_EXISTS: { field: 'email', message: t('signUp.emailTaken') } },
  );
  const { errors } = form.formState;
  return (
    <AccountFormCard
      title={t('signUp.title')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('signUp.submit')}
      submitting={submitting}
      footer={
        <Text size="sm">
          {t('signUp.haveAccount')}{' '}
          <Anchor component={Link} to="/sign-in">
            {t('app.signIn')}
          </Anchor>
        </Text>
      }
    >
      <TextInput
        label={t('signUp.displayName')}
        autoComplete="nickname"
        required
        error={errors.displayName?.message}
        {...form.register('displayName')}
      />
      <TextInput
        label={t('signUp.email')}
        type="email"
        autoComplete="email"
        required
        error={errors.email?.message}
        {...form.register('email')}
      />
      <PasswordInput
        label={t('signUp.password')}
        description={t('signUp.passwordHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        error={errors.password?.message}
        {...form.register('password')}
      />
    </AccountFormCard>
  );
}
