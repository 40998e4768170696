import { Alert, Anchor, Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { ConversationFieldsFragment } from '../gql/graphql';
import { ConversationQuery } from './conversation-documents';
import { ConversationThread } from './ConversationThread';

// /messages/:id — one thread, with what it is about.
export function ConversationPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const [{ data, error }, reexecute] = useQuery({
    query: ConversationQuery,
    variables: { id },
    requestPolicy: 'cache-and-network',
  });
  let content;
  if (error && !data) {
    const missing = error.graphQLErrors.some(
      (e) => e.extensions?.code === 'NOT_FOUND' || e.extensions?.code === 'BAD_USER_INPUT',
    );
    content = missing ? (
      <EmptyState title={t('conversations.notFound')} hint={t('conversations.notFoundHint')} />
    ) : (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  } else if (!data) content = <LoadingState />;
  else content = <Thread conversation={data.conversation} />;
  return (
    <Stack maw={820} mx="auto">
      <Anchor component={Link} to="/messages" size="sm">
        ← {t('conversations.back')}
      </Anchor>
      {content}
    </Stack>
  );
}

function Thread({ conversation }: { conversation: ConversationFieldsFragment }) {
  const { t } = useTranslation();
  return (
    <Stack>
      <Stack gap={4}>
        <Group gap="xs">
          <Badge variant="light">{t(`conversations.kind.${conversation.kind}`)}</Badge>
        </Group>
        <Title order={1} size="h2">
          {conversation.project.title}
        </Title>
        <Text c="gray.7">{counterpartOf(conversation, t)}</Text>
        <Anchor component={Link} to={`/projects/${conversation.project.id}`} size="sm">
          {t('conversations.projectLink')}
        </Anchor>
      </Stack>
      <Alert color="blue" variant="light">
        {t('conversations.contactsHidden')}
      </Alert>
      <ConversationThread conversation={conversation} />
    </Stack>
  );
}

// Who the reader talks with: the region, for the participant; the participant, for staff.
export function counterpartOf(
  conversation: ConversationFieldsFragment,
  t: (key: string, options?: Record<string, string>) => string,
): string {
  return conversation.myRoles.includes('PARTICIPANT')
    ? t('conversations.withRegion', { region: conversation.project.region.name })
    : t('conversations.with', { name: conversation.participantName });
}
