import { ActionIcon, Anchor, Button, Group, Indicator, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery, useSubscription } from 'urql';
import { NotificationItem } from './NotificationItem';
import { useListFollowsUnreadCount } from './use-list-follows-unread-count';
import {
  LatestNotificationsQuery,
  MarkAllNotificationsReadMutation,
  MarkNotificationReadMutation,
  NotificationAddedSubscription,
  UnreadCountQuery,
} from './notification-documents';

function BellIcon() {
  return (
    <svg
      width="22"
      height="22"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      aria-hidden="true"
    >
      <path d="M6 8a6 6 0 1 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}

// The unread count, kept live by the notificationAdded subscription (the cache adds each one
// that arrives); opening it lists the latest, which follow the count while open.
export function NotificationBell() {
  const { t } = useTranslation();
  const [opened, setOpened] = useState(false);
  const [{ data: count }] = useQuery({ query: UnreadCountQuery });
  useSubscription({ query: NotificationAddedSubscription });
  const unread = count?.unreadNotificationCount ?? 0;
  return (
    <Popover width={320} position="bottom-end" shadow="md" opened={opened} onChange={setOpened}>
      <Popover.Target>
        <ActionIcon
          variant="subtle"
          size="lg"
          aria-label={t('app.notifications', { count: unread })}
          data-testid="notification-bell"
          onClick={() => setOpened((o) => !o)}
          style={{ overflow: 'visible' }}
        >
          <Indicator label={unread} size={16} disabled={unread === 0} color="red.9" offset={2}>
            <BellIcon />
          </Indicator>
        </ActionIcon>
      </Popover.Target>
      <Popover.Dropdown>
        <LatestNotifications unread={unread} onLeave={() => setOpened(false)} />
      </Popover.Dropdown>
    </Popover>
  );
}

function LatestNotifications({ unread, onLeave }: { unread: number; onLeave: () => void }) {
  const { t } = useTranslation();
  const [{ data }, refetch] = useQuery({
    query: LatestNotificationsQuery,
    requestPolicy: 'cache-and-network',
  });
  useListFollowsUnreadCount(unread, refetch);
  const [, markAllRead] = useMutation(MarkAllNotificationsReadMutation);
  // Following one is reading it: marked read on the way (the cache then asks the count again).
  const [, markRead] = useMutation(MarkNotificationReadMutation);
  const items = data?.myNotifications.edges.map((e) => e.node) ?? [];
  return (
    <Stack gap="sm">
      <Text fw={700}>{t('notifications.title')}</Text>
      {items.length === 0 && <Text c="gray.7">{t('notifications.empty')}</Text>}
      {/* Following a link goes somewhere else: the popover closes. */}
      <Stack gap="sm" onClick={(e) => (e.target as HTMLElement).closest('a') && onLeave()}>
        {items.map((n) => (
          <NotificationItem
            key={n.id}
            notification={n}
            compact
            onRead={(id) => void markRead({ id })}
          />
        ))}
      </Stack>
      <Group justify="space-between" wrap="nowrap">
        <Anchor component={Link} to="/notifications" size="sm" onClick={onLeave}>
          {t('notifications.seeAll')}
        </Anchor>
        {unread > 0 && (
          <Button variant="light" size="xs" onClick={() => void markAllRead({})}>
            {t('notifications.markAllRead')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
