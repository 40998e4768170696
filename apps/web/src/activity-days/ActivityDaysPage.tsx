import {
  Alert,
  Anchor,
  Badge,
  Button,
  Chip,
  Group,
  Modal,
  NumberInput,
  Paper,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type {
  ActivityDayFieldsFragment as Day,
  ActivityDaySignupFieldsFragment,
} from '../gql/graphql';
import { formErrorsOf } from '../graphql/form-errors';
import { useMutationForm } from '../graphql/use-mutation-form';
import { FormDayField } from '../i18n/FormDayField';
import { FormTimeField } from '../i18n/FormTimeField';
import { timeText } from '../i18n/time';
import { dayText, endNotBefore, isDay } from '../i18n/day';
import { formatDayWithWeekday, formatList, formatNumber } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  CancelActivityDayMutation,
  ProjectActivityDaysQuery,
  PublishActivityDaysMutation,
  RecordActivityDayAttendanceMutation,
  UpdateActivityDayMutation,
} from './activity-day-documents';
import { DayFacts } from './DayFacts';
import { recurringDates } from './recurrence';
import { FormError } from '../app/FormError';

// The API's limits (PublishActivityDaysInput).
const MAX_DATES = 60;
const MAX_PLACES = 500;
const WEEKDAYS = ['1', '2', '3', '4', '5', '6', '0'];

type Signup = ActivityDaySignupFieldsFragment;
interface DayWithSignups {
  day: Day;
  signups: readonly Signup[];
}

// /manage/:orgId/projects/:projectId/activity-days: the region publishes days with places, sees
// who signed up, and takes attendance on the day (on a phone).
export function ActivityDaysPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const { projectId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({
    query: ProjectActivityDaysQuery,
    variables: { projectId },
    requestPolicy: 'cache-and-network',
  });
  const back = `/manage/${organization.id}/projects/${projectId}`;
  let content;
  if (error && !data) {
    const missing = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)),
    );
    content = missing ? (
      <EmptyState title={t('activityDays.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />
    );
  } else if (!data) content = <LoadingState />;
  else
    content = (
      <Days
        projectTitle={data.project.title}
        projectId={projectId}
        canPublish={data.project.status === 'PUBLISHED' || data.project.status === 'CLOSED'}
        days={data.projectActivityDays}
        reload={() => refetch({ requestPolicy: 'network-only' })}
      />
    );
  return (
    <Stack>
      <Anchor component={Link} to={back} size="sm">
        ← {t('activityDays.back')}
      </Anchor>
      {content}
    </Stack>
  );
}

function Days({
  projectTitle,
  projectId,
  canPublish,
  days,
  reload,
}: {
  projectTitle: string;
  projectId: string;
  canPublish: boolean;
  days: ReadonlyArray<Day & { signups?: readonly Signup[] | null }>;
  reload: () => void;
}) {
  const { t } = useTranslation();
  const [now] = useState(() => Date.now());
  const [flash, setFlash] = useState<string>();
  // The form stays folded once there are days: on the day, the list is what a phone needs.
  const [adding, setAdding] = useState(days.length === 0);
  const all: DayWithSignups[] = days.map((d) => ({ day: d, signups: [...(d.signups ?? [])] }));
  const upcoming = all.filter((d) => new Date(d.day.endsAt).getTime() > now);
  const past = all.filter((d) => new Date(d.day.endsAt).getTime() <= now).reverse();
  return (
    <Stack>
      <div>
        <Text size="sm" c="gray.7">
          {projectTitle}
        </Text>
        <Title order={1}>{t('activityDays.title')}</Title>
      </div>
      <Text>{t('activityDays.intro')}</Text>
      <Text size="sm" fw={700}>
        {t('activityDays.closedRule')}
      </Text>
      {flash && (
        <Alert
          color="green"
          role="status"
          withCloseButton
          closeButtonLabel={t('activityDays.dismiss')}
          onClose={() => setFlash(undefined)}
        >
          {flash}
        </Alert>
      )}
      {canPublish && adding && (
        <AddDays
          projectId={projectId}
          onDone={(message) => {
            setFlash(message);
            setAdding(false);
            reload();
          }}
        />
      )}
      {canPublish && !adding && (
        <Group>
          <Button onClick={() => setAdding(true)}>{t('activityDays.add.title')}</Button>
        </Group>
      )}
      <Stack component="section" aria-labelledby="upcoming-days" gap="sm">
        <Title order={2} size="h3" id="upcoming-days">
          {t('activityDays.upcoming')}
        </Title>
        {upcoming.length === 0 ? (
          <Text c="gray.7">{t('activityDays.noneUpcoming')}</Text>
        ) : (
          upcoming.map((d) => (
            <DayCard key={d.day.id} {...d} now={now} onChanged={setFlash} reload={reload} />
          ))
        )}
      </Stack>
      <Stack component="section" aria-labelledby="past-days" gap="sm">
        <Title order={2} size="h3" id="past-days">
          {t('activityDays.past')}
        </Title>
        {past.length === 0 ? (
          <Text c="gray.7">{t('activityDays.nonePast')}</Text>
        ) : (
          past.map((d) => (
            <DayCard key={d.day.id} {...d} now={now} onChanged={setFlash} reload={reload} />
          ))
        )}
      </Stack>
    </Stack>
  );
}

interface AddValues {
  date: string;
  weekdays: string[];
  lastDate: string;
  startTime: string;
  endTime: string;
  places: number | string;
  meetingPoint: string;
  whatToBring: string;
  noteJa: string;
  noteEn: string;
}

function AddDays({ projectId, onDone }: { projectId: string; onDone: (message: string) => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [, publish] = useMutation(PublishActivityDaysMutation);
  const schema = useMemo(
    () =>
      z
        .object({
          date: dayText(t, language).min(1, t('form.required')),
          weekdays: z.array(z.string()),
          lastDate: dayText(t, language),
          startTime: timeText(t).min(1, t('form.required')),
          endTime: timeText(t).min(1, t('form.required')),
          places: z
            .union([z.number(), z.string()])
            .refine((p) => p !== '' && Number.isInteger(Number(p)), t('form.required'))
            .transform(Number)
            .pipe(z.number().int().min(1).max(MAX_PLACES)),
          meetingPoint: z.string().trim().min(1, t('form.required')).max(300),
          whatToBring: z.string().max(1000),
          noteJa: z.string().max(2000),
          noteEn: z.string().max(2000),
        })
        .superRefine((v, ctx) => {
          if (v.weekdays.length > 0 && !v.lastDate) {
            ctx.addIssue({ code: 'custom', path: ['lastDate'], message: t('form.required') });
          }
          const order = v.weekdays.length > 0 && endNotBefore(t, language, v.date, v.lastDate);
          if (order) ctx.addIssue({ code: 'custom', path: ['lastDate'], message: order });
          const count = recurringDates(v.date, v.lastDate, v.weekdays.map(Number)).length;
          if (count > MAX_DATES) {
            ctx.addIssue({
              code: 'custom',
              path: ['lastDate'],
              message: t('activityDays.add.tooMany'),
            });
          } else if (count === 0 && v.date) {
            ctx.addIssue({
              code: 'custom',
              path: ['date'],
              message: t('activityDays.add.noDates'),
            });
          }
        }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm<
    AddValues,
    Awaited<ReturnType<typeof publish>>,
    z.output<typeof schema>
  >(
    schema,
    {
      date: '',
      weekdays: [],
      lastDate: '',
      startTime: '09:00',
      endTime: '15:00',
      places: 5,
      meetingPoint: '',
      whatToBring: '',
      noteJa: '',
      noteEn: '',
    },
    (v) =>
      publish({
        input: {
          projectId,
          dates: recurringDates(v.date, v.lastDate, v.weekdays.map(Number)).map((date) => ({
            date,
            startTime: v.startTime,
            endTime: v.endTime,
          })),
          places: v.places,
          meetingPoint: v.meetingPoint,
          whatToBring: v.whatToBring || null,
          noteJa: v.noteJa || null,
          noteEn: v.noteEn || null,
        },
      }),
    (_v, outcome) => {
      const count = outcome.data?.publishActivityDays.length ?? 0;
      form.reset();
      onDone(t('activityDays.add.done', { count }));
    },
  );
  const { errors } = form.formState;
  const [date, weekdays, lastDate] = form.watch(['date', 'weekdays', 'lastDate']);
  const preview = recurringDates(date, lastDate, weekdays.map(Number));
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="add-days-title">
      <form noValidate onSubmit={onSubmit}>
        <Stack gap="sm">
          <Title order={2} size="h3" id="add-days-title">
            {t('activityDays.add.title')}
          </Title>
          <FormError message={formError} />
          <SimpleGrid cols={{ base: 1, sm: 3 }}>
            <FormDayField
              control={form.control}
              name="date"
              label={t('activityDays.add.first')}
              required
            />
            <FormTimeField
              control={form.control}
              name="startTime"
              label={t('activityDays.add.start')}
              required
            />
            <FormTimeField
              control={form.control}
              name="endTime"
              label={t('activityDays.add.end')}
              required
            />
          </SimpleGrid>
          <Controller
            control={form.control}
            name="weekdays"
            render={({ field }) => (
              <Stack gap={4} role="group" aria-labelledby="repeat-label">
                <Text size="sm" fw={500} id="repeat-label">
                  {t('activityDays.add.repeat')}
                </Text>
                <Text size="xs" c="gray.7">
                  {t('activityDays.add.repeatHint')}
                </Text>
                <Chip.Group multiple value={field.value} onChange={field.onChange}>
                  <Group gap={6}>
                    {WEEKDAYS.map((d) => (
                      <Chip key={d} value={d} size="sm">
                        {t(`activityDays.weekday.${d}`)}
                      </Chip>
                    ))}
                  </Group>
                </Chip.Group>
              </Stack>
            )}
          />
          {weekdays.length > 0 && (
            <FormDayField
              control={form.control}
              name="lastDate"
              label={t('activityDays.add.last')}
              required
              maw={320}
              min={isDay(date) ? date : undefined}
            />
          )}
          {preview.length > 0 && preview.length <= MAX_DATES && (
            <Text size="sm" data-testid="days-preview">
              {t('activityDays.add.preview', {
                count: preview.length,
                dates: formatList(
                  preview.map((d) => formatDayWithWeekday(d, language)),
                  language,
                ),
              })}
            </Text>
          )}
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Controller
              control={form.control}
              name="places"
              render={({ field }) => (
                <NumberInput
                  label={t('activityDays.add.places')}
                  required
                  min={1}
                  max={MAX_PLACES}
                  allowDecimal={false}
                  value={field.value}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  name={field.name}
                  ref={field.ref}
                  error={errors.places?.message}
                />
              )}
            />
            <TextInput
              label={t('activityDays.add.meetingPoint')}
              required
              maxLength={300}
              error={errors.meetingPoint?.message}
              {...form.register('meetingPoint')}
            />
          </SimpleGrid>
          <TextInput
            label={t('activityDays.add.whatToBring')}
            maxLength={1000}
            error={errors.whatToBring?.message}
            {...form.register('whatToBring')}
          />
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <Textarea
              label={t('activityDays.add.noteJa')}
              autosize
              minRows={2}
              maxLength={2000}
              error={errors.noteJa?.message}
              {...form.register('noteJa')}
            />
            <Textarea
              label={t('activityDays.add.noteEn')}
              autosize
              minRows={2}
              maxLength={2000}
              error={errors.noteEn?.message}
              {...form.register('noteEn')}
            />
          </SimpleGrid>
          <Group>
            <Button type="submit" loading={submitting}>
              {t('activityDays.add.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}

function DayCard({
  day,
  signups,
  now,
  onChanged,
  reload,
}: DayWithSignups & { now: number; onChanged: (message: string) => void; reload: () => void }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const [recording, record] = useMutation(RecordActivityDayAttendanceMutation);
  const [, cancel] = useMutation(CancelActivityDayMutation);
  const [problem, setProblem] = useState<string>();
  const [confirming, setConfirming] = useState(false);
  const [editing, setEditing] = useState(false);
  const published = day.status === 'PUBLISHED';
  const started = new Date(day.startsAt).getTime() <= now;
  const signedUp = signups.filter((s) => s.status === 'SIGNED_UP');
  const dateLabel = formatDayWithWeekday(day.date, language);
  const mark = (signupId: string, attended: boolean) => {
    setProblem(undefined);
    void record({ input: { activityDayId: day.id, entries: [{ signupId, attended }] } }).then(
      (result) => {
        if (result.error) setProblem(formErrorsOf(result.error, [], t).form);
      },
    );
  };
  return (
    <Paper withBorder p="md" component="article" aria-label={dateLabel} data-testid="activity-day">
      <Stack gap="sm">
        <DayFacts day={day} language={language} heading={3} />
        <Group gap="xs">
          {published ? (
            <Badge color={day.placesLeft > 0 ? 'teal.9' : 'gray.7'}>
              {t('activityDays.signedUp', { signed: day.signedUpCount, places: day.places })}
            </Badge>
          ) : (
            <Badge color="red.9">{t('activityDays.cancelled')}</Badge>
          )}
        </Group>
        <FormError message={problem} />
        <Stack gap={6}>
          <Title order={4} size="h5">
            {published ? t('activityDays.day.signups') : t('activityDays.day.cancelledWith')}
          </Title>
          {signedUp.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('activityDays.day.noSignups')}
            </Text>
          ) : (
            <>
              {published && started && (
                <Text size="sm" c="gray.7">
                  {t('activityDays.day.attendanceHint', {
                    hours: formatNumber(day.hours, language),
                  })}
                </Text>
              )}
              {published && !started && (
                <Text size="sm" c="gray.7">
                  {t('activityDays.day.attendanceLater')}
                </Text>
              )}
              <Stack component="ul" gap={6} p={0} m={0} style={{ listStyle: 'none' }}>
                {signedUp.map((s) => (
                  <Group
                    component="li"
                    key={s.id}
                    justify="space-between"
                    gap="xs"
                    wrap="wrap"
                    data-testid="signup"
                  >
                    <Stack gap={0}>
                      <Text fw={600}>{s.participantName}</Text>
                      {s.creditedHours != null && (
                        <Text size="xs" c="teal.9">
                          {t('activityDays.day.credited', {
                            hours: formatNumber(s.creditedHours, language),
                          })}
                        </Text>
                      )}
                    </Stack>
                    {published && started && (
                      <SegmentedControl
                        aria-label={t('activityDays.day.attendance')}
                        size="sm"
                        disabled={recording.fetching}
                        value={s.attended == null ? '' : s.attended ? 'yes' : 'no'}
                        onChange={(value) => mark(s.id, value === 'yes')}
                        data={[
                          { value: 'yes', label: t('activityDays.day.present') },
                          { value: 'no', label: t('activityDays.day.absent') },
                        ]}
                      />
                    )}
                  </Group>
                ))}
              </Stack>
            </>
          )}
        </Stack>
        {published && !started && (
          <Group gap="sm">
            <Button variant="default" size="xs" onClick={() => setEditing((e) => !e)}>
              {t('activityDays.day.editPlaces')}
            </Button>
            <Button variant="outline" color="red.9" size="xs" onClick={() => setConfirming(true)}>
              {t('activityDays.day.cancelDay')}
            </Button>
          </Group>
        )}
        {editing && (
          <PlacesForm
            day={day}
            onDone={() => {
              setEditing(false);
              reload();
            }}
          />
        )}
      </Stack>
      <Modal
        opened={confirming}
        onClose={() => setConfirming(false)}
        title={t('activityDays.day.cancelDay')}
      >
        <Stack>
          <Text>
            {t('activityDays.day.cancelConfirm', { date: dateLabel, count: day.signedUpCount })}
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={() => setConfirming(false)}>
              {t('activityDays.day.keep')}
            </Button>
            <Button
              color="red.9"
              onClick={() => {
                void cancel({ id: day.id }).then((result) => {
                  setConfirming(false);
                  if (result.error) setProblem(formErrorsOf(result.error, [], t).form);
                  else {
                    onChanged(t('activityDays.day.cancelledDone'));
                    reload();
                  }
                });
              }}
            >
              {t('activityDays.day.cancelYes')}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Paper>
  );
}

function PlacesForm({ day, onDone }: { day: Day; onDone: () => void }) {
  const { t } = useTranslation();
  const [, update] = useMutation(UpdateActivityDayMutation);
  const schema = useMemo(
    () =>
      z.object({
        places: z
          .union([z.number(), z.string()])
          .refine((p) => p !== '' && Number.isInteger(Number(p)), t('form.required'))
          .transform(Number)
          .pipe(z.number().int().min(1).max(MAX_PLACES)),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm<
    { places: number | string },
    Awaited<ReturnType<typeof update>>,
    z.output<typeof schema>
  >(
    schema,
    { places: day.places },
    ({ places }) => update({ input: { activityDayId: day.id, places } }),
    () => onDone(),
  );
  return (
    <form noValidate onSubmit={onSubmit}>
      <Group align="flex-end" gap="sm">
        <Controller
          control={form.control}
          name="places"
          render={({ field }) => (
            <NumberInput
              label={t('activityDays.day.placesLabel')}
              description={t('activityDays.day.placesHint', { count: day.signedUpCount })}
              min={1}
              max={MAX_PLACES}
              allowDecimal={false}
              maw={220}
              value={field.value}
              onChange={field.onChange}
              onBlur={field.onBlur}
              name={field.name}
              ref={field.ref}
              error={form.formState.errors.places?.message}
            />
          )}
        />
        <Button type="submit" size="sm" loading={submitting}>
          {t('activityDays.day.save')}
        </Button>
      </Group>
      {formError && (
        <Alert color="red" role="alert" mt="xs">
          {formError}
        </Alert>
      )}
    </form>
  );
}
