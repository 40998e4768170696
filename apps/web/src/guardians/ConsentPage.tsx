import { Alert, Button, Group, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { READABLE_TITLE } from '../account/EmailVerification';
import { ErrorState, LoadingState } from '../app/page-states';
import type { GuardianConsentRequestFieldsFragment, GuardianDecision } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { formatDate, formatDateTime, formatList } from '../i18n/format';
import { DecideGuardianConsentMutation, GuardianConsentRequestQuery } from './guardian-documents';
import { FormError } from '../app/FormError';

// /consent/:token: the page of the e-mail a guardian receives. No sign-in: the link is the
// authority. Phone first: one column, large buttons.
export function ConsentPage() {
  const { token = '' } = useParams();
  const { t, i18n } = useTranslation();
  // The statement is worded in the page's language: a switch of language asks again.
  const locale = i18n.language === 'en' ? 'en' : 'ja';
  const [result, refetch] = useQuery({
    query: GuardianConsentRequestQuery,
    variables: { input: { token, locale } },
    requestPolicy: 'network-only',
  });
  const codes = result.error?.graphQLErrors.map((e) => e.extensions?.code) ?? [];
  return (
    <Paper withBorder p={{ base: 'md', sm: 'lg' }} maw={640} mx="auto">
      <Stack>
        <Title order={1} size="h2">
          {t('guardians.page.title')}
        </Title>
        {result.fetching && !result.data && <LoadingState />}
        {result.error &&
          (codes.includes('NOT_FOUND') || codes.includes('BAD_USER_INPUT') ? (
            <Alert
              color="red"
              role="alert"
              styles={READABLE_TITLE}
              title={t('guardians.page.invalid')}
            >
              {t('guardians.page.invalidBody')}
            </Alert>
          ) : (
            <ErrorState
              error={result.error}
              onRetry={() => refetch({ requestPolicy: 'network-only' })}
            />
          ))}
        {result.data && (
          <ConsentRequest key={locale} token={token} initial={result.data.guardianConsentRequest} />
        )}
      </Stack>
    </Paper>
  );
}

function ConsentRequest({
  token,
  initial,
}: {
  token: string;
  initial: GuardianConsentRequestFieldsFragment;
}) {
  const { t, i18n } = useTranslation();
  // The answer's result replaces the request shown (it has no id for the cache to match).
  const [request, setRequest] = useState(initial);
  const language = i18n.language;
  const [name, setName] = useState('');
  const [errors, setErrors] = useState<{ name?: string; form?: string }>({});
  const [decision, decide] = useMutation(DecideGuardianConsentMutation);
  const child = request.childName;
  const isEvent = request.subjectKind === 'EVENT_REGISTRATION';
  const dates = isEvent
    ? formatDateTime(request.startsOn, language)
    : [request.startsOn, request.endsOn]
        .filter((d): d is string => !!d)
        .map((d) => formatDate(d, language))
        .join(' – ');

  const submit = async (choice: GuardianDecision) => {
    if (!name.trim()) {
      setErrors({ name: t('form.required') });
      return;
    }
    setErrors({});
    const outcome = await decide({
      input: {
        token,
        decision: choice,
        guardianName: name.trim(),
        locale: language === 'en' ? 'en' : 'ja',
      },
    });
    if (outcome.data) {
      setRequest(outcome.data.decideGuardianConsent);
      setName('');
    } else if (outcome.error) {
      const found = formErrorsOf(outcome.error, ['guardianName'] as const, t, {
        EXPIRED: { message: t('guardians.page.expired') },
        NOT_FOUND: { message: t('guardians.page.invalid') },
      });
      setErrors({ name: found.fields.guardianName, form: found.form });
    }
  };

  return (
    <Stack>
      <Text>{t('guardians.page.intro', { child })}</Text>
      <Stack gap={6} component="dl" m={0}>
        {/* The kind is the label: "Project: …", not "Activity: Project: …". */}
        <Fact label={t(`guardians.page.kind.${request.subjectKind}`)}>{request.title}</Fact>
        {request.regionName && <Fact label={t('guardians.page.region')}>{request.regionName}</Fact>}
        <Fact label={t('guardians.page.dates')}>{dates}</Fact>
        {request.supervisorNames.length > 0 && (
          <Fact label={t('guardians.page.supervisors')}>
            {formatList(request.supervisorNames, language)}
          </Fact>
        )}
        {request.contactName && (
          <Fact label={t(`guardians.page.contact.${request.subjectKind}`)}>
            {t(`guardians.page.contactBody.${request.subjectKind}`, {
              name: request.contactName,
              child,
            })}
          </Fact>
        )}
      </Stack>

      {/* Contact goes through the guardian: the copies stop with a refusal or withdrawal. */}
      {request.subjectKind === 'ENGAGEMENT' &&
        (request.status === 'PENDING' || request.status === 'GIVEN') && (
          <Text size="sm" data-testid="guardian-copies">
            {t('guardians.page.copies', { child })}
          </Text>
        )}

      {request.status === 'PENDING' && request.expired && (
        <Alert
          color="orange"
          role="alert"
          styles={READABLE_TITLE}
          title={t('guardians.page.expired')}
        >
          {t('guardians.page.expiredBody', { child })}
        </Alert>
      )}
      {request.status === 'GIVEN' && (
        <Alert color="green" styles={READABLE_TITLE} title={t('guardians.page.given')}>
          {t('guardians.page.givenBody', {
            name: request.decidedByName,
            date: formatDateTime(request.decidedAt!, language),
          })}
        </Alert>
      )}
      {request.status === 'REFUSED' && (
        <Alert color="gray" styles={READABLE_TITLE} title={t('guardians.page.refused')}>
          {t('guardians.page.refusedBody', { child })}
        </Alert>
      )}
      {request.status === 'WITHDRAWN' && (
        <Alert color="gray" styles={READABLE_TITLE} title={t('guardians.page.withdrawn')}>
          {t('guardians.page.withdrawnBody', { child })}
        </Alert>
      )}

      {(request.status === 'GIVEN' || (request.status === 'PENDING' && !request.expired)) && (
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('guardians.page.statement')}
          </Title>
          <Text style={{ whiteSpace: 'pre-wrap' }}>{request.statement}</Text>
          <Text size="xs" c="gray.7">
            {t('guardians.page.version', { version: request.statementVersion })}
          </Text>
          <TextInput
            label={t('guardians.page.name')}
            description={t('guardians.page.nameHint')}
            autoComplete="name"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.name}
            maxLength={100}
          />
          <FormError message={errors.form} />
          {request.status === 'PENDING' ? (
            <Group grow preventGrowOverflow={false} wrap="wrap">
              <Button size="md" loading={decision.fetching} onClick={() => void submit('CONSENT')}>
                {t('guardians.page.consent')}
              </Button>
              <Button
                size="md"
                variant="default"
                loading={decision.fetching}
                onClick={() => void submit('REFUSE')}
              >
                {t('guardians.page.refuse')}
              </Button>
            </Group>
          ) : (
            <Button
              size="md"
              color="red.8"
              variant="outline"
              loading={decision.fetching}
              onClick={() => void submit('WITHDRAW')}
            >
              {t('guardians.page.withdraw')}
            </Button>
          )}
        </Stack>
      )}
    </Stack>
  );
}

function Fact({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" fw={700}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
