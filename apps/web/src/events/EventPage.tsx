import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Modal,
  Paper,
  SimpleGrid,
  Stack,
  Text,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { downloadFile } from '../auth/download-file';
import { useSession } from '../auth/session-context';
import type { EventQuery as EventData } from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { GuardianConsentStatus } from '../guardians/GuardianConsentStatus';
import { formatList } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { ThemesQuery } from '../projects/project-documents';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import {
  CancelEventRegistrationMutation,
  EventQuery,
  RegisterForEventMutation,
} from './event-documents';
import { eventTitle, myState, seatsOf } from './event-state';
import { eventWhen, readerTimeZone } from '../i18n/event-time';
import { placeOf } from './EventCard';
import { FormError } from '../app/FormError';

type Event = EventData['event'];

export function EventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: EventQuery,
    variables: { id: eventId },
    requestPolicy: 'cache-and-network',
  });
  let content: ReactNode;
  if (error && !data) {
    const notFound = error.graphQLErrors.some(
      (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT',
    );
    content = notFound ? (
      <EmptyState title={t('events.page.notFound')} hint={t('events.page.notFoundHint')} />
    ) : (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  } else if (!data) content = <LoadingState />;
  else
    content = (
      <EventDetails
        event={data.event}
        onChanged={() => reexecute({ requestPolicy: 'network-only' })}
      />
    );
  return (
    <Stack maw={960} mx="auto">
      <Anchor component={Link} to="/events" size="sm">
        ← {t('events.page.back')}
      </Anchor>
      {content}
    </Stack>
  );
}

// What an event is, when and where, who presents, and the reader's registration.
// `managing`: on the organiser's own page, which has its own actions instead of registering.
export function EventDetails({
  event,
  onChanged,
  managing = false,
}: {
  event: Event;
  onChanged: () => void;
  managing?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const when = eventWhen(event, language, readerTimeZone(useAccountTimeZone()));
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const themeNames = event.themeCodes.map((code) => {
    const theme = themes?.themes.find((th) => th.code === code);
    return theme ? localName(theme, language) : '';
  });
  const seats = seatsOf(event);
  const description =
    language === 'en' && event.descriptionEn ? event.descriptionEn : event.descriptionJa;
  const started = new Date(event.startsAt).getTime() <= Date.now();
  return (
    <Stack component="article">
      <Group gap="xs">
        <Badge variant="light">{t(`events.kind.${event.kind}`)}</Badge>
        <Badge variant="outline" color="gray.8">
          {t(`events.format.${event.format}`)}
        </Badge>
        {event.forCouncilMembers && (
          <Badge variant="outline" color="grape.9">
            {t('events.forMembers')}
          </Badge>
        )}
      </Group>
      <Title order={1}>{eventTitle(event, language)}</Title>
      <Text c="gray.7">{t('events.organizer', { name: event.organizer.name })}</Text>
      {event.status === 'CANCELLED' && (
        <Alert color="red" role="status" title={t('events.page.cancelled')}>
          {/* As the organiser wrote it, whatever the reader's language. */}
          {event.cancellationReason && (
            <Text size="sm" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
              {t('events.page.cancelReason', { reason: event.cancellationReason })}
            </Text>
          )}
        </Alert>
      )}
      {event.status === 'DRAFT' && !managing && (
        <Alert color="gray">{t('events.page.draft')}</Alert>
      )}
      {event.canManage && !managing && (
        <Group>
          <Button
            component={Link}
            to={`/manage/${event.organizer.id}/events/${event.id}`}
            variant="light"
          >
            {t('events.page.manage')}
          </Button>
        </Group>
      )}
      <SimpleGrid cols={{ base: 1, sm: 2 }} spacing="md" component="dl" m={0}>
        <Fact label={t('events.page.when')}>
          {t('events.page.whenZone', { time: when.event, zone: when.eventZone })}
          {when.reader && (
            <Text component="span" display="block" size="sm" c="gray.7">
              {t('events.page.readerTime', { zone: when.reader.zone, time: when.reader.text })}
            </Text>
          )}
        </Fact>
        <Fact label={t('events.page.where')}>
          {event.place && (
            <Text component="span" display="block">
              {t('events.page.venueAt', {
                venue: event.place.venue,
                place: placeOf(event.place, language),
              })}
            </Text>
          )}
          {event.format !== 'ON_SITE' && (
            <Text component="span" display="block">
              {t('events.page.online')}
              {event.meetingUrl ? (
                <>
                  {' · '}
                  <Anchor href={event.meetingUrl} target="_blank" rel="noreferrer">
                    {t('events.page.meetingLink')}
                  </Anchor>
                </>
              ) : null}
            </Text>
          )}
        </Fact>
        <Fact label={t('events.page.capacity')}>
          {event.capacity != null && t('events.page.people', { count: event.capacity })}
          {event.capacity != null && ' · '}
          {seats.key === 'left' && t('events.seats.left', { count: seats.count })}
          {seats.key === 'full' && t('events.seats.full')}
          {seats.key === 'unlimited' && t('events.seats.unlimited')}
          {event.waitlistedCount > 0 && (
            <Text component="span" display="block" size="sm" c="gray.7">
              {t('events.seats.waiting', { count: event.waitlistedCount })}
            </Text>
          )}
        </Fact>
        <Fact label={t('events.page.audience')}>
          {event.audienceKinds.length
            ? formatList(
                event.audienceKinds.map((k) => t(`kind.${k}`)),
                language,
              )
            : t('events.page.everyone')}
        </Fact>
        {themeNames.some(Boolean) && (
          <Fact label={t('events.page.themes')}>
            {formatList(themeNames.filter(Boolean), language)}
          </Fact>
        )}
        {event.presentingRegions.length > 0 && (
          <Fact label={t('events.page.presenting')}>
            {event.presentingRegions.map((region, i) => (
              <span key={region.id}>
                {i > 0 && (language === 'ja' ? '、' : ', ')}
                <Anchor component={Link} to={`/regions/${region.id}`}>
                  {region.name}
                </Anchor>
              </span>
            ))}
          </Fact>
        )}
      </SimpleGrid>
      {event.status === 'PUBLISHED' && started && !event.myRegistration && (
        <Text c="gray.7">{t('events.page.started')}</Text>
      )}
      {event.status !== 'DRAFT' && !managing && (
        <RegistrationPanel event={event} started={started} onChanged={onChanged} />
      )}
      <section aria-labelledby="event-description">
        <Title order={2} size="h4" id="event-description" mb="xs">
          {t('events.page.description')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{description}</Text>
      </section>
    </Stack>
  );
}

// Signing in (and back here), registering or joining the waiting list, the state in words, the
// calendar file and cancelling with a confirmation.
function RegistrationPanel({
  event,
  started,
  onChanged,
}: {
  event: Event;
  started: boolean;
  onChanged: () => void;
}) {
  const { t } = useTranslation();
  const { session, current } = useSession();
  const { pathname } = useLocation();
  const [formError, setFormError] = useState<string>();
  const [calendarFailed, setCalendarFailed] = useState(false);
  const [opened, { open, close }] = useDisclosure(false);
  const [{ fetching: registering }, register] = useMutation(RegisterForEventMutation);
  const [{ fetching: cancelling }, cancel] = useMutation(CancelEventRegistrationMutation);
  const registration = event.myRegistration;
  const state = registration ? myState(registration) : null;
  const open_ = event.status === 'PUBLISHED' && !started;
  const full = seatsOf(event).key === 'full';

  const submit = async (action: 'register' | 'cancel') => {
    setFormError(undefined);
    const result =
      action === 'register'
        ? await register({ eventId: event.id })
        : await cancel({ eventId: event.id });
    if (result.error) {
      setFormError(
        formErrorsOf(result.error, [], t, {
          NOT_A_COUNCIL_MEMBER: { message: t('events.register.membersOnly') },
        }).form,
      );
      return;
    }
    close();
    onChanged();
  };
  const calendar = async () => {
    if (!registration?.calendarPath) return;
    setCalendarFailed(false);
    try {
      await downloadFile(session, registration.calendarPath, 'event.ics');
    } catch {
      setCalendarFailed(true);
    }
  };

  // A called-off event's notice above says it all: a place held there holds nothing any more.
  if (event.status === 'CANCELLED') return null;
  let body: ReactNode;
  if (!current) {
    body = open_ ? (
      <Group>
        <Button component={Link} to="/sign-in" state={{ from: pathname }}>
          {t('events.register.signIn')}
        </Button>
      </Group>
    ) : null;
  } else if (!registration || state === 'CANCELLED') {
    body = (
      <>
        {state === 'CANCELLED' && <Text>{t('events.register.cancelledMine')}</Text>}
        {open_ && (
          <Group>
            <Button loading={registering} onClick={() => void submit('register')}>
              {state === 'CANCELLED'
                ? t('events.register.again')
                : full
                  ? t('events.register.waitButton')
                  : t('events.register.button')}
            </Button>
          </Group>
        )}
      </>
    );
  } else {
    const waiting = state === 'WAITLISTED';
    body = (
      <>
        <Text fw={700} role="status">
          {state === 'REGISTERED' && t('events.register.held')}
          {waiting &&
            t('events.register.waiting', { position: registration.waitlistPosition ?? '' })}
          {state === 'ATTENDED' && t('events.register.attended')}
          {state === 'MISSED' && t('events.register.missed')}
        </Text>
        {state === 'REGISTERED' && open_ && (
          <Text size="sm" c="gray.7">
            {t('events.register.reminders')}
          </Text>
        )}
        {registration.guardianConsent && (
          <GuardianConsentStatus consent={registration.guardianConsent} viewer="participant" />
        )}
        {event.status === 'PUBLISHED' && !event.meetingUrl && event.format !== 'ON_SITE' && (
          <Text size="sm" c="gray.7">
            {t('events.page.meetingLinkLater')}
          </Text>
        )}
        <Group>
          {registration.calendarPath && event.status === 'PUBLISHED' && (
            <Button variant="light" onClick={() => void calendar()}>
              {t('events.register.calendar')}
            </Button>
          )}
          {open_ && (
            <Button variant="outline" color="red.9" onClick={open}>
              {waiting ? t('events.register.cancelWait') : t('events.register.cancel')}
            </Button>
          )}
        </Group>
        <FormError message={calendarFailed ? t('events.register.calendarFailed') : null} />
        <Modal opened={opened} onClose={close} title={t('events.register.confirmTitle')} centered>
          <Stack>
            <Text size="sm">
              {waiting ? t('events.register.confirmWaitBody') : t('events.register.confirmBody')}
            </Text>
            <FormError message={formError} />
            <Group justify="flex-end">
              <Button variant="default" onClick={close} data-autofocus>
                {t('events.register.keep')}
              </Button>
              <Button color="red.9" loading={cancelling} onClick={() => void submit('cancel')}>
                {t('events.register.confirm')}
              </Button>
            </Group>
          </Stack>
        </Modal>
      </>
    );
  }
  if (!body) return null;
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="event-registration">
      <Title order={2} size="h4" id="event-registration" mb="xs">
        {t('events.register.title')}
      </Title>
      <Stack gap="sm">
        {body}
        <FormError message={formError && !opened ? formError : null} />
      </Stack>
    </Paper>
  );
}

function Fact({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text component="dt" size="sm" c="gray.7" fw={700}>
        {label}
      </Text>
      <Text component="dd" m={0}>
        {children}
      </Text>
    </div>
  );
}
