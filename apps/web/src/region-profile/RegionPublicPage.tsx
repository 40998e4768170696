import { Anchor, Badge, Group, List, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { RegionProfileQuery as RegionProfileData } from '../gql/graphql';
import { formatNumber } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { PopulationSection } from './PopulationSection';
import { RegionProfileQuery } from './region-profile-documents';

type Profile = RegionProfileData['regionProfile'];

// /regions/:id: a region's public page, open to everyone, signed in or not.
export function RegionPublicPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: RegionProfileQuery,
    variables: { organizationId: id },
  });
  let content: ReactNode;
  if (error && !data) {
    const notFound = error.graphQLErrors.some(
      (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT',
    );
    content = notFound ? (
      <EmptyState title={t('errors.notFound')} />
    ) : (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  } else if (!data) content = <LoadingState />;
  else content = <RegionProfileDetails profile={data.regionProfile} />;
  return (
    <Stack maw={960} mx="auto">
      {content}
    </Stack>
  );
}

function Figure({ label, value }: { label: string; value: string }) {
  return (
    <Paper withBorder p="sm">
      <Text size="sm" c="gray.7">
        {label}
      </Text>
      <Text fw={700} size="xl">
        {value}
      </Text>
    </Paper>
  );
}

function RegionProfileDetails({ profile }: { profile: Profile }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const n = (v: number) => formatNumber(v, language);
  const { organization, relationships } = profile;
  const place = organization.municipality
    ? localName(
        { name: organization.municipality.name, nameEn: organization.municipality.nameEn },
        language,
      )
    : null;
  return (
    <Stack gap="xl">
      <Stack gap="xs" component="header">
        <Title order={1}>{organization.name}</Title>
        {place && (
          <Text c="gray.7">
            {t('app.labelled', { label: t('regionProfile.place'), value: place })}
          </Text>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="about-title">
        <Title order={2} size="h3" id="about-title">
          {t('regionProfile.about')}
        </Title>
        <Text style={{ whiteSpace: 'pre-wrap' }}>
          {profile.description ?? t('regionProfile.noDescription')}
        </Text>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="relationships-title">
        <Title order={2} size="h3" id="relationships-title">
          {t('regionProfile.relationships')}
        </Title>
        <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm" data-testid="relationships">
          <Figure
            label={t('regionProfile.completedEngagements')}
            value={t('regionProfile.times', {
              count: relationships.completedEngagements,
              value: n(relationships.completedEngagements),
            })}
          />
          <Figure
            label={t('regionProfile.participants')}
            value={t('regionProfile.people', { count: relationships.participants })}
          />
          <Figure
            label={t('regionProfile.returning')}
            value={t('regionProfile.people', { count: relationships.returningParticipants })}
          />
        </SimpleGrid>
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="projects-title">
        <Title order={2} size="h3" id="projects-title">
          {t('regionProfile.projects')}
        </Title>
        {profile.projects.length === 0 ? (
          <Text c="gray.7">{t('regionProfile.projectsEmpty')}</Text>
        ) : (
          <List listStyleType="none" spacing="xs" data-testid="region-projects">
            {profile.projects.map((p) => (
              <List.Item key={p.id}>
                <Group gap="xs" wrap="nowrap" align="baseline">
                  <Badge
                    color={p.status === 'PUBLISHED' ? 'teal.9' : 'gray.7'}
                    variant="light"
                    style={{ flexShrink: 0 }}
                  >
                    {p.status === 'PUBLISHED'
                      ? t('regionProfile.projectOpen')
                      : t('regionProfile.projectClosed')}
                  </Badge>
                  <Anchor component={Link} to={`/projects/${p.id}`}>
                    {p.title}
                  </Anchor>
                  <Text size="sm" c="gray.7">
                    {localName(p.theme, language)}
                  </Text>
                </Group>
              </List.Item>
            ))}
          </List>
        )}
      </Stack>
      <Stack gap="xs" component="section" aria-labelledby="intermediaries-title">
        <Title order={2} size="h3" id="intermediaries-title">
          {t('regionProfile.intermediaries')}
        </Title>
        {profile.supervisingIntermediaries.length === 0 ? (
          <Text c="gray.7">{t('regionProfile.intermediariesEmpty')}</Text>
        ) : (
          <List data-testid="region-intermediaries">
            {profile.supervisingIntermediaries.map((o) => (
              <List.Item key={o.id}>{o.name}</List.Item>
            ))}
          </List>
        )}
      </Stack>
      <PopulationSection organizationId={organization.id} population={profile.population} />
    </Stack>
  );
}
