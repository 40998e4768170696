import { Badge, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import { MyCohortsQuery } from './cohort-documents';

// /cohorts: the cohorts the participant was added to, each with whether they have ranked.
export function MyCohortsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={960} mx="auto">
      <Title order={1}>{t('cohorts.mine.title')}</Title>
      <Text>{t('cohorts.mine.intro')}</Text>
      <RequireSignIn>
        <CohortList />
      </RequireSignIn>
    </Stack>
  );
}

function CohortList() {
  const { t } = useTranslation();
  const [{ data, error }, refetch] = useQuery({
    query: MyCohortsQuery,
    requestPolicy: 'cache-and-network',
  });
  if (!data && error)
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  if (!data) return <LoadingState />;
  if (data.myCohorts.length === 0)
    return <EmptyState title={t('cohorts.mine.empty')} hint={t('cohorts.mine.emptyHint')} />;
  return (
    <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
      {data.myCohorts.map((cohort) => {
        const open = cohort.status === 'OPEN';
        const ranked = cohort.myRanking.length;
        return (
          <Card component="li" withBorder key={cohort.id}>
            <Group justify="space-between" wrap="wrap" gap="xs">
              <Title order={2} size="h4">
                {cohort.name}
              </Title>
              <Badge variant="outline" color={open ? 'teal.9' : 'gray.7'}>
                {t(`cohorts.status.${cohort.status}`)}
              </Badge>
            </Group>
            <Text size="sm" c="gray.7">
              {cohort.program.name}
            </Text>
            <Group justify="space-between" mt="xs" wrap="wrap" gap="xs">
              <Text size="sm" c={ranked ? undefined : 'red.9'} fw={ranked ? undefined : 600}>
                {ranked ? t('cohorts.mine.ranked', { count: ranked }) : t('cohorts.mine.notRanked')}
              </Text>
              <Button
                component={Link}
                to={`/cohorts/${cohort.id}`}
                size="xs"
                variant={open ? 'filled' : 'default'}
                aria-label={`${open ? t('cohorts.mine.open') : t('cohorts.mine.view')}: ${cohort.name}`}
              >
                {open ? t('cohorts.mine.open') : t('cohorts.mine.view')}
              </Button>
            </Group>
          </Card>
        );
      })}
    </Stack>
  );
}
