import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation } from 'urql';
import { LoadingState } from '../app/page-states';
import { useSession } from '../auth/session-context';
import { AccountQuery, ConfirmEmailChangeMutation, VerifyEmailMutation } from './account-documents';
import { READABLE_TITLE, ResendVerificationButton } from './EmailVerification';
import { type LinkState, useLinkToken } from './use-link-token';
import { FormError } from '../app/FormError';

function LinkCard({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <Paper withBorder p="lg" maw={480} mx="auto">
      <Stack>
        <Title order={1} size="h2">
          {title}
        </Title>
        {children}
      </Stack>
    </Paper>
  );
}

// Why a link did not work, in words, and what to do next.
function LinkFailure({ state, resend }: { state: LinkState; resend: boolean }) {
  const { t } = useTranslation();
  const { current } = useSession();
  if (state.status !== 'failed') return null;
  const title =
    state.problem === 'expired'
      ? t('link.expired')
      : state.problem === 'used'
        ? t('link.used')
        : state.problem === 'invalid'
          ? t('link.invalid')
          : t('errors.generic');
  return (
    <Alert color="red" role="alert" title={title} styles={READABLE_TITLE}>
      <Stack gap="xs">
        {state.problem === 'invalid' && <Text size="sm">{t('link.invalidBody')}</Text>}
        {resend && state.problem !== 'used' && current && (
          <>
            <Text size="sm">{t('link.resendHint')}</Text>
            <ResendVerificationButton />
          </>
        )}
        {resend && state.problem !== 'used' && !current && (
          <Button
            component={Link}
            to="/sign-in"
            state={{ from: '/settings/account' }}
            variant="default"
            size="xs"
          >
            {t('link.signInToResend')}
          </Button>
        )}
      </Stack>
    </Alert>
  );
}

// /verify-email?token=…: the link of the verification e-mail.
export function VerifyEmailPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [, verify] = useMutation(VerifyEmailMutation);
  const state = useLinkToken(
    'verify-email',
    (token) => verify({ input: { token } }),
    // The banner and the account page learn of it.
    () => void client.query(AccountQuery, {}, { requestPolicy: 'network-only' }).toPromise(),
  );
  return (
    <LinkCard title={t('verifyEmail.title')}>
      {state.status === 'working' && <LoadingState label={t('verifyEmail.verifying')} />}
      {state.status === 'done' && (
        <Alert color="green" title={t('verifyEmail.done')} styles={READABLE_TITLE}>
          <Stack gap="sm" align="flex-start">
            <Text size="sm">{t('verifyEmail.doneBody')}</Text>
            <Button component={Link} to="/projects" size="xs">
              {t('verifyEmail.toProjects')}
            </Button>
          </Stack>
        </Alert>
      )}
      <LinkFailure state={state} resend />
    </LinkCard>
  );
}

// /confirm-email?token=…: the link sent to a new address.
export function ConfirmEmailPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [, confirm] = useMutation(ConfirmEmailChangeMutation);
  const state = useLinkToken(
    'confirm-email',
    (token) => confirm({ input: { token } }),
    () => void client.query(AccountQuery, {}, { requestPolicy: 'network-only' }).toPromise(),
  );
  const taken =
    state.status === 'failed' &&
    state.error?.graphQLErrors.some((e) => e.extensions?.reason === 'ALREADY_EXISTS');
  return (
    <LinkCard title={t('confirmEmail.title')}>
      {state.status === 'working' && <LoadingState label={t('confirmEmail.confirming')} />}
      {state.status === 'done' && (
        <Alert color="green" title={t('confirmEmail.done')} styles={READABLE_TITLE}>
          <Text size="sm">{t('confirmEmail.doneBody')}</Text>
        </Alert>
      )}
      {taken ? (
        <FormError message={t('confirmEmail.taken')} />
      ) : (
        <LinkFailure state={state} resend={false} />
      )}
    </LinkCard>
  );
}
