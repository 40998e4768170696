import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { Client, type Exchange, makeResult, type Operation } from '@urql/core';
import type { OperationDefinitionNode } from 'graphql';
import i18next from 'i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import {
  filter,
  fromPromise,
  fromValue,
  makeSubject,
  map,
  merge,
  mergeMap,
  never,
  pipe,
} from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { catchUpOnNotifications, createCache } from '../graphql/client';
import { initI18n } from '../i18n/i18n';
import { NotificationBell } from './NotificationBell';

initI18n('ja');
const t = i18next.t.bind(i18next);

const ENGAGEMENT_ID = '3f0c8a52-6a1e-4f6b-9c39-1d2e3f4a5b6c';

function notification(id: string, readAt: string | null, project = '棚田の草刈り') {
  return {
    __typename: 'Notification',
    id,
    type: 'ENGAGEMENT_STATUS_CHANGED',
    title: '応募の状況が変わりました',
    audience: 'PARTICIPANT',
    facts: [
      { __typename: 'NotificationFact', name: 'project', value: project },
      { __typename: 'NotificationFact', name: 'toStatus', value: 'ACCEPTED' },
    ],
    projectId: null,
    engagementId: ENGAGEMENT_ID,
    scoutOfferId: null,
    conversationId: null,
    organizationId: null,
    eventId: null,
    createdAt: '2027-04-01T01:00:00.000Z',
    readAt,
  };
}

const nameOf = (operation: Operation) =>
  (operation.query.definitions[0] as OperationDefinitionNode).name?.value ?? '';

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
    fromValue({ operation, data: answers[nameOf(operation)] ?? null }),
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

const latest = (...nodes: object[]) => ({
  myNotifications: {
    __typename: 'NotificationConnection',
    edges: nodes.map((node) => ({ __typename: 'NotificationEdge', node })),
  },
});

// A server holding notifications, with the app's own cache in front of it. Each request is
// answered with what the server held when it was asked, when the test says (`reply`); the
// subscription carries what the test publishes.
function liveServer() {
  const held = { unread: 0, notifications: [] as object[] };
  const pushed = makeSubject<object>();
  const waiting: Array<{
    name: string;
    data: object | null;
    answer: (data: object | null) => void;
  }> = [];
  const asked: string[] = [];
  const answerOf = (name: string) =>
    name === 'UnreadCount'
      ? { unreadNotificationCount: held.unread }
      : name === 'LatestNotifications'
        ? latest(...held.notifications)
        : null;
  const server: Exchange = () => (operations$) => {
    const queries$ = pipe(
      operations$,
      filter((op) => op.kind === 'query' || op.kind === 'mutation'),
      mergeMap((op) => {
        const name = nameOf(op);
        asked.push(name);
        const data = answerOf(name);
        return fromPromise(
          new Promise<object | null>((answer) => waiting.push({ name, data, answer })).then(
            (answered) => makeResult(op, { data: answered }),
          ),
        );
      }),
    );
    const subscriptions$ = pipe(
      operations$,
      filter((op) => op.kind === 'subscription'),
      mergeMap((op) =>
        pipe(
          pushed.source,
          map((data) => makeResult(op, { data })),
        ),
      ),
    );
    return merge([queries$, subscriptions$]);
  };
  const client = new Client({ url: '/graphql', exchanges: [createCache(), server] });
  return {
    client,
    asked,
    // Answers every request of that operation waiting (at least one must be).
    async reply(name: string) {
      await vi.waitFor(() => expect(waiting.some((w) => w.name === name)).toBe(true));
      for (const w of waiting.filter((w) => w.name === name)) {
        waiting.splice(waiting.indexOf(w), 1);
        w.answer(w.data);
      }
    },
    // A new notification for the reader, pushed over the socket or (missed) not.
    notify(notification: object, { pushed: push }: { pushed: boolean }) {
      held.notifications.unshift(notification);
      held.unread += 1;
      if (push) pushed.next({ notificationAdded: notification });
    },
  };
}

describe('the notification bell, live', { timeout: 15_000 }, () => {
  // The list asked when the bell opens can be on its way when a notification arrives: its answer,
  // older than the notification, must not be the last word.
  it('shows a notification that arrives while the open list is being fetched', async () => {
    const server = await openBell();

    server.notify(notification('n-2', null), { pushed: true });
    // The answer to the request made before it: no notification yet.
    await server.reply('LatestNotifications');
    await server.reply('LatestNotifications');

    expect(await screen.findByTestId('notification')).toHaveTextContent('棚田の草刈り');
  });

  // A push sent while the socket was down never comes: the catch-up after the reconnect asks the
  // count, and the open list follows it.
  it('lists what was missed while the socket was down once it reconnects', async () => {
    const server = await openBell();
    await server.reply('LatestNotifications');
    expect(await screen.findByText(t('notifications.empty'))).toBeInTheDocument();

    server.notify(notification('n-3', null, '縁側カフェ'), { pushed: false });
    void catchUpOnNotifications(server.client);
    await server.reply('UnreadCount');
    await server.reply('LatestNotifications');

    expect(await screen.findByTestId('notification')).toHaveTextContent('縁側カフェ');
    expect(screen.getByTestId('notification-bell')).toHaveAccessibleName(
      t('app.notifications', { count: 1 }),
    );
  });
});

// The bell on the app's cache, its count answered (none unread), opened: the list is asked.
async function openBell() {
  const server = liveServer();
  render(
    <MantineProvider>
      <SessionProvider session={new Session({ renew: vi.fn(), end: vi.fn() })}>
        <Provider value={server.client}>
          <MemoryRouter>
            <NotificationBell />
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  await server.reply('UnreadCount');
  await userEvent.setup().click(screen.getByTestId('notification-bell'));
  await vi.waitFor(() => expect(server.asked).toContain('LatestNotifications'));
  return server;
}
