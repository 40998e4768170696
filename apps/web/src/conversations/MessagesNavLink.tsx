import { Anchor, Badge, Group } from '@mantine/core';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router';
import { useQuery } from 'urql';
import { useSession } from '../auth/session-context';
import { UnreadMessageCountQuery } from './conversation-documents';

// Refreshed this often, and on every navigation; reading a thread refreshes it at once.
const REFRESH_MS = 30_000;

// The navigation's way to the inbox, with the number of unread messages (signed-in people only).
export function MessagesNavLink() {
  const { current } = useSession();
  return current ? <SignedInMessagesLink /> : null;
}

function SignedInMessagesLink() {
  const { t } = useTranslation();
  const { pathname } = useLocation();
  const [{ data }, refresh] = useQuery({ query: UnreadMessageCountQuery });
  // The latest refresh function, so the timer is not restarted by every result it brings.
  const latest = useRef(refresh);
  useEffect(() => {
    latest.current = refresh;
  }, [refresh]);
  useEffect(() => {
    const run = () => latest.current({ requestPolicy: 'network-only' });
    run();
    const timer = setInterval(run, REFRESH_MS);
    return () => clearInterval(timer);
  }, [pathname]);
  const unread = data?.unreadMessageCount ?? 0;
  return (
    <Anchor
      component={NavLink}
      to="/messages"
      c="dark"
      aria-label={unread > 0 ? t('conversations.navUnread', { count: unread }) : undefined}
      data-testid="messages-nav"
    >
      <Group gap={6} wrap="nowrap" component="span">
        {t('conversations.nav')}
        {unread > 0 && (
          <Badge size="sm" color="red.9" aria-hidden>
            {unread}
          </Badge>
        )}
      </Group>
    </Anchor>
  );
}
