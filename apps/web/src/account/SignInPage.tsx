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
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
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
  const { form, formError, onSubmit } = useAccountForm(
    schema,
    { email: '', password: '' },
    async (input) => {
      const result = await signIn({ input });
      return { error: result.error, refreshToken: result.data?.signIn.refreshToken };
    },
    { UNAUTHENTICATED: { message: t('signIn.wrongCredentials') } },
  );
  const { errors, isSubmitting } = form.formState;
  return (
    <Paper withBorder p="lg" maw={420} mx="auto">
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <Title order={1} size="h2">
            {t('signIn.title')}
          </Title>
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
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
          <Button type="submit" loading={isSubmitting}>
            {t('signIn.submit')}
          </Button>
          <Text size="sm">
            {t('signIn.noAccount')}{' '}
            <Anchor component={Link} to="/sign-up">
              {t('app.signUp')}
            </Anchor>
          </Text>
        </Stack>
      </form>
    </Paper>
  );
}
