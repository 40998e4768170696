import {
  Alert,
  Button,
  Card,
  Checkbox,
  Group,
  MultiSelect,
  Stack,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery } from 'urql';
import { z } from 'zod';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { useMutationForm } from '../graphql/use-mutation-form';
import { ThemesQuery } from '../projects/project-documents';
import { MENTORS_PAGE_SIZE } from './CouncilMentoringPage';
import { AppointMentorMutation, MentorsQuery } from './mentoring-documents';

type Theme = { code: string; name: string; nameEn: string };

// /manage/:orgId/admin/mentors: platform admins appoint mentors (or update a mentor's profile)
// and see who mentors.
export function AdminMentorsPage() {
  const { t } = useTranslation();
  const client = useClient();
  const [{ data: themes }] = useQuery({ query: ThemesQuery });
  // A new mentor heads the list (newest appointed first).
  const refresh = () =>
    void client
      .query(
        MentorsQuery,
        { first: MENTORS_PAGE_SIZE, after: null },
        { requestPolicy: 'network-only' },
      )
      .toPromise();
  return (
    <Stack>
      <Title order={2}>{t('mentoring.admin.title')}</Title>
      <Text>{t('mentoring.admin.intro')}</Text>
      <AppointForm themes={themes?.themes ?? []} onAppointed={refresh} />
      <Title order={3} size="h4">
        {t('mentoring.admin.list')}
      </Title>
      <PagedQuery
        query={MentorsQuery}
        variables={{}}
        pageSize={MENTORS_PAGE_SIZE}
        connection={(data) => data.mentors}
        empty={<EmptyState title={t('mentoring.admin.none')} />}
        moreLabel={t('mentoring.council.more')}
        keyOf={(mentor) => mentor.id}
      >
        {(m) => (
          <Card withBorder padding="sm">
            <Group justify="space-between" wrap="wrap">
              <Text fw={700}>{m.displayName}</Text>
              <Text size="sm">{t('mentoring.admin.freeSlots', { count: m.freeSlotCount })}</Text>
            </Group>
          </Card>
        )}
      </PagedQuery>
    </Stack>
  );
}

function AppointForm({
  themes,
  onAppointed,
}: {
  themes: readonly Theme[];
  onAppointed: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [, appoint] = useMutation(AppointMentorMutation);
  const [appointed, setAppointed] = useState<string>();
  const schema = z.object({
    email: z.string().trim().email(t('form.email')),
    bioJa: z.string().trim().min(10, t('form.required')).max(4000),
    bioEn: z.string().max(4000),
    themeCodes: z.array(z.string()).max(10),
    offersOnline: z.boolean(),
    offersOnSite: z.boolean(),
  });
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    {
      email: '',
      bioJa: '',
      bioEn: '',
      themeCodes: [] as string[],
      offersOnline: true,
      offersOnSite: false,
    },
    (v) => {
      setAppointed(undefined);
      return appoint({ input: { ...v, bioEn: v.bioEn || null } });
    },
    (_v, outcome) => {
      setAppointed(outcome.data?.appointMentor.displayName);
      onAppointed();
    },
  );
  const en = i18n.language === 'en';
  return (
    <Card withBorder padding="md">
      <form onSubmit={onSubmit} noValidate>
        <Stack gap="sm">
          <TextInput
            type="email"
            label={t('mentoring.admin.email')}
            required
            {...form.register('email')}
            error={form.formState.errors.email?.message}
          />
          <Textarea
            label={t('mentoring.mentor.bioJa')}
            required
            autosize
            minRows={3}
            maxLength={4000}
            {...form.register('bioJa')}
            error={form.formState.errors.bioJa?.message}
          />
          <Textarea
            label={t('mentoring.mentor.bioEn')}
            autosize
            minRows={2}
            maxLength={4000}
            {...form.register('bioEn')}
            error={form.formState.errors.bioEn?.message}
          />
          <MultiSelect
            label={t('mentoring.admin.themes')}
            data={themes.map((th) => ({ value: th.code, label: en ? th.nameEn : th.name }))}
            value={form.watch('themeCodes')}
            onChange={(value) => form.setValue('themeCodes', value)}
            searchable
            error={form.formState.errors.themeCodes?.message}
          />
          <Group>
            <Checkbox label={t('mentoring.mentor.online')} {...form.register('offersOnline')} />
            <Checkbox label={t('mentoring.mentor.onSite')} {...form.register('offersOnSite')} />
          </Group>
          {form.formState.errors.offersOnline?.message && (
            <Text c="red.8" size="sm">
              {form.formState.errors.offersOnline.message}
            </Text>
          )}
          {formError && (
            <Alert color="red" role="alert">
              {formError}
            </Alert>
          )}
          {appointed && (
            <Alert color="green" role="status">
              {t('mentoring.admin.appointed', { name: appointed })}
            </Alert>
          )}
          <Button type="submit" loading={submitting} w="fit-content">
            {t('mentoring.admin.submit')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}
