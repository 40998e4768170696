import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client, Operation } from '@urql/core';
import type { OperationDefinitionNode } from 'graphql';
import i18next from 'i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue, never } from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { initI18n } from '../i18n/i18n';
import { NotificationBell } from './NotificationBell';

initI18n('ja');
const t = i18next.t.bind(i18next);

const ENGAGEMENT_ID = '3f0c8a52-6a1e-4f6b-9c39-1d2e3f4a5b6c';

function notification(id: string, readAt: string | null) {
  return {
    __typename: 'Notification',
    id,
    type: 'ENGAGEMENT_STATUS_CHANGED',
    title: '応募の状況が変わりました',
    audience: 'PARTICIPANT',
    facts: [
      { __typename: 'NotificationFact', name: 'project', value: '棚田の草刈り' },
      { __typename: 'NotificationFact', name: 'toStatus', value: 'ACCEPTED' },
    ],
    projectId: null,
    engagementId: ENGAGEMENT_ID,
    scoutOfferId: null,
    conversationId: null,
    organizationId: null,
    createdAt: '2027-04-01T01:00:00.000Z',
    readAt,
  };
}

const nameOf = (operation: Operation) =>
  (operation.query.definitions[0] as OperationDefinitionNode).name?.value;

function renderBell(readAt: string | null) {
  const answers: Record<string, object> = {
    UnreadCount: { unreadNotificationCount: readAt ? 0 : 1 },
    LatestNotifications: {
      myNotifications: {
        __typename: 'NotificationConnection',
        edges: [{ __typename: 'NotificationEdge', node: notification('n-1', readAt) }],
      },
    },
  };
  const executeQuery = vi.fn((operation: Operation) =>
    fromValue({ operation, data: answers[nameOf(operation) ?? ''] ?? null }),
  );
  const executeMutation = vi.fn((operation: Operation) =>
    fromValue({
      operation,
      data: { markNotificationRead: { id: 'n-1', readAt: '2027-04-01T02:00:00.000Z' } },
    }),
  );
  const client = {
    executeQuery,
    executeMutation,
    executeSubscription: vi.fn(() => never),
  } as unknown as Client;
  render(
    <MantineProvider>
      <SessionProvider session={new Session({ renew: vi.fn(), end: vi.fn() })}>
        <Provider value={client}>
          <MemoryRouter initialEntries={['/']}>
            <Routes>
              <Route path="/" element={<NotificationBell />} />
              <Route path="/engagements/:id" element={<p>engagement page</p>} />
            </Routes>
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  return { executeMutation };
}

async function follow() {
  const user = userEvent.setup();
  await user.click(screen.getByTestId('notification-bell'));
  const item = await screen.findByTestId('notification');
  await user.click(item.querySelector('a')!);
  expect(await screen.findByText('engagement page')).toBeInTheDocument();
}

describe('the notification bell', { timeout: 15_000 }, () => {
  it('marks a notification read when it is followed', async () => {
    const { executeMutation } = renderBell(null);
    expect(screen.getByRole('button', { name: t('app.notifications', { count: 1 }) }));
    await follow();
    const marks = executeMutation.mock.calls.map(([operation]) => operation);
    expect(marks.map(nameOf)).toEqual(['MarkNotificationRead']);
    expect(marks[0].variables).toEqual({ id: 'n-1' });
  });

  it('sends nothing when the followed notification was read already', async () => {
    const { executeMutation } = renderBell('2027-04-01T01:30:00.000Z');
    await follow();
    expect(executeMutation).not.toHaveBeenCalled();
  });
});
