import { Card, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { MyRegionRelationshipsQuery as RelationshipsData } from '../gql/graphql';
import { formatDate, formatList, formatNumber } from '../i18n/format';
import { MyRegionRelationshipsQuery } from './engagement-documents';
import { RequireSignIn } from '../app/RequireSignIn';

type Relationship = RelationshipsData['myRegionRelationships'][number];

// The regions the participant is tied to through their engagements (関係人口).
export function RelationshipsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('engagements.relationships.title')}</Title>
      <Text>{t('engagements.relationships.intro')}</Text>
      <RequireSignIn>
        <RelationshipList />
      </RequireSignIn>
    </Stack>
  );
}

function RelationshipList() {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MyRegionRelationshipsQuery,
    requestPolicy: 'cache-and-network',
  });
  if (error && !data)
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  if (!data) return <LoadingState />;
  if (data.myRegionRelationships.length === 0)
    return (
      <EmptyState
        title={t('engagements.relationships.empty')}
        hint={t('engagements.relationships.emptyHint')}
      />
    );
  return (
    <Stack component="ul" gap="md" p={0} m={0} style={{ listStyle: 'none' }}>
      {data.myRegionRelationships.map((r) => (
        <li key={r.id}>
          <RelationshipCard relationship={r} />
        </li>
      ))}
    </Stack>
  );
}

function RelationshipCard({ relationship: r }: { relationship: Relationship }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  return (
    <Card withBorder padding="md" component="article">
      <Title order={2} size="h4" mb="xs">
        {r.regionName}
      </Title>
      <SimpleGrid cols={{ base: 1, xs: 2 }} spacing="xs" component="dl" m={0}>
        <Fact label={t('engagements.relationships.since')}>
          {formatDate(r.firstEngagementAt, language)}
        </Fact>
        <Fact label={t('engagements.relationships.completed')}>
          {t('engagements.relationships.completedCount', {
            count: r.engagementsCompleted,
            formatted: formatNumber(r.engagementsCompleted, language),
          })}
        </Fact>
        <Fact label={t('engagements.relationships.lastContact')}>
          {formatDate(r.lastContactAt, language)}
        </Fact>
        {r.lastOutcomes.length > 0 && (
          <Fact label={t('engagements.relationships.lastOutcomes')}>
            {formatList(
              r.lastOutcomes.map((o) => t(`engagements.outcome.${o}`)),
              language,
            )}
          </Fact>
        )}
      </SimpleGrid>
    </Card>
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
