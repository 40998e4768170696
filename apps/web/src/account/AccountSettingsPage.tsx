import {
  Alert,
  Button,
  Group,
  List,
  Modal,
  Paper,
  PasswordInput,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import { downloadFile } from '../auth/download-file';
import { useSession } from '../auth/session-context';
import { AccountFormCard } from './AccountFormCard';
import {
  AccountQuery,
  ChangePasswordMutation,
  DeleteMyAccountMutation,
  RequestEmailChangeMutation,
} from './account-documents';
import {
  changeEmailSchema,
  changePasswordSchema,
  downloadName,
  PASSWORD_MIN,
} from './account-rules';
import { startSession } from './session-requests';
import { useMutationForm } from '../graphql/use-mutation-form';
import { FormError } from '../app/FormError';

// /settings/account: the e-mail address, the password, "download my data" and deleting the
// account (APPI).
export function AccountSettingsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={640} mx="auto">
      <Title order={1}>{t('accountSettings.title')}</Title>
      <RequireSignIn>
        <AccountSettings />
      </RequireSignIn>
    </Stack>
  );
}

function AccountSettings() {
  const [{ data, fetching, error }, refetch] = useQuery({ query: AccountQuery });
  const me = data?.me;
  return (
    <>
      {fetching && !me && <LoadingState />}
      {error && !me && (
        <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
      )}
      {me && (
        <>
          <ChangeEmailSection email={me.email} verified={me.emailVerified} />
          <ChangePasswordSection />
          <DownloadDataSection />
          <DeleteAccountSection />
        </>
      )}
    </>
  );
}

function ChangeEmailSection({ email, verified }: { email: string; verified: boolean }) {
  const { t } = useTranslation();
  const [, request] = useMutation(RequestEmailChangeMutation);
  const [sentTo, setSentTo] = useState<string>();
  const schema = useMemo(() => changeEmailSchema(t), [t]);
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { newEmail: '', password: '' },
    (input) => request({ input }),
    ({ newEmail }) => {
      setSentTo(newEmail.trim());
      form.reset();
    },
    { ALREADY_EXISTS: { field: 'newEmail', message: t('accountSettings.email.taken') } },
  );
  const { errors } = form.formState;
  return (
    <AccountFormCard
      order={2}
      title={t('accountSettings.email.title')}
      description={t('accountSettings.email.description')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('accountSettings.email.submit')}
      submitting={submitting}
    >
      <Group gap="xs" wrap="wrap">
        <Text size="sm">{t('app.label', { label: t('accountSettings.email.current') })}</Text>
        <Text size="sm" fw={700} style={{ overflowWrap: 'anywhere' }} data-testid="current-email">
          {email}
        </Text>
        {/* Plain dark text: the light badge colours fail contrast (axe). */}
        <Text size="sm" fw={700} c="dark.9">
          {verified
            ? `✓ ${t('accountSettings.email.verified')}`
            : t('accountSettings.email.unverified')}
        </Text>
      </Group>
      <TextInput
        label={t('accountSettings.email.newEmail')}
        type="email"
        autoComplete="email"
        required
        error={errors.newEmail?.message}
        {...form.register('newEmail')}
      />
      <PasswordInput
        label={t('accountSettings.email.password')}
        autoComplete="current-password"
        required
        error={errors.password?.message}
        {...form.register('password')}
      />
      <div aria-live="polite">
        {sentTo && (
          <Alert color="green">{t('accountSettings.email.sent', { email: sentTo })}</Alert>
        )}
      </div>
    </AccountFormCard>
  );
}

function ChangePasswordSection() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [, change] = useMutation(ChangePasswordMutation);
  const [changed, setChanged] = useState(false);
  const schema = useMemo(() => changePasswordSchema(t), [t]);
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { currentPassword: '', newPassword: '' },
    async (input) => {
      setChanged(false);
      const result = await change({ input });
      return { error: result.error, refreshToken: result.data?.changePassword.refreshToken };
    },
    // Every other session ended with the change; this one carries on with the new token.
    async (_values, { refreshToken }) => {
      if (!(await startSession(session, refreshToken))) return t('errors.generic');
      form.reset();
      setChanged(true);
    },
  );
  const { errors } = form.formState;
  return (
    <AccountFormCard
      order={2}
      title={t('accountSettings.password.title')}
      description={t('accountSettings.password.description')}
      formError={formError}
      onSubmit={onSubmit}
      submitLabel={t('accountSettings.password.submit')}
      submitting={submitting}
    >
      <PasswordInput
        label={t('accountSettings.password.current')}
        autoComplete="current-password"
        required
        error={errors.currentPassword?.message}
        {...form.register('currentPassword')}
      />
      <PasswordInput
        label={t('accountSettings.password.next')}
        description={t('accountSettings.password.hint', { min: PASSWORD_MIN })}
        autoComplete="new-password"
        required
        error={errors.newPassword?.message}
        {...form.register('newPassword')}
      />
      <div aria-live="polite">
        {changed && <Alert color="green">{t('accountSettings.password.done')}</Alert>}
      </div>
    </AccountFormCard>
  );
}

// The export comes over HTTP with the access token (renewed if it expired) and is saved as the
// file the API names.
function DownloadDataSection() {
  const { t } = useTranslation();
  const { session } = useSession();
  const [state, setState] = useState<'idle' | 'working' | 'done' | 'failed'>('idle');
  const download = async () => {
    setState('working');
    try {
      const today = new Date().toISOString().slice(0, 10);
      await downloadFile(session, '/auth/my-data', downloadName(null, today));
      setState('done');
    } catch {
      setState('failed');
    }
  };
  return (
    <Paper withBorder p="lg">
      <Stack>
        <Title order={2} size="h3">
          {t('accountSettings.data.title')}
        </Title>
        <Text size="sm">{t('accountSettings.data.description')}</Text>
        <Group>
          <Button variant="default" loading={state === 'working'} onClick={() => void download()}>
            {t('accountSettings.data.download')}
          </Button>
        </Group>
        <div aria-live="polite">
          {state === 'done' && <Text size="sm">{t('accountSettings.data.done')}</Text>}
          <FormError message={state === 'failed' ? t('errors.generic') : null} />
        </div>
      </Stack>
    </Paper>
  );
}

function DeleteAccountSection() {
  const { t } = useTranslation();
  const { session } = useSession();
  const navigate = useNavigate();
  const [opened, { open, close }] = useDisclosure(false);
  const [, remove] = useMutation(DeleteMyAccountMutation);
  const schema = useMemo(() => z.object({ password: z.string().min(1, t('form.required')) }), [t]);
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { password: '' },
    (input) => remove({ input }),
    async () => {
      close();
      await session.signOut();
      await navigate('/account-deleted', { replace: true });
    },
  );
  return (
    <Paper withBorder p="lg" style={{ borderColor: 'var(--mantine-color-red-6)' }}>
      <Stack align="flex-start">
        <Title order={2} size="h3">
          {t('accountSettings.delete.title')}
        </Title>
        <Text size="sm">{t('accountSettings.delete.description')}</Text>
        <Button color="red.9" onClick={open}>
          {t('accountSettings.delete.open')}
        </Button>
      </Stack>
      <Modal
        opened={opened}
        onClose={close}
        title={t('accountSettings.delete.dialogTitle')}
        closeButtonProps={{ 'aria-label': t('accountSettings.delete.cancel') }}
        centered
      >
        <Stack>
          <Text size="sm">{t('accountSettings.delete.consequences')}</Text>
          <List size="sm" spacing="xs">
            <List.Item>{t('accountSettings.delete.signIn')}</List.Item>
            <List.Item>{t('accountSettings.delete.erased')}</List.Item>
            <List.Item>{t('accountSettings.delete.pending')}</List.Item>
            <List.Item>{t('accountSettings.delete.kept')}</List.Item>
          </List>
          <form noValidate onSubmit={onSubmit}>
            <Stack>
              <FormError message={formError} />
              <PasswordInput
                label={t('accountSettings.delete.password')}
                autoComplete="current-password"
                required
                error={form.formState.errors.password?.message}
                {...form.register('password')}
              />
              <Group justify="flex-end">
                <Button variant="default" onClick={close}>
                  {t('accountSettings.delete.cancel')}
                </Button>
                <Button type="submit" color="red.9" loading={submitting}>
                  {t('accountSettings.delete.confirm')}
                </Button>
              </Group>
            </Stack>
          </form>
        </Stack>
      </Modal>
    </Paper>
  );
}

// /account-deleted: where deleting the account ends.
export function AccountDeletedPage() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  return (
    <Paper withBorder p="lg" maw={480} mx="auto">
      <Stack align="flex-start">
        <Title order={1} size="h2">
          {t('accountDeleted.title')}
        </Title>
        <Text>{t('accountDeleted.body')}</Text>
        <Button onClick={() => void navigate('/projects')}>{t('accountDeleted.toProjects')}</Button>
      </Stack>
    </Paper>
  );
}
