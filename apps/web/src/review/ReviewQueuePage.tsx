import { Alert, Anchor, Badge, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { PagedQuery } from '../app/PagedQuery';
import { EmptyState } from '../app/page-states';
import type { ReviewQueueQuery as ReviewQueueData } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { localName } from '../i18n/local-name';
import { placeName } from '../i18n/place-name';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { ReviewQueueQuery } from './review-documents';

type Item = ReviewQueueData['reviewQueue']['edges'][number]['node'];

// What the review page tells the queue after a decision (router state).
export interface ReviewOutcome {
  done: 'published' | 'sentBack';
  title: string;
}

const PAGE_SIZE = 20;
const DAY_MS = 24 * 60 * 60 * 1000;

// /manage/:orgId/review: the projects in review in the intermediary's area, longest waiting first.
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const outcome = useLocation().state as ReviewOutcome | null;
  return (
    <Stack>
      <Title order={2}>{t('review.title')}</Title>
      <Text>{t('review.intro')}</Text>
      {outcome?.done && (
        <Alert color="green" role="status" data-testid="review-outcome">
          {t(outcome.done === 'published' ? 'review.published' : 'review.sentBackDone', {
            title: outcome.title,
          })}
        </Alert>
      )}
      <ReviewQueue />
    </Stack>
  );
}

function ReviewQueue() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  return (
    <PagedQuery
      query={ReviewQueueQuery}
      variables={{ organizationId: organization.id }}
      pageSize={PAGE_SIZE}
      connection={(data) => data.reviewQueue}
      empty={<EmptyState title={t('review.empty')} hint={t('review.emptyHint')} />}
      moreLabel={t('review.more')}
      keyOf={(item) => item.project.id}
    >
      {(item) => <QueueCard item={item} orgId={organization.id} />}
    </PagedQuery>
  );
}

function QueueCard({ item, orgId }: { item: Item; orgId: string }) {
  const { t, i18n } = useTranslation();
  const language = i18n.language;
  const timeZone = useAccountTimeZone();
  const { project } = item;
  const days = Math.max(0, Math.floor((Date.now() - Date.parse(item.submittedAt)) / DAY_MS));
  const waiting =
    days === 0
      ? t('review.waitingToday')
      : days === 1
        ? t('review.waitingDay')
        : t('review.waitingDays', { days });
  return (
    <Card withBorder padding="md" component="article" data-testid="review-item">
      <Group gap="xs" mb="xs">
        <Badge variant="light">{localName(project.theme, language)}</Badge>
        <Badge variant="outline" color={days >= 7 ? 'red.9' : 'gray.8'}>
          {waiting}
        </Badge>
        {item.sentBackCount > 0 && (
          <Badge variant="outline" color="gray.8">
            {t('review.sentBack', { count: item.sentBackCount })}
          </Badge>
        )}
      </Group>
      <Anchor
        component={Link}
        to={`/manage/${orgId}/review/${project.id}`}
        fw={700}
        fz="lg"
        c="dark"
      >
        <h3 style={{ font: 'inherit', margin: 0 }}>{project.title}</h3>
      </Anchor>
      <Text size="sm" mt={4}>
        {project.region.name} · {placeName(project.place, language)}
      </Text>
      <Text size="sm" c="gray.7">
        {t('review.submittedOn', { date: formatDate(item.submittedAt, language, timeZone) })}
      </Text>
    </Card>
  );
}
