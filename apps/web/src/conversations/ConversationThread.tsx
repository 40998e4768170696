import { Alert, Badge, Box, Button, Group, Paper, Stack, Text, Textarea } from '@mantine/core';
import { useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useClient, useMutation, useQuery, useSubscription } from 'urql';
import { z } from 'zod';
import { useAccountTimeZone } from '../settings/use-account-time-zone';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { ConversationFieldsFragment, MessageFieldsFragment } from '../gql/graphql';
import { useMutationForm } from '../graphql/use-mutation-form';
import {
  MarkConversationReadMutation,
  MessageAddedSubscription,
  MessagesQuery,
  SendMessageMutation,
  UnreadMessageCountQuery,
} from './conversation-documents';
import { formatDateTime } from '../i18n/format';
import { FormError } from '../app/FormError';

export const MESSAGE_MAX = 2000;
const PAGE = 30;

type Message = MessageFieldsFragment;

// A thread: its messages oldest first (the newest page, earlier pages on request, and new ones
// as they arrive over the subscription or are sent here), and the send box. Reading it marks it
// read for a party.
export function ConversationThread({ conversation }: { conversation: ConversationFieldsFragment }) {
  const { t } = useTranslation();
  const conversationId = conversation.id;
  const [{ data, error }, refetch] = useQuery({
    query: MessagesQuery,
    variables: { conversationId, first: PAGE },
    requestPolicy: 'cache-and-network',
  });
  // Cursors of the earlier pages asked for, each shown by its own query.
  const [older, setOlder] = useState<string[]>([]);
  const [olderMessages, setOlderMessages] = useState<Record<string, Message[]>>({});
  const [olderEnd, setOlderEnd] = useState<{ hasNextPage: boolean; endCursor: string | null }>();
  const [arrived, setArrived] = useState<Message[]>([]);
  useSubscription(
    { query: MessageAddedSubscription, variables: { conversationId } },
    (_previous: unknown, event) => {
      setArrived((list) => [...list, event.messageAdded]);
      return event;
    },
  );

  const messages = useMemo(() => {
    const all = new Map<string, Message>();
    for (const page of Object.values(olderMessages)) for (const m of page) all.set(m.id, m);
    for (const edge of data?.messages.edges ?? []) all.set(edge.node.id, edge.node);
    for (const m of arrived) all.set(m.id, m);
    return [...all.values()].sort((a, b) => a.seq - b.seq);
  }, [data, olderMessages, arrived]);

  const lastSeq = messages.length ? messages[messages.length - 1].seq : 0;
  useMarkRead(conversation, lastSeq);

  const firstPage = data?.messages.pageInfo;
  const next = older.length ? olderEnd : firstPage;
  if (error && !data) {
    return <ErrorState error={error} onRetry={() => refetch({ requestPolicy: 'network-only' })} />;
  }
  if (!data) return <LoadingState />;
  return (
    <Stack gap="md">
      {next?.hasNextPage && next.endCursor && (
        <Button
          variant="subtle"
          onClick={() => setOlder((cursors) => [...cursors, next.endCursor!])}
        >
          {t('conversations.older')}
        </Button>
      )}
      {older.map((cursor) => (
        <OlderPage
          key={cursor}
          conversationId={conversationId}
          after={cursor}
          onLoaded={(page, pageInfo) => {
            setOlderMessages((pages) => ({ ...pages, [cursor]: page }));
            if (cursor === older[older.length - 1]) setOlderEnd(pageInfo);
          }}
        />
      ))}
      {messages.length === 0 ? (
        <EmptyState
          title={t('conversations.noMessages')}
          hint={t('conversations.noMessagesHint')}
        />
      ) : (
        <Stack component="ol" gap="sm" p={0} m={0} aria-live="polite" style={{ listStyle: 'none' }}>
          {messages.map((m) => (
            <MessageItem key={m.id} message={m} />
          ))}
        </Stack>
      )}
      {conversation.closed && (
        <Alert color="gray" data-testid="conversation-closed">
          {t('conversations.closed')}
        </Alert>
      )}
      {!conversation.closed &&
        (conversation.canWrite ? (
          <SendBox
            conversationId={conversationId}
            onSent={(message) => setArrived((list) => [...list, message])}
          />
        ) : (
          <Alert color="gray">{t('conversations.readOnly')}</Alert>
        ))}
    </Stack>
  );
}

// One earlier page, reported to the thread once loaded.
function OlderPage({
  conversationId,
  after,
  onLoaded,
}: {
  conversationId: string;
  after: string;
  onLoaded: (page: Message[], info: { hasNextPage: boolean; endCursor: string | null }) => void;
}) {
  const [{ data, error, fetching }] = useQuery({
    query: MessagesQuery,
    variables: { conversationId, first: PAGE, after },
  });
  const loaded = useRef(false);
  useEffect(() => {
    if (data && !loaded.current) {
      loaded.current = true;
      onLoaded(
        data.messages.edges.map((e) => e.node),
        data.messages.pageInfo,
      );
    }
  }, [data, onLoaded]);
  if (error && !data) return <ErrorState error={error} />;
  return fetching ? <LoadingState /> : null;
}

function MessageItem({ message }: { message: Message }) {
  const { t, i18n } = useTranslation();
  const timeZone = useAccountTimeZone();
  const author = message.mine
    ? t('conversations.you')
    : (message.authorName ?? t('conversations.deletedAuthor'));
  return (
    <Box
      component="li"
      style={{ display: 'flex', justifyContent: message.mine ? 'flex-end' : 'flex-start' }}
    >
      <Paper
        withBorder
        p="sm"
        radius="md"
        maw="min(100%, 36rem)"
        bg={message.mine ? 'blue.0' : 'white'}
        data-testid="message"
      >
        <Group gap="xs" mb={4} wrap="wrap">
          <Text size="sm" fw={700}>
            {author}
          </Text>
          <Badge
            size="sm"
            variant="outline"
            color={message.authorRole === 'PARTICIPANT' ? 'teal.9' : 'indigo.9'}
          >
            {t(`conversations.role.${message.authorRole}`)}
          </Badge>
          <Text size="xs" c="gray.7" component="time" dateTime={message.createdAt}>
            {formatDateTime(message.createdAt, i18n.language, timeZone)}
          </Text>
        </Group>
        <Text style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>{message.body}</Text>
      </Paper>
    </Box>
  );
}

// Marks the thread read up to what is shown (when something in it is unread, or came in since it
// loaded), then refreshes the unread total in the navigation.
function useMarkRead(conversation: ConversationFieldsFragment, lastSeq: number) {
  const client = useClient();
  const [, markRead] = useMutation(MarkConversationReadMutation);
  const marked = useRef(0);
  const { id, canWrite, unreadCount, messageCount } = conversation;
  useEffect(() => {
    if (!canWrite || lastSeq <= marked.current) return;
    marked.current = lastSeq;
    if (unreadCount === 0 && lastSeq <= messageCount) return;
    void markRead({ conversationId: id }).then(() =>
      client.query(UnreadMessageCountQuery, {}, { requestPolicy: 'network-only' }).toPromise(),
    );
  }, [client, id, canWrite, unreadCount, messageCount, lastSeq, markRead]);
}

export function SendBox({
  conversationId,
  onSent,
}: {
  conversationId: string;
  onSent: (message: Message) => void;
}) {
  const { t } = useTranslation();
  const [, send] = useMutation(SendMessageMutation);
  const schema = useMemo(
    () =>
      z.object({
        body: z
          .string()
          .trim()
          .min(1, t('conversations.emptyBody'))
          .max(MESSAGE_MAX, t('conversations.tooLong', { max: MESSAGE_MAX })),
      }),
    [t],
  );
  const { form, formError, submitting, onSubmit } = useMutationForm(
    schema,
    { body: '' },
    ({ body: text }) => send({ input: { conversationId, body: text } }),
    (_values, result) => {
      if (result.data) onSent(result.data.sendMessage);
      form.reset({ body: '' });
    },
    {
      TOO_MANY_REQUESTS: { message: t('conversations.tooFast') },
      CONVERSATION_CLOSED: { message: t('conversations.closedOnSend') },
      BAD_USER_INPUT: { field: 'body', message: t('conversations.tooLong', { max: MESSAGE_MAX }) },
    },
  );
  const body = form.watch('body') ?? '';
  const { errors } = form.formState;
  const length = [...body.trim()].length;
  return (
    <form noValidate onSubmit={onSubmit}>
      <Stack gap="xs">
        <FormError message={formError} />
        <Textarea
          label={t('conversations.message')}
          placeholder={t('conversations.messagePlaceholder')}
          autosize
          minRows={3}
          maxRows={10}
          error={errors.body?.message}
          description={t('conversations.counter', { count: length, max: MESSAGE_MAX })}
          {...form.register('body')}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={submitting}>
            {t('conversations.send')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
