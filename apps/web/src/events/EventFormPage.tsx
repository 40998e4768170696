import {
  Button,
  Checkbox,
  Fieldset,
  Group,
  MultiSelect,
  NumberInput,
  Select,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useMemo } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { ManagedEventFieldsFragment } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { DateTimeInput } from '../i18n/DateTimeInput';
import { zoneName } from '../i18n/event-time';
import { localName } from '../i18n/local-name';
import { MunicipalityPicker } from '../profile/MunicipalityPicker';
import { ThemesQuery } from '../projects/project-documents';
import { PARTICIPANT_KINDS } from '../region/project-form';
import { timeZoneGroups } from '../settings/time-zones';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { CreateEventMutation, ManagedEventQuery, UpdateEventMutation } from './event-documents';
import { EVENT_FORMATS } from './event-filter';
import {
  emptyEvent,
  EVENT_KINDS,
  eventFormValuesOf,
  eventInputOf,
  eventSchema,
  type EventFormValues,
  MAX_PRESENTERS,
} from './event-form';
import { RegionPicker } from './RegionPicker';
import { FormError } from '../app/FormError';

// /manage/:orgId/events/new
export function NewEventPage() {
  return <EventForm />;
}

// /manage/:orgId/events/:eventId/edit: drafts and published events (the API's rule).
export function EditEventPage() {
  const { t } = useTranslation();
  const { eventId = '' } = useParams();
  const [{ data, error }, refetch] = useQuery({
    query: ManagedEventQuery,
    variables: { id: eventId },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data) {
    const missing = error.graphQLErrors.some((e) =>
      ['NOT_FOUND', 'FORBIDDEN', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)),
    );
    if (missing) return <EmptyState title={t('eventsManage.notFound')} />;
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return <LoadingState />;
  return <EventForm event={data.event} />;
}

function EventForm({ event }: { event?: ManagedEventFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const navigate = useNavigate();
  const { organization } = useWorkspace();
  const base = `/manage/${organization.id}/events`;
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const [, create] = useMutation(CreateEventMutation);
  const [, update] = useMutation(UpdateEventMutation);
  const zones = useMemo(
    () =>
      timeZoneGroups(language, {
        japan: t('settings.japan'),
        others: t('settings.otherZones'),
      }),
    [language, t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm<
    EventFormValues,
    { error?: CombinedError; id?: string }
  >(
    eventSchema(t),
    event ? eventFormValuesOf(event) : emptyEvent(),
    async (values) => {
      const input = eventInputOf(values);
      if (event) {
        const result = await update({ input: { ...input, eventId: event.id } });
        return { error: result.error, id: result.data?.updateEvent.id };
      }
      const result = await create({
        input: { ...input, organizerOrganizationId: organization.id },
      });
      return { error: result.error, id: result.data?.createEvent.id };
    },
    async (_values, outcome) => {
      await navigate(`${base}/${outcome.id}`);
    },
  );
  const { register, control, watch, formState } = form;
  const errors = formState.errors;
  const format = watch('format');
  const timeZone = watch('timeZone');
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={760}>
        <Title order={2}>
          {event ? t('eventsManage.form.editTitle') : t('eventsManage.form.newTitle')}
        </Title>
        <FormError message={formError} />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('eventsManage.form.kind')}
                allowDeselect={false}
                data={EVENT_KINDS.map((k) => ({ value: k, label: t(`events.kind.${k}`) }))}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                error={errors.kind?.message}
              />
            )}
          />
          <Controller
            control={control}
            name="format"
            render={({ field }) => (
              <Stack gap={4}>
                <Text component="span" size="sm" fw={700} id="event-format-label">
                  {t('eventsManage.form.format')}
                </Text>
                <SegmentedControl
                  aria-labelledby="event-format-label"
                  fullWidth
                  data={EVENT_FORMATS.map((f) => ({ value: f, label: t(`events.format.${f}`) }))}
                  value={field.value}
                  onChange={(v) => field.onChange(v)}
                />
              </Stack>
            )}
          />
        </SimpleGrid>
        <TextInput
          label={t('eventsManage.form.titleJa')}
          required
          {...register('titleJa')}
          error={errors.titleJa?.message}
        />
        <TextInput
          label={t('eventsManage.form.titleEn')}
          {...register('titleEn')}
          error={errors.titleEn?.message}
        />
        <Textarea
          label={t('eventsManage.form.descriptionJa')}
          required
          autosize
          minRows={4}
          {...register('descriptionJa')}
          error={errors.descriptionJa?.message}
        />
        <Textarea
          label={t('eventsManage.form.descriptionEn')}
          autosize
          minRows={3}
          {...register('descriptionEn')}
          error={errors.descriptionEn?.message}
        />
        <Fieldset legend={t('eventsManage.form.when')}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {(['startsAt', 'endsAt'] as const).map((name) => (
              <Controller
                key={name}
                control={control}
                name={name}
                render={({ field }) => (
                  <DateTimeInput
                    label={t(`eventsManage.form.${name}`)}
                    required
                    zoneNote={t('dates.eventZone', {
                      zone: zoneName(new Date(), i18n.language, timeZone),
                    })}
                    value={field.value}
                    onChange={field.onChange}
                    error={errors[name]?.message}
                  />
                )}
              />
            ))}
          </SimpleGrid>
          <Controller
            control={control}
            name="timeZone"
            render={({ field }) => (
              <Select
                mt="sm"
                label={t('eventsManage.form.timeZone')}
                searchable
                allowDeselect={false}
                limit={60}
                data={zones}
                value={field.value}
                onChange={(v) => v && field.onChange(v)}
                error={errors.timeZone?.message}
              />
            )}
          />
        </Fieldset>
        {format !== 'ONLINE' && (
          <Fieldset legend={t('eventsManage.form.where')}>
            <Stack>
              <MunicipalityPicker
                prefectureLabel={t('eventsManage.form.prefecture')}
                prefectureCode={watch('prefectureCode')}
                municipalityCode={watch('municipalityCode')}
                onChange={({ prefectureCode, municipalityCode }) => {
                  form.setValue('prefectureCode', prefectureCode, { shouldDirty: true });
                  form.setValue('municipalityCode', municipalityCode, {
                    shouldDirty: true,
                    shouldValidate: formState.isSubmitted,
                  });
                }}
                error={errors.municipalityCode?.message}
              />
              <TextInput
                label={t('eventsManage.form.venue')}
                description={t('eventsManage.form.venueHint')}
                required
                {...register('venue')}
                error={errors.venue?.message}
              />
            </Stack>
          </Fieldset>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={control}
            name="capacity"
            render={({ field }) => (
              <NumberInput
                label={t('eventsManage.form.capacity')}
                description={t('eventsManage.form.capacityHint')}
                required={format !== 'ONLINE'}
                min={1}
                max={100000}
                allowDecimal={false}
                value={field.value}
                onChange={(v) => field.onChange(typeof v === 'number' ? v : '')}
                error={errors.capacity?.message}
              />
            )}
          />
          {format !== 'ON_SITE' && (
            <TextInput
              type="url"
              label={t('eventsManage.form.meetingUrl')}
              description={t('eventsManage.form.meetingUrlHint')}
              {...register('meetingUrl')}
              error={errors.meetingUrl?.message}
            />
          )}
        </SimpleGrid>
        <Controller
          control={control}
          name="themeCodes"
          render={({ field }) => (
            <MultiSelect
              label={t('eventsManage.form.themes')}
              data={(themes?.themes ?? []).map((th) => ({
                value: th.code,
                label: localName(th, language),
              }))}
              value={field.value}
              onChange={field.onChange}
              maxValues={10}
              error={errors.themeCodes?.message}
            />
          )}
        />
        <Controller
          control={control}
          name="presentingRegions"
          render={({ field }) => (
            <RegionPicker
              organizationId={organization.id}
              value={field.value}
              onChange={field.onChange}
              max={MAX_PRESENTERS}
              error={errors.presentingRegions?.message}
            />
          )}
        />
        {organization.kind === 'PLATFORM' && (
          <Checkbox label={t('eventsManage.form.forMembers')} {...register('forCouncilMembers')} />
        )}
        {!watch('forCouncilMembers') && (
          <Controller
            control={control}
            name="audienceKinds"
            render={({ field }) => (
              <MultiSelect
                label={t('eventsManage.form.audience')}
                data={PARTICIPANT_KINDS.map((k) => ({ value: k, label: t(`kind.${k}`) }))}
                value={field.value}
                onChange={(v) => field.onChange(v)}
                error={errors.audienceKinds?.message}
              />
            )}
          />
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {event ? t('eventsManage.form.saveChanges') : t('eventsManage.form.save')}
          </Button>
          <Button variant="default" component={Link} to={event ? `${base}/${event.id}` : base}>
            {t('eventsManage.form.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
