import { Anchor, Badge, Button, Group, Paper, Stack, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import { EngagementConversationQuery, ScoutOfferConversationQuery } from './conversation-documents';
import { ConversationThread } from './ConversationThread';

// What a thread is about: an engagement (application) or a scout offer.
export type ConversationSubject = { engagementId: string } | { scoutOfferId: string };

function useSubjectConversation(subject: ConversationSubject) {
  const byEngagement = 'engagementId' in subject;
  const [engagement, reexecuteEngagement] = useQuery({
    query: EngagementConversationQuery,
    variables: { engagementId: byEngagement ? subject.engagementId : '' },
    pause: !byEngagement,
  });
  const [offer, reexecuteOffer] = useQuery({
    query: ScoutOfferConversationQuery,
    variables: { scoutOfferId: byEngagement ? '' : subject.scoutOfferId },
    pause: byEngagement,
  });
  const result = byEngagement ? engagement : offer;
  return {
    conversation: byEngagement
      ? engagement.data?.engagementConversation
      : offer.data?.scoutOfferConversation,
    error: result.error,
    retry: () =>
      (byEngagement ? reexecuteEngagement : reexecuteOffer)({ requestPolicy: 'network-only' }),
  };
}

// The thread of an engagement or a scout offer, for their pages: the messages and the send box.
export function ConversationPanel(subject: ConversationSubject) {
  const { t } = useTranslation();
  const { conversation, error, retry } = useSubjectConversation(subject);
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="conversation-panel-title">
      <Stack>
        <Group justify="space-between">
          <Title order={2} size="h4" id="conversation-panel-title">
            {t('conversations.panelTitle')}
          </Title>
          {conversation && (
            <Anchor component={Link} to={`/messages/${conversation.id}`} size="sm">
              {t('conversations.open')}
            </Anchor>
          )}
        </Group>
        {error && !conversation ? (
          <ErrorState error={error} onRetry={retry} />
        ) : !conversation ? (
          <LoadingState />
        ) : (
          <ConversationThread conversation={conversation} />
        )}
      </Stack>
    </Paper>
  );
}

// A button to a thread, with its unread count. The thread comes with its parent (a scout
// offer's `conversation`), so a list of cards asks for all their threads in one request.
export function ConversationLink({
  conversation,
}: {
  conversation: { id: string; unreadCount: number } | null | undefined;
}) {
  const { t } = useTranslation();
  if (!conversation) return null;
  const unread = conversation.unreadCount;
  return (
    <Button
      component={Link}
      to={`/messages/${conversation.id}`}
      variant="light"
      rightSection={unread > 0 ? <Badge color="red.9">{unread}</Badge> : undefined}
      aria-label={
        unread > 0 ? t('conversations.openWithUnread', { count: unread }) : t('conversations.open')
      }
    >
      {t('conversations.open')}
    </Button>
  );
}
