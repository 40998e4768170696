import { Anchor, Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { RequireSignIn } from '../app/RequireSignIn';
import type { ConversationFieldsFragment } from '../gql/graphql';
import { MyConversationsQuery } from './conversation-documents';
import { counterpartOf } from './ConversationPage';
import { formatDateTime } from '../i18n/format';

const PAGE = 20;

// /messages — the threads the reader takes part in, the most recently active first.
export function InboxPage() {
  const { t } = useTranslation();
  return (
    <Stack maw={820} mx="auto">
      <Title order={1}>{t('conversations.title')}</Title>
      <Text c="gray.7">{t('conversations.intro')}</Text>
      <RequireSignIn>
        <InboxPages />
      </RequireSignIn>
    </Stack>
  );
}

// Unlike the relayPagination lists (PagedList), each page is its own query: a new message moves
// its thread to the top, and the pages after it must follow the list as it is now.
function InboxPages() {
  // The cursors of the pages after the first, each shown by its own query.
  const [cursors, setCursors] = useState<Array<string | undefined>>([undefined]);
  return (
    <>
      {cursors.map((after, i) => (
        <InboxPageOf
          key={after ?? 'first'}
          after={after}
          first={i === 0}
          onMore={
            i === cursors.length - 1
              ? (cursor) => setCursors((list) => [...list, cursor])
              : undefined
          }
        />
      ))}
    </>
  );
}

function InboxPageOf({
  after,
  first,
  onMore,
}: {
  after?: string;
  first: boolean;
  onMore?: (cursor: string) => void;
}) {
  const { t } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MyConversationsQuery,
    variables: { first: PAGE, after },
    requestPolicy: 'cache-and-network',
  });
  if (error && !data) {
    return (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  }
  if (!data) return <LoadingState />;
  const threads = data.myConversations.edges.map((e) => e.node);
  const { hasNextPage, endCursor } = data.myConversations.pageInfo;
  if (first && threads.length === 0) {
    return <EmptyState title={t('conversations.empty')} hint={t('conversations.emptyHint')} />;
  }
  return (
    <>
      <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
        {threads.map((c) => (
          <li key={c.id}>
            <ThreadCard conversation={c} />
          </li>
        ))}
      </Stack>
      {hasNextPage && endCursor && onMore && (
        <Button variant="default" onClick={() => onMore(endCursor)}>
          {t('conversations.more')}
        </Button>
      )}
    </>
  );
}

function ThreadCard({ conversation }: { conversation: ConversationFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const last = conversation.lastMessage;
  const unread = conversation.unreadCount;
  return (
    <Paper withBorder p="md" data-testid="conversation-card">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Anchor
            component={Link}
            to={`/messages/${conversation.id}`}
            fw={unread ? 800 : 600}
            style={{ overflowWrap: 'anywhere' }}
          >
            {conversation.project.title}
          </Anchor>
          {unread > 0 && (
            <Badge color="red.9" style={{ flexShrink: 0 }}>
              {t('conversations.unread', { count: unread })}
            </Badge>
          )}
        </Group>
        <Group gap="xs">
          <Badge size="sm" variant="light">
            {t(`conversations.kind.${conversation.kind}`)}
          </Badge>
          <Text size="sm" c="gray.7">
            {counterpartOf(conversation, t)}
          </Text>
        </Group>
        {last ? (
          <Text size="sm" lineClamp={2} style={{ overflowWrap: 'anywhere' }}>
            <Text span fw={600}>
              {t('app.label', {
                label: last.mine
                  ? t('conversations.you')
                  : (last.authorName ?? t('conversations.deletedAuthor')),
              })}
            </Text>
            {last.body}
          </Text>
        ) : (
          <Text size="sm" c="gray.7">
            {t('conversations.noMessages')}
          </Text>
        )}
        {conversation.lastMessageAt && (
          <Text size="xs" c="gray.7" component="time" dateTime={conversation.lastMessageAt}>
            {formatDateTime(conversation.lastMessageAt, i18n.language, timeZone)}
          </Text>
        )}
      </Stack>
    </Paper>
  );
}
