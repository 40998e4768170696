import {
  Alert,
  Button,
  Card,
  Group,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useEffect, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import type { MentoringBookingFieldsFragment } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { DateTimeInput } from '../i18n/DateTimeInput';
import { FormDayField } from '../i18n/FormDayField';
import { dayText } from '../i18n/day';
import { zoneName } from '../i18n/event-time';
import {
  AddMentoringFollowUpMutation,
  CancelMentoringBookingMutation,
  MyMentorDeskQuery,
  PublishMentoringSlotMutation,
  RemoveMentoringSlotMutation,
  WriteMentoringNotesMutation,
} from './mentoring-documents';
import { SessionCard } from './SessionCard';
import { CancellationRules, SessionTime } from './SessionTime';
import { FormError } from '../app/FormError';

// /mentoring: a mentor's own page (reached from the header once appointed): offer slots, see
// bookings, write notes and follow-ups, cancel with a reason.
export function MentorDeskPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('mentoring.mentor.title')}</Title>
      <Text>{t('mentoring.mentor.intro')}</Text>
      <RequireSignIn>
        <Desk />
      </RequireSignIn>
    </Stack>
  );
}

function Desk() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MyMentorDeskQuery,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  if (error && !data) return <ErrorState error={error} onRetry={refresh} />;
  if (!data) return <LoadingState />;
  const desk = data.myMentorDesk;
  if (!desk) return <EmptyState title={t('mentoring.mentor.notMentor')} />;
  return (
    <Stack gap="xl">
      <CancellationRules mentor />
      <PublishSlotForm onPublished={refresh} />
      <Stack component="section" gap="sm">
        <Title order={2} size="h3">
          {t('mentoring.mentor.slots')}
        </Title>
        {desk.slots.length === 0 ? (
          <Text c="gray.7">{t('mentoring.mentor.noSlots')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {desk.slots.map((slot) => (
              <Card component="li" key={slot.id} withBorder padding="sm">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <SessionTime
                      startsAt={slot.startsAt}
                      endsAt={slot.endsAt}
                      timeZone={slot.timeZone}
                      fw={700}
                    />
                    <Text size="sm">
                      {t(`mentoring.format.${slot.format}`)} ·{' '}
                      {slot.booking
                        ? t('mentoring.mentor.booked', {
                            organization: slot.booking.organization.name,
                          })
                        : t('mentoring.mentor.free')}
                    </Text>
                  </Stack>
                  {!slot.booking && <RemoveSlot slotId={slot.id} onRemoved={refresh} />}
                </Group>
              </Card>
            ))}
          </Stack>
        )}
      </Stack>
      <Stack component="section" gap="sm">
        <Title order={2} size="h3">
          {t('mentoring.mentor.sessions')}
        </Title>
        {desk.sessions.length === 0 ? (
          <Text c="gray.7">{t('mentoring.mentor.noSessions')}</Text>
        ) : (
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {desk.sessions.map((s) => (
              <MentorSession key={s.id} session={s} onChanged={refresh} />
            ))}
          </Stack>
        )}
      </Stack>
    </Stack>
  );
}

function RemoveSlot({ slotId, onRemoved }: { slotId: string; onRemoved: () => void }) {
  const { t } = useTranslation();
  const [{ fetching }, remove] = useMutation(RemoveMentoringSlotMutation);
  return (
    <Button
      variant="subtle"
      color="red"
      loading={fetching}
      onClick={() => void remove({ slotId }).then((r) => !r.error && onRemoved())}
    >
      {t('mentoring.mentor.remove')}
    </Button>
  );
}

// A typed wall-clock time is read in the browser's zone, which the slot records.
const localZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

function PublishSlotForm({ onPublished }: { onPublished: () => void }) {
  const { t, i18n } = useTranslation();
  const [, publish] = useMutation(PublishMentoringSlotMutation);
  const [done, setDone] = useState(false);
  const schema = z.object({
    startsAt: z.string().min(1, t('form.required')),
    endsAt: z.string().min(1, t('form.required')),
    format: z.enum(['ONLINE', 'ON_SITE']),
    meetingUrl: z.string().max(500),
    place: z.string().max(300),
  });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    {
      startsAt: '',
      endsAt: '',
      format: 'ONLINE',
      meetingUrl: '',
      place: '',
    },
    (v) => {
      setDone(false);
      const online = v.format === 'ONLINE';
      return publish({
        input: {
          startsAt: new Date(v.startsAt).toISOString(),
          endsAt: new Date(v.endsAt).toISOString(),
          timeZone: localZone(),
          format: v.format,
          meetingUrl: online ? v.meetingUrl || null : null,
          place: online ? null : v.place || null,
        },
      });
    },
    () => {
      setDone(true);
      form.reset();
      onPublished();
    },
    { OVERLAPPING_SLOT: { field: 'startsAt', message: t('mentoring.mentor.overlapping') } },
  );
  const format = form.watch('format');
  return (
    <Card withBorder padding="md" component="section">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h3">
            {t('mentoring.mentor.publish')}
          </Title>
          <Group grow wrap="wrap" align="flex-start">
            {(['startsAt', 'endsAt'] as const).map((name) => (
              <Controller
                key={name}
                control={form.control}
                name={name}
                render={({ field }) => (
                  <DateTimeInput
                    label={t(`mentoring.mentor.${name}`)}
                    required
                    miw={240}
                    zoneNote={t('dates.browserZone', {
                      zone: zoneName(new Date(), i18n.language, localZone()),
                    })}
                    value={field.value}
                    onChange={field.onChange}
                    error={form.formState.errors[name]?.message}
                  />
                )}
              />
            ))}
          </Group>
          <Stack gap={4}>
            <Text size="sm" fw={500} id="slot-format">
              {t('mentoring.mentor.format')}
            </Text>
            <SegmentedControl
              aria-labelledby="slot-format"
              value={format}
              onChange={(value) => form.setValue('format', value)}
              data={[
                { value: 'ONLINE', label: t('mentoring.format.ONLINE') },
                { value: 'ON_SITE', label: t('mentoring.format.ON_SITE') },
              ]}
              w="fit-content"
            />
          </Stack>
          {format === 'ONLINE' ? (
            <TextInput
              label={t('mentoring.mentor.meetingUrl')}
              type="url"
              required
              {...form.register('meetingUrl')}
              error={form.formState.errors.meetingUrl?.message}
            />
          ) : (
            <TextInput
              label={t('mentoring.mentor.place')}
              required
              {...form.register('place')}
              error={form.formState.errors.place?.message}
            />
          )}
          <FormError message={formError} />
          {done && (
            <Alert color="green" role="status">
              {t('mentoring.mentor.slotPublished')}
            </Alert>
          )}
          <Button type="submit" loading={submitting} w="fit-content">
            {t('mentoring.mentor.submitSlot')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

function MentorSession({
  session,
  onChanged,
}: {
  session: MentoringBookingFieldsFragment;
  onChanged: () => void;
}) {
  const booked = session.status === 'BOOKED';
  const upcoming = booked && new Date(session.startsAt).getTime() > Date.now();
  return (
    <SessionCard
      session={session}
      heading={`${session.organization.name} ・ ${session.initiativeTitle}`}
      actions={
        booked ? (
          <Stack gap="sm">
            <NotesForm session={session} />
            <FollowUpForm bookingId={session.id} />
            {upcoming && <CancelForm bookingId={session.id} onCancelled={onChanged} />}
          </Stack>
        ) : null
      }
    />
  );
}

function NotesForm({ session }: { session: MentoringBookingFieldsFragment }) {
  const { t } = useTranslation();
  const [, write] = useMutation(WriteMentoringNotesMutation);
  const [saved, setSaved] = useState(false);
  const schema = z.object({ notes: z.string().max(20000) });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { notes: session.notes ?? '' },
    (v) => {
      setSaved(false);
      return write({ input: { bookingId: session.id, notes: v.notes } });
    },
    () => setSaved(true),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('mentoring.mentor.notes')}
          autosize
          minRows={3}
          maxLength={20000}
          {...form.register('notes')}
          error={form.formState.errors.notes?.message}
        />
        <FormError message={formError} />
        <Group>
          <Button type="submit" loading={submitting}>
            {t('mentoring.mentor.saveNotes')}
          </Button>
          {saved && (
            <Text size="sm" c="teal.9" role="status">
              {t('mentoring.mentor.notesSaved')}
            </Text>
          )}
        </Group>
      </Stack>
    </form>
  );
}

function FollowUpForm({ bookingId }: { bookingId: string }) {
  const { t, i18n } = useTranslation();
  const [, add] = useMutation(AddMentoringFollowUpMutation);
  const schema = z.object({
    text: z.string().trim().min(2, t('form.required')).max(1000),
    dueOn: dayText(t, i18n.language),
  });
  const [round, setRound] = useState(0);
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { text: '', dueOn: '' },
    (v) => add({ input: { bookingId, text: v.text, dueOn: v.dueOn || null } }),
    () => setRound((n) => n + 1),
  );
  useEffect(() => form.reset(), [round, form]);
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Text size="sm" fw={700}>
          {t('mentoring.mentor.followUp')}
        </Text>
        <Group grow wrap="wrap" align="flex-start">
          <TextInput
            label={t('mentoring.mentor.followUpText')}
            required
            miw={200}
            maxLength={1000}
            {...form.register('text')}
            error={form.formState.errors.text?.message}
          />
          <FormDayField
            control={form.control}
            name="dueOn"
            label={t('mentoring.mentor.followUpDue')}
            miw={200}
          />
        </Group>
        <FormError message={formError} />
        <Button type="submit" loading={submitting} w="fit-content">
          {t('mentoring.mentor.addFollowUp')}
        </Button>
      </Stack>
    </form>
  );
}

function CancelForm({ bookingId, onCancelled }: { bookingId: string; onCancelled: () => void }) {
  const { t } = useTranslation();
  const [, cancel] = useMutation(CancelMentoringBookingMutation);
  const [open, setOpen] = useState(false);
  const schema = z.object({ reason: z.string().trim().min(1, t('form.required')).max(1000) });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { reason: '' },
    (v) => cancel({ input: { bookingId, reason: v.reason } }),
    () => onCancelled(),
  );
  if (!open)
    return (
      <Button variant="light" color="red" w="fit-content" onClick={() => setOpen(true)}>
        {t('mentoring.mentor.cancel')}
      </Button>
    );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="xs">
        <Textarea
          label={t('mentoring.mentor.reason')}
          required
          maxLength={1000}
          {...form.register('reason')}
          error={form.formState.errors.reason?.message}
        />
        <FormError message={formError} />
        <Button type="submit" color="red" loading={submitting} w="fit-content">
          {t('mentoring.mentor.confirmCancel')}
        </Button>
      </Stack>
    </form>
  );
}
