import { Anchor, Badge, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import type { NotificationFieldsFragment } from '../gql/graphql';
import { formatDateTime } from '../i18n/format';
import { notificationLink, notificationSentence } from './notification-sentence';

// One notification: what happened in a sentence, when, and where it leads.
export function NotificationItem({
  notification,
  onRead,
  compact = false,
}: {
  notification: NotificationFieldsFragment;
  onRead?: (id: string) => void;
  compact?: boolean;
}) {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const sentence = notificationSentence(notification, t, i18n.language);
  const link = notificationLink(notification);
  const unread = !notification.readAt;
  const read = () => unread && onRead?.(notification.id);
  return (
    <Stack gap={4} data-testid="notification" data-unread={unread}>
      <Group gap="xs" wrap="nowrap" align="flex-start">
        {unread && !compact && (
          <Badge size="sm" color="red.9" variant="filled" style={{ flexShrink: 0 }}>
            {t('notifications.unread')}
          </Badge>
        )}
        {link ? (
          <Anchor
            component={Link}
            to={link}
            onClick={read}
            size={compact ? 'sm' : 'md'}
            fw={unread ? 700 : 400}
            c="dark"
          >
            {sentence}
          </Anchor>
        ) : (
          <Text size={compact ? 'sm' : 'md'} fw={unread ? 700 : 400}>
            {sentence}
          </Text>
        )}
      </Group>
      <Group gap="sm" justify="space-between" wrap="nowrap">
        <Text size="xs" c="gray.7">
          {formatDateTime(notification.createdAt, i18n.language, timeZone)}
        </Text>
        {unread && !compact && onRead && (
          <Button variant="subtle" size="compact-xs" onClick={read}>
            {t('notifications.markRead')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
