import {
  Alert,
  Anchor,
  Button,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { AccountFormCard } from './AccountFormCard';
import { RequestPasswordResetMutation, ResetPasswordMutation } from './account-documents';
import { emailField, linkProblemOf, PASSWORD_MIN, resetPasswordSchema } from './account-rules';
import { useMutationForm } from '../graphql/use-mutation-form';
import { FormError } from '../app/FormError';

// /forgot-password: asks for a reset link. The answer is the same whether or not the address
// has an account, and so is what this page says.
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  const [, request] = useMutation(RequestPasswordResetMutation);
  const [sent, setSent] = useState(false);
  const schema = useMemo(() => z.object({ email: emailField(t) }), [t]);
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { email: '' },
    (input) => request({ input }),
    () => setSent(true),
  );
  const back = (
    <Anchor component={Link} to="/sign-in" size="sm">
      {t('forgotPassword.backToSignIn')}
    </Anchor>
  );
  return (
    <AccountFormCard
      title={t('forgotPassword.title')}
      description={t('forgotPassword.description')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('forgotPassword.submit')}
      submitting={submitting}
      footer={back}
    >
      <TextInput
        label={t('signIn.email')}
        type="email"
        autoComplete="email"
        required
        error={form.formState.errors.email?.message}
        {...form.register('email')}
      />
      <div aria-live="polite">
        {sent && (
          <Alert color="green" data-testid="reset-sent">
            {t('forgotPassword.sent')}
          </Alert>
        )}
      </div>
    </AccountFormCard>
  );
}

// /reset-password?token=…: the link of the reset e-mail.
export function ResetPasswordPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const token = params.get('token') ?? '';
  const [, reset] = useMutation(ResetPasswordMutation);
  const [done, setDone] = useState(false);
  const [linkError, setLinkError] = useState<string>();
  const schema = useMemo(() => resetPasswordSchema(t), [t]);
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { newPassword: '', repeat: '' },
    async ({ newPassword }): Promise<{ error?: CombinedError; linkProblem?: string }> => {
      setLinkError(undefined);
      const result = await reset({ input: { token, newPassword } });
      // A refused link is the page's problem, not a field's.
      const problem = result.error && linkProblemOf(result.error);
      if (problem === 'expired' || problem === 'used' || problem === 'invalid') {
        return { linkProblem: t(`resetPassword.${problem}`) };
      }
      return { error: result.error };
    },
    (_values, { linkProblem }) => {
      if (linkProblem) setLinkError(linkProblem);
      else setDone(true);
    },
  );
  if (done) {
    return (
      <Paper withBorder p="lg" maw={420} mx="auto">
        <Stack>
          <Title order={1} size="h2">
            {t('resetPassword.title')}
          </Title>
          <Alert color="green" role="status">
            <Stack gap="xs">
              <Text size="sm">{t('resetPassword.done')}</Text>
            </Stack>
          </Alert>
          <Button component={Link} to="/sign-in" variant="default">
            {t('app.signIn')}
          </Button>
        </Stack>
      </Paper>
    );
  }
  const problem = !token ? t('resetPassword.noToken') : linkError;
  const { errors } = form.formState;
  return (
    <AccountFormCard
      title={t('resetPassword.title')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('resetPassword.submit')}
      submitting={submitting}
      footer={
        <Anchor component={Link} to="/forgot-password" size="sm">
          {t('resetPassword.requestAgain')}
        </Anchor>
      }
    >
      <FormError message={problem} />
      <PasswordInput
        label={t('resetPassword.newPassword')}
        description={t('signUp.passwordHint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <PasswordInput
        label={t('resetPassword.repeat')}
        autoComplete="new-password"
        required
        error={errors.repeat?.message}
        {...form.register('repeat')}
      />
    </AccountFormCard>
  );
}
