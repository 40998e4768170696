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
  TextInput,
  Title,
} from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useMemo, useState } from 'react';
import { Controller } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation } from 'urql';
import { z } from 'zod';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import type { AdminOrganizationFieldsFragment, OrganizationKind } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import { MunicipalityPicker, municipalityLabel } from '../profile/MunicipalityPicker';
import { AdminOrganizationsQuery, CreateOrganizationMutation } from './admin-documents';
import { FormError } from '../app/FormError';

const KINDS: readonly OrganizationKind[] = ['REGION', 'INTERMEDIARY', 'COMPANY', 'PLATFORM'];
const PAGE_SIZE = 20;

// /manage/:orgId/admin/organizations: every organisation, searchable, and a form to register one.
export function OrganizationsPage() {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const [kind, setKind] = useState<OrganizationKind | null>(null);
  const [query] = useDebouncedValue(search.trim(), 300);
  return (
    <Stack>
      <Title order={2}>{t('admin.organizations.title')}</Title>
      <Text>{t('admin.organizations.intro')}</Text>
      <CreateOrganizationForm />
      <Group align="end" grow preventGrowOverflow={false} wrap="wrap">
        <TextInput
          label={t('admin.organizations.search')}
          type="search"
          value={search}
          onChange={(e) => setSearch(e.currentTarget.value)}
          miw={200}
        />
        <Select
          label={t('admin.organizations.kind')}
          placeholder={t('admin.organizations.allKinds')}
          clearable
          data={KINDS.map((k) => ({ value: k, label: t(`workspace.kind.${k}`) }))}
          value={kind}
          onChange={(value) => setKind(value)}
          miw={200}
        />
      </Group>
      <OrganizationList query={query} kind={kind} />
    </Stack>
  );
}

function OrganizationList({ query, kind }: { query: string; kind: OrganizationKind | null }) {
  const { t } = useTranslation();
  return (
    <PagedQuery
      query={AdminOrganizationsQuery}
      variables={{ query: query || null, kind }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.organizations}
      empty={
        <EmptyState
          title={t('admin.organizations.none')}
          hint={t('admin.organizations.noneHint')}
        />
      }
      moreLabel={t('admin.organizations.more')}
      keyOf={(node) => node.id}
    >
      {(node) => <OrganizationCard organization={node} />}
    </PagedQuery>
  );
}

function OrganizationCard({
  organization: org,
}: {
  organization: AdminOrganizationFieldsFragment;
}) {
  const { t, i18n } = useTranslation();
  return (
    <Card withBorder>
      <Group justify="space-between" wrap="wrap">
        <Stack gap={4}>
          <Anchor component={Link} to={org.id} fw={700}>
            {org.name}
          </Anchor>
          {org.municipality && (
            <Text size="sm" c="gray.7">
              {t('admin.organizations.place', {
                place: municipalityLabel(org.municipality, i18n.language),
              })}
            </Text>
          )}
        </Stack>
        <Badge variant="light">{t(`workspace.kind.${org.kind}`)}</Badge>
      </Group>
    </Card>
  );
}

interface CreateValues {
  kind: string;
  name: string;
  prefectureCode: string | null;
  municipalityCode: string | null;
}

function CreateOrganizationForm() {
  const { t } = useTranslation();
  const [, create] = useMutation(CreateOrganizationMutation);
  const [created, setCreated] = useState<string>();
  const schema = useMemo(
    () =>
      z
        .object({
          kind: z.string().min(1, t('form.required')),
          name: z.string().trim().min(1, t('form.required')).max(200),
          prefectureCode: z.string().nullable(),
          municipalityCode: z.string().nullable(),
        })
        .refine((v) => v.kind !== 'REGION' || !!v.municipalityCode, {
          path: ['municipalityCode'],
          message: t('admin.organizations.municipalityHint'),
        }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm<
    CreateValues,
    Awaited<ReturnType<typeof create>>
  >(
    schema,
    { kind: '', name: '', prefectureCode: null, municipalityCode: null },
    ({ kind, name, municipalityCode }) => {
      setCreated(undefined);
      return create(
        {
          input: {
            kind: kind as OrganizationKind,
            name,
            municipalityCode: kind === 'REGION' ? municipalityCode : undefined,
          },
        },
        { additionalTypenames: ['OrganizationConnection'] },
      );
    },
    ({ name }) => {
      form.reset();
      setCreated(name);
    },
  );
  const { errors } = form.formState;
  const kind = form.watch('kind');
  return (
    <Card withBorder>
      <form noValidate onSubmit={onSubmit} aria-labelledby="create-organization-title">
        <Stack gap="sm">
          <Title order={3} size="h4" id="create-organization-title">
            {t('admin.organizations.create')}
          </Title>
          <FormError message={formError} />
          {created && (
            <Alert color="green" role="status">
              {t('admin.organizations.created', { name: created })}
            </Alert>
          )}
          <Controller
            control={form.control}
            name="kind"
            render={({ field }) => (
              <Select
                label={t('admin.organizations.kind')}
                required
                data={KINDS.map((k) => ({ value: k, label: t(`workspace.kind.${k}`) }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                name={field.name}
                ref={field.ref}
                error={errors.kind?.message}
              />
            )}
          />
          <TextInput
            label={t('admin.organizations.name')}
            required
            maxLength={200}
            error={errors.name?.message}
            {...form.register('name')}
          />
          {kind === 'REGION' && (
            <Controller
              control={form.control}
              name="municipalityCode"
              render={({ field }) => (
                <MunicipalityPicker
                  prefectureCode={form.watch('prefectureCode')}
                  municipalityCode={field.value}
                  onChange={(place) => {
                    form.setValue('prefectureCode', place.prefectureCode);
                    field.onChange(place.municipalityCode);
                  }}
                  error={errors.municipalityCode?.message}
                  prefectureLabel={t('admin.organization.prefecture')}
                />
              )}
            />
          )}
          <Group>
            <Button type="submit" loading={submitting}>
              {t('admin.organizations.submit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Card>
  );
}
