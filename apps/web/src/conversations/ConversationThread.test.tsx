import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import type { Client, Operation } from '@urql/core';
import type { OperationDefinitionNode } from 'graphql';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import type { ConversationFieldsFragment } from '../gql/graphql';
import { initI18n } from '../i18n/i18n';
import { ConversationThread } from './ConversationThread';

initI18n('ja');

const nameOf = (operation: Operation) =>
  (operation.query.definitions[0] as OperationDefinitionNode).name?.value;

function thread(closed: boolean): ConversationFieldsFragment {
  return {
    id: 'c1',
    kind: 'ENGAGEMENT',
    engagementId: 'e1',
    scoutOfferId: null,
    participantName: '森 さくら',
    myRoles: ['PARTICIPANT'],
    canWrite: true,
    closed,
    messageCount: 1,
    unreadCount: 0,
    lastMessageAt: '2027-04-01T01:00:00.000Z',
    createdAt: '2027-03-31T01:00:00.000Z',
    project: { id: 'p1', title: '棚田の草刈り', region: { id: 'r1', name: '上松町' } },
    lastMessage: null,
  } as unknown as ConversationFieldsFragment;
}

function renderThread(closed: boolean) {
  const messages = {
    messages: {
      __typename: 'MessageConnection',
      edges: [
        {
          __typename: 'MessageEdge',
          node: {
            __typename: 'Message',
            id: 'm1',
            conversationId: 'c1',
            seq: 1,
            body: '応募を取り下げます。',
            authorName: '森 さくら',
            authorRole: 'PARTICIPANT',
            mine: true,
            createdAt: '2027-04-01T01:00:00.000Z',
          },
        },
      ],
      pageInfo: { __typename: 'PageInfo', hasNextPage: false, endCursor: null },
    },
  };
  const client = {
    executeQuery: vi.fn((operation: Operation) =>
      fromValue({ operation, data: nameOf(operation) === 'Messages' ? messages : null }),
    ),
    executeMutation: vi.fn(() => never),
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  render(
    <MantineProvider>
      <SessionProvider session={new Session({ renew: vi.fn(), end: vi.fn() })}>
        <Provider value={client}>
          <ConversationThread conversation={thread(closed)} />
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
}

describe('a conversation thread', { timeout: 20_000 }, () => {
  it('shows the messages of a closed thread and says it is closed instead of a send box', async () => {
    renderThread(true);
    expect(await screen.findByText('応募を取り下げます。')).toBeInTheDocument();
    expect(screen.getByTestId('conversation-closed')).toHaveTextContent(
      'この応募は終了したため、やりとりも終わりました。',
    );
    expect(screen.queryByLabelText('メッセージ')).not.toBeInTheDocument();
    expect(screen.queryByRole('button', { name: '送信' })).not.toBeInTheDocument();
  });

  it('offers the send box to a party of an open thread', async () => {
    renderThread(false);
    expect(await screen.findByText('応募を取り下げます。')).toBeInTheDocument();
    expect(screen.getByLabelText('メッセージ')).toBeInTheDocument();
    expect(screen.queryByTestId('conversation-closed')).not.toBeInTheDocument();
  });
});
