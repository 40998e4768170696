import { Anchor, Button, Center, Group, SegmentedControl, Stack, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import {
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  MyNotificationsQuery,
  UnreadCountQuery,
} from './notification-documents';
import { NotificationItem } from './NotificationItem';
import { useListFollowsUnreadCount } from './use-list-follows-unread-count';

const PAGE_SIZE = 20;

// Every notification, newest first, a page at a time; new ones arrive live (the first page
// follows the unread count the bell's subscription keeps), and reading one marks it read.
export function NotificationsPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={760} mx="auto">
      <Group justify="space-between" align="center">
        <Title order={1}>{t('notifications.title')}</Title>
        <Anchor component={Link} to="/settings/notifications" size="sm">
          {t('notifications.preferences')}
        </Anchor>
      </Group>
      <RequireSignIn>
        <Notifications />
      </RequireSignIn>
    </Stack>
  );
}

function Notifications() {
  const { t } = useTranslation();
  const [unreadOnly, setUnreadOnly] = useState(false);
  const [{ data: count }] = useQuery({ query: UnreadCountQuery });
  const [markAll, markAllRead] = useMutation(MarkAllNotificationsReadMutation);
  const unread = count?.unreadNotificationCount ?? 0;
  return (
    <>
      <Group justify="space-between" wrap="wrap" gap="sm">
        <SegmentedControl
          aria-label={t('notifications.show')}
          value={unreadOnly ? 'unread' : 'all'}
          onChange={(value) => setUnreadOnly(value === 'unread')}
          data={[
            { value: 'all', label: t('notifications.showAll') },
            { value: 'unread', label: t('notifications.showUnread') },
          ]}
        />
        <Button
          variant="light"
          disabled={unread === 0}
          loading={markAll.fetching}
          onClick={() => void markAllRead({})}
        >
          {t('notifications.markAllRead')}
        </Button>
      </Group>
      <NotificationPages key={String(unreadOnly)} unreadOnly={unreadOnly} unread={unread} />
    </>
  );
}

// Unlike the relayPagination lists (PagedList), a page's cursor is read from the page before as
// it is now: marking read and new notifications invalidate the lists, which would reorder pages.
function NotificationPages({ unreadOnly, unread }: { unreadOnly: boolean; unread: number }) {
  const [pages, setPages] = useState(1);
  return (
    <Stack component="ul" gap={0} p={0} m={0} style={{ listStyle: 'none' }}>
      <NotificationPage
        after={null}
        unread={unread}
        remaining={pages}
        unreadOnly={unreadOnly}
        onMore={() => setPages((n) => n + 1)}
      />
    </Stack>
  );
}

// A page, then the next one after its last notification while more are wanted. Each page's
// cursor comes from the page before as it is now, so a notification arriving at the top
// leaves no gap or repeat between pages.
// The first page is asked afresh each time it is shown and follows the unread count (`unread`);
// the pages after it follow the first page's cursor.
function NotificationPage({
  after,
  unread = 0,
  remaining,
  unreadOnly,
  onMore,
}: {
  after: string | null;
  unread?: number;
  remaining: number;
  unreadOnly: boolean;
  onMore: () => void;
}) {
  const { t } = useTranslation();
  const [{ data, error, fetching }, reexecute] = useQuery({
    query: MyNotificationsQuery,
    variables: { first: PAGE_SIZE, after, unreadOnly },
    requestPolicy: after === null ? 'cache-and-network' : 'cache-first',
  });
  useListFollowsUnreadCount(unread, reexecute);
  const [, markRead] = useMutation(MarkNotificationReadMutation);
  if (error && !data)
    return (
      <li>
        <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
      </li>
    );
  if (!data)
    return (
      <li>
        <LoadingState />
      </li>
    );
  const { edges, pageInfo } = data.myNotifications;
  if (edges.length === 0 && after === null)
    return (
      <li>
        <EmptyState
          title={t(unreadOnly ? 'notifications.emptyUnread' : 'notifications.emptyAll')}
          hint={unreadOnly ? undefined : t('notifications.emptyHint')}
        />
      </li>
    );
  return (
    <>
      {edges.map(({ node }) => (
        <li
          key={node.id}
          style={{
            padding: 'var(--mantine-spacing-sm) 0',
            borderBottom: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          <NotificationItem notification={node} onRead={(id) => void markRead({ id })} />
        </li>
      ))}
      {pageInfo.hasNextPage &&
        (remaining > 1 ? (
          <NotificationPage
            after={pageInfo.endCursor ?? null}
            remaining={remaining - 1}
            unreadOnly={unreadOnly}
            onMore={onMore}
          />
        ) : (
          <Center component="li" pt="md">
            <Button variant="light" loading={fetching} onClick={onMore}>
              {t('notifications.more')}
            </Button>
          </Center>
        ))}
    </>
  );
}
