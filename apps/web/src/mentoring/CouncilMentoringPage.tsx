import {
  Alert,
  Anchor,
  Badge,
  Button,
  Card,
  Group,
  Select,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useClient, useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { RequireSignIn } from '../app/RequireSignIn';
import type { MentorFieldsFragment } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { ThemesQuery } from '../projects/project-documents';
import { MyOrganizationsQuery } from '../workspace/workspace-documents';
import { BookMentoringSlotMutation, MentorsQuery } from './mentoring-documents';
import { CancellationRules, SessionTime } from './SessionTime';

type Theme = { code: string; name: string; nameEn: string };

export const MENTORS_PAGE_SIZE = 10;

// /council/mentoring: the mentors and their free slots; a member organisation's staff book one
// for a session about a named initiative.
export function CouncilMentoringPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('mentoring.council.title')}</Title>
      <Text>{t('mentoring.council.intro')}</Text>
      <CancellationRules />
      <RequireSignIn>
        <Mentors />
      </RequireSignIn>
    </Stack>
  );
}

function Mentors() {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  const [{ data: mine }] = useQuery({ query: MyOrganizationsQuery });
  const organizations = (mine?.me.memberships ?? [])
    .filter((m) => m.organization.kind !== 'PLATFORM')
    .map((m) => m.organization);
  // A booked slot leaves the list once the reader has read the confirmation.
  const refresh = () =>
    void client
      .query(
        MentorsQuery,
        { first: MENTORS_PAGE_SIZE, after: null },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
  return (
    <PagedQuery
      query={MentorsQuery}
      variables={{}}
      pageSize={MENTORS_PAGE_SIZE}
      connection={(data) => data.mentors}
      empty={
        <EmptyState title={t('mentoring.council.none')} hint={t('mentoring.council.noneHint')} />
      }
      moreLabel={t('mentoring.council.more')}
      keyOf={(mentor) => mentor.id}
    >
      {(mentor) => (
        <MentorCard
          mentor={mentor}
          themes={themes?.themes ?? []}
          organizations={organizations}
          onBooked={refresh}
        />
      )}
    </PagedQuery>
  );
}

function MentorCard({
  mentor,
  themes,
  organizations,
  onBooked,
}: {
  mentor: MentorFieldsFragment;
  themes: readonly Theme[];
  organizations: { id: string; name: string }[];
  onBooked: () => void;
}) {
  const { t, i18n } = useTranslation();
  const en = i18n.language === 'en';
  const [booking, setBooking] = useState<string>();
  const slots = mentor.freeSlots;
  const names = new Map(themes.map((th) => [th.code, en ? th.nameEn : th.name]));
  const formats = [
    mentor.offersOnline && t('mentoring.format.ONLINE'),
    mentor.offersOnSite && t('mentoring.format.ON_SITE'),
  ].filter(Boolean);
  return (
    <Card component="article" withBorder padding="md" aria-labelledby={`mentor-${mentor.id}`}>
      <Stack gap="xs">
        <Title order={2} size="h3" id={`mentor-${mentor.id}`}>
          {mentor.displayName}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{(en && mentor.bioEn) || mentor.bioJa}</Text>
        {mentor.themeCodes.length > 0 && (
          <Group gap="xs" aria-label={t('mentoring.council.expertise')}>
            {mentor.themeCodes.map((code) => (
              <Badge key={code} color="teal.9">
                {names.get(code) ?? code}
              </Badge>
            ))}
          </Group>
        )}
        <Text size="sm">
          {t('app.labelled', {
            label: t('mentoring.council.offers'),
            value: formats.join(en ? ', ' : '・'),
          })}
        </Text>
        {slots.length === 0 ? (
          <Text c="gray.7">{t('mentoring.council.noSlots')}</Text>
        ) : (
          <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
            {slots.map((slot) => (
              <Card component="li" key={slot.id} withBorder padding="sm" bg="gray.0">
                <Group justify="space-between" wrap="wrap" gap="xs">
                  <Stack gap={0}>
                    <SessionTime
                      startsAt={slot.startsAt}
                      endsAt={slot.endsAt}
                      timeZone={slot.timeZone}
                      fw={700}
                    />
                    <Text size="sm">
                      {t(`mentoring.format.${slot.format}`)}
                      {slot.place ? ` · ${slot.place}` : ''}
                    </Text>
                  </Stack>
                  {booking !== slot.id && (
                    <Button variant="light" onClick={() => setBooking(slot.id)}>
                      {t('mentoring.council.book')}
                    </Button>
                  )}
                </Group>
                {booking === slot.id && (
                  <BookingForm
                    slotId={slot.id}
                    mentorName={mentor.displayName}
                    organizations={organizations}
                    onClose={() => setBooking(undefined)}
                    onBooked={onBooked}
                  />
                )}
              </Card>
            ))}
          </Stack>
        )}
        {mentor.freeSlotCount > slots.length && (
          <Text size="sm" c="gray.7">
            {t('mentoring.council.moreSlots', { count: mentor.freeSlotCount - slots.length })}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

function BookingForm({
  slotId,
  mentorName,
  organizations,
  onClose,
  onBooked,
}: {
  slotId: string;
  mentorName: string;
  organizations: { id: string; name: string }[];
  onClose: () => void;
  onBooked: () => void;
}) {
  const { t } = useTranslation();
  const [, book] = useMutation(BookMentoringSlotMutation);
  const [bookedFor, setBookedFor] = useState<string>();
  const schema = z.object({
    organizationId: z.string().min(1, t('form.required')),
    initiativeTitle: z.string().trim().min(2, t('form.required')).max(200),
    polish: z.string().trim().min(10, t('mentoring.council.polishHint')).max(4000),
  });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { organizationId: organizations[0]?.id ?? '', initiativeTitle: '', polish: '' },
    (values) => book({ input: { slotId, ...values } }),
    (values) => {
      setBookedFor(values.organizationId);
    },
    {
      SLOT_TAKEN: { message: t('mentoring.council.taken') },
      OVERLAPPING_SESSION: { message: t('mentoring.council.overlapping') },
      NOT_A_COUNCIL_MEMBER: { field: 'organizationId', message: t('mentoring.council.notMember') },
    },
  );
  if (bookedFor) {
    return (
      <Alert color="green" role="status" mt="sm">
        <Stack gap="xs">
          <Text>{t('mentoring.council.booked')}</Text>
          <Anchor component={Link} to={`/manage/${bookedFor}/mentoring`}>
            {t('mentoring.council.seeSessions')}
          </Anchor>
          <Button variant="subtle" onClick={onBooked} w="fit-content">
            OK
          </Button>
        </Stack>
      </Alert>
    );
  }
  if (organizations.length === 0) {
    return (
      <Alert color="yellow" mt="sm" role="status">
        {t('mentoring.council.noOrganization')}
      </Alert>
    );
  }
  const organizationId = form.watch('organizationId');
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack gap="sm" mt="sm">
        <Title order={3} size="h4">
          {t('mentoring.council.bookTitle', { mentor: mentorName })}
        </Title>
        <Select
          label={t('mentoring.council.organization')}
          data={organizations.map((o) => ({ value: o.id, label: o.name }))}
          value={organizationId}
          onChange={(value) => form.setValue('organizationId', value ?? '')}
          allowDeselect={false}
          error={form.formState.errors.organizationId?.message}
        />
        <TextInput
          label={t('mentoring.council.initiativeTitle')}
          description={t('mentoring.council.initiativeHint')}
          required
          maxLength={200}
          {...form.register('initiativeTitle')}
          error={form.formState.errors.initiativeTitle?.message}
        />
        <Textarea
          label={t('mentoring.council.polish')}
          description={t('mentoring.council.polishHint')}
          required
          autosize
          minRows={3}
          maxLength={4000}
          {...form.register('polish')}
          error={form.formState.errors.polish?.message}
        />
        {formError && (
          <Alert color="red" role="alert">
            {formError}
          </Alert>
        )}
        <Group>
          <Button type="submit" loading={submitting}>
            {t('mentoring.council.submit')}
          </Button>
          <Button variant="default" onClick={onClose}>
            {t('mentoring.council.cancel')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
