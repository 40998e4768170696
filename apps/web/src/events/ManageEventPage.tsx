import {
  Alert,
  Anchor,
  Badge,
  Button,
  Checkbox,
  Group,
  Paper,
  Select,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { EventRegistrationFieldsFragment, ManagedEventQuery as Managed } from '../gql/graphql';
import { ConfirmWithReason } from '../app/ConfirmWithReason';
import { formErrorsOf } from '../graphql/form-errors';
import { formatNumber } from '../i18n/format';
import { GuardianConsentBadge } from '../guardians/GuardianConsentStatus';
import { ProgramsQuery } from '../supervision/supervision-documents';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  CancelEventMutation,
  EventRegistrationsQuery,
  ManagedEventQuery,
  PublishEventMutation,
  RecordEventAttendanceMutation,
  SeedCohortFromEventMutation,
} from './event-documents';
import { eventTitle } from './event-state';
import { EventDetails } from './EventPage';
import { FormError } from '../app/FormError';

type ManagedEvent = Managed['event'];

// The API's limit on a cancellation reason (CancelEventInput.reason).
const CANCEL_REASON_MAX = 1000;

// /manage/:orgId/events/:eventId: the event as participants see it, with the organiser's
// actions (edit, publish, cancel), its registrations, attendance and, for a matching seminar,
// the cohort it seeds.
export function ManageEventPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const { eventId = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: ManagedEventQuery,
    variables: { id: eventId },
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  const back = (
    <Anchor component={Link} to={`/manage/${organization.id}/events`} size="sm">
      ← {t('eventsManage.back')}
    </Anchor>
  );
  if (error && !data) {
    const missing = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)),
    );
    return (
      <Stack>
        {back}
        {missing ? (
          <EmptyState title={t('eventsManage.notFound')} />
        ) : (
          <ErrorState error={error} onRetry={refresh} />
        )}
      </Stack>
    );
  }
  if (!data) return <LoadingState />;
  const event = data.event;
  const started = new Date(event.startsAt).getTime() <= Date.now();
  return (
    <Stack>
      {back}
      <Group gap="xs">
        <Badge
          color={
            event.status === 'CANCELLED' ? 'red.9' : event.status === 'DRAFT' ? 'gray.8' : 'teal.9'
          }
        >
          {t(`events.status.${event.status}`)}
        </Badge>
      </Group>
      <Actions event={event} started={started} onChanged={refresh} />
      <EventDetails event={event} onChanged={refresh} managing />
      {event.status !== 'DRAFT' && <Registrations event={event} started={started} />}
      {event.kind === 'MATCHING_SEMINAR' &&
        event.status === 'PUBLISHED' &&
        started &&
        organization.kind === 'INTERMEDIARY' && <SeedCohort event={event} onChanged={refresh} />}
    </Stack>
  );
}

function Actions({
  event,
  started,
  onChanged,
}: {
  event: ManagedEvent;
  started: boolean;
  onChanged: () => void;
}) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [opened, { open, close }] = useDisclosure(false);
  const [publishError, setPublishError] = useState<string>();
  const [{ fetching: publishing }, publish] = useMutation(PublishEventMutation);
  const [, cancel] = useMutation(CancelEventMutation);
  const runPublish = async () => {
    setPublishError(undefined);
    const result = await publish({ id: event.id });
    if (result.error) return setPublishError(formErrorsOf(result.error, [], t).form);
    onChanged();
  };
  if (event.status === 'CANCELLED')
    return <Alert color="red">{t('eventsManage.detail.cancelled')}</Alert>;
  return (
    <Paper withBorder p="md">
      <Stack gap="sm">
        {event.status === 'DRAFT' && <Text size="sm">{t('eventsManage.detail.publishHint')}</Text>}
        <Group>
          {!started && (
            <Button
              variant="default"
              component={Link}
              to={`/manage/${organization.id}/events/${event.id}/edit`}
            >
              {t('eventsManage.detail.edit')}
            </Button>
          )}
          {event.status === 'DRAFT' && (
            <Button loading={publishing} onClick={() => void runPublish()}>
              {t('eventsManage.detail.publish')}
            </Button>
          )}
          {event.status === 'PUBLISHED' && (
            <Button variant="light" component={Link} to={`/events/${event.id}`}>
              {t('eventsManage.detail.publicPage')}
            </Button>
          )}
          {event.status === 'PUBLISHED' && !started && (
            <Button variant="outline" color="red.9" onClick={open}>
              {t('eventsManage.detail.cancelEvent')}
            </Button>
          )}
        </Group>
        <FormError message={publishError} />
      </Stack>
      <ConfirmWithReason
        opened={opened}
        onClose={close}
        title={t('eventsManage.detail.cancelTitle')}
        body={t('eventsManage.detail.cancelBody')}
        reasonLabel={t('eventsManage.detail.cancelReason')}
        reasonHint={t('eventsManage.detail.cancelReasonHint')}
        maxLength={CANCEL_REASON_MAX}
        tooLong={t('eventsManage.detail.cancelReasonTooLong', {
          max: formatNumber(CANCEL_REASON_MAX, i18n.language),
        })}
        keepLabel={t('eventsManage.detail.keep')}
        confirmLabel={t('eventsManage.detail.cancelConfirm')}
        onConfirm={async (reason) => {
          const result = await cancel({ input: { eventId: event.id, reason } });
          if (result.error) {
            const errors = formErrorsOf(result.error, ['reason'], t);
            return { reason: errors.fields.reason, form: errors.form };
          }
          close();
          onChanged();
        }}
      />
    </Paper>
  );
}

// Places first, then the waiting list, then cancellations; once the event has started, a big
// tick per person with a place (taken on a phone at the door).
function Registrations({ event, started }: { event: ManagedEvent; started: boolean }) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: EventRegistrationsQuery,
    variables: { eventId: event.id },
    requestPolicy: 'cache-and-network',
  });
  const [ticks, setTicks] = useState<Record<string, boolean>>({});
  const [saved, setSaved] = useState(false);
  const [formError, setFormError] = useState<string>();
  const [{ fetching: saving }, record] = useMutation(RecordEventAttendanceMutation);
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else if (data.eventRegistrations.length === 0)
    body = <Text>{t('eventsManage.detail.noRegistrations')}</Text>;
  else {
    const held = data.eventRegistrations.filter((r) => r.status === 'REGISTERED');
    const others = data.eventRegistrations.filter((r) => r.status !== 'REGISTERED');
    const ticked = (r: EventRegistrationFieldsFragment) => ticks[r.id] ?? r.attended === true;
    const save = async () => {
      setSaved(false);
      setFormError(undefined);
      const result = await record({
        input: {
          eventId: event.id,
          entries: held.map((r) => ({ registrationId: r.id, attended: ticked(r) })),
        },
      });
      if (result.error) return setFormError(formErrorsOf(result.error, [], t).form);
      setTicks({});
      setSaved(true);
    };
    body = (
      <Stack gap="xs">
        {started && event.status === 'PUBLISHED' && held.length > 0 ? (
          <>
            <Text size="sm">{t('eventsManage.detail.attendanceHint')}</Text>
            {held.map((r) => (
              <Paper key={r.id} withBorder p="sm">
                <Checkbox
                  size="lg"
                  label={r.displayName}
                  aria-label={t('eventsManage.detail.attended', { name: r.displayName })}
                  checked={ticked(r)}
                  onChange={(e) => {
                    const checked = e.currentTarget.checked;
                    setSaved(false);
                    setTicks((all) => ({ ...all, [r.id]: checked }));
                  }}
                />
              </Paper>
            ))}
            <Group>
              <Button size="md" loading={saving} onClick={() => void save()}>
                {t('eventsManage.detail.saveAttendance')}
              </Button>
              {saved && (
                <Text role="status" c="teal.9" fw={700}>
                  {t('eventsManage.detail.attendanceSaved')}
                </Text>
              )}
            </Group>
            <FormError message={formError} />
          </>
        ) : (
          <>
            {event.status === 'PUBLISHED' && !started && (
              <Text size="sm" c="gray.7">
                {t('eventsManage.detail.attendanceLater')}
              </Text>
            )}
            {held.map((r) => (
              <RegistrationRow key={r.id} registration={r} />
            ))}
          </>
        )}
        {others.map((r) => (
          <RegistrationRow key={r.id} registration={r} />
        ))}
      </Stack>
    );
  }
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="event-registrations">
      <Title order={3} size="h4" id="event-registrations" mb="xs">
        {t('eventsManage.detail.registrations')}
      </Title>
      {body}
    </Paper>
  );
}

function RegistrationRow({ registration }: { registration: EventRegistrationFieldsFragment }) {
  const { t } = useTranslation();
  const label =
    registration.status === 'REGISTERED'
      ? registration.attended === true
        ? t('events.mine.ATTENDED')
        : t('eventsManage.detail.held')
      : registration.status === 'WAITLISTED'
        ? t('eventsManage.detail.waiting', { position: registration.waitlistPosition ?? '' })
        : t('eventsManage.detail.cancelledReg');
  return (
    <Group justify="space-between" wrap="nowrap">
      <Text>{registration.displayName}</Text>
      <Group gap={6} justify="flex-end">
        {/* Under 18: the guardian's answer decides whether the place is attended. */}
        {registration.guardianConsent && registration.status !== 'CANCELLED' && (
          <GuardianConsentBadge consent={registration.guardianConsent} />
        )}
        <Badge variant="light" color={registration.status === 'CANCELLED' ? 'gray.8' : 'blue'}>
          {label}
        </Badge>
      </Group>
    </Group>
  );
}

// A matching seminar that took place becomes a cohort of one of the intermediary's programs.
function SeedCohort({ event, onChanged }: { event: ManagedEvent; onChanged: () => void }) {
  const { t, i18n } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data }] = useQuery({
    query: ProgramsQuery,
    variables: { organizationId: organization.id },
  });
  const [programId, setProgramId] = useState<string | null>(null);
  const [name, setName] = useState(eventTitle(event, i18n.language));
  const [formError, setFormError] = useState<string>();
  const [{ fetching }, seed] = useMutation(SeedCohortFromEventMutation);
  const submit = async () => {
    setFormError(undefined);
    if (!programId || !name.trim()) return setFormError(t('form.required'));
    const result = await seed({ input: { eventId: event.id, programId, name: name.trim() } });
    if (result.error) return setFormError(formErrorsOf(result.error, [], t).form);
    onChanged();
  };
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="event-seed">
      <Title order={3} size="h4" id="event-seed" mb="xs">
        {t('eventsManage.detail.seed')}
      </Title>
      {event.cohortId ? (
        <Stack gap="xs">
          <Text>{t('eventsManage.detail.seeded')}</Text>
          <Anchor component={Link} to={`/manage/${organization.id}/cohorts/${event.cohortId}`}>
            {t('eventsManage.detail.toCohort')}
          </Anchor>
        </Stack>
      ) : data && data.programs.length === 0 ? (
        <Text>{t('eventsManage.detail.noPrograms')}</Text>
      ) : (
        <Stack gap="sm">
          <Text size="sm">{t('eventsManage.detail.seedHint')}</Text>
          <Select
            label={t('eventsManage.detail.program')}
            data={(data?.programs ?? []).map((p) => ({ value: p.id, label: p.name }))}
            value={programId}
            onChange={setProgramId}
          />
          <TextInput
            label={t('eventsManage.detail.cohortName')}
            value={name}
            maxLength={200}
            onChange={(e) => setName(e.currentTarget.value)}
          />
          <FormError message={formError} />
          <Group>
            <Button loading={fetching} onClick={() => void submit()}>
              {t('eventsManage.detail.seedButton')}
            </Button>
          </Group>
        </Stack>
      )}
    </Paper>
  );
}
