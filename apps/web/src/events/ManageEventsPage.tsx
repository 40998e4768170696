import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import { OrganizationEventsQuery } from './event-documents';
import { EventCard } from './EventCard';

const PAGE_SIZE = 20;

// /manage/:orgId/events: the organisation's events, drafts included, latest first.
export function ManageEventsPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const base = `/manage/${organization.id}/events`;
  return (
    <Stack>
      <Group justify="space-between">
        <Title order={2}>{t('eventsManage.title')}</Title>
        <Button component={Link} to={`${base}/new`}>
          {t('eventsManage.new')}
        </Button>
      </Group>
      <Text>{t('eventsManage.intro')}</Text>
      <PagedQuery
        query={OrganizationEventsQuery}
        variables={{ organizationId: organization.id }}
        pageSize={PAGE_SIZE}
        connection={(data) => data.organizationEvents}
        empty={<EmptyState title={t('eventsManage.empty')} hint={t('eventsManage.emptyHint')} />}
        moreLabel={t('events.more')}
        keyOf={(event) => event.id}
      >
        {(event) => (
          <>
            <EventCard event={event} to={`${base}/${event.id}`} />
            <Text size="sm" c="gray.7" mt={4}>
              {t('eventsManage.counts', {
                registered: event.registeredCount,
                waiting: event.waitlistedCount,
              })}
            </Text>
          </>
        )}
      </PagedQuery>
    </Stack>
  );
}
