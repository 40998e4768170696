import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { CombinedError, type Client } from '@urql/core';
import i18next from 'i18next';
import type { ReactNode } from 'react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { AccountSettingsPage } from '../account/AccountSettingsPage';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { InboxPage } from '../conversations/InboxPage';
import { initI18n } from '../i18n/i18n';
import { InterestsPage } from '../interests/InterestsPage';
import { NotificationsPage } from '../notifications/NotificationsPage';
import { RecommendationsPage } from '../recommendations/RecommendationsPage';

initI18n('ja');
const t = i18next.t.bind(i18next);

// A guest: no session. Every query the page might still send is refused as the API would.
function renderAsGuest(path: string, page: ReactNode) {
  const refused = { error: new CombinedError({ networkError: new Error('401') }) };
  const executeQuery = vi.fn(() => fromValue(refused));
  const client = {
    executeQuery,
    executeMutation: vi.fn(() => fromValue(refused)),
    executeSubscription: vi.fn(() => fromValue(refused)),
  } as unknown as Client;
  render(
    <MantineProvider>
      <SessionProvider session={new Session({ renew: vi.fn(), end: vi.fn() })}>
        <Provider value={client}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={path} element={page} />
            </Routes>
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  return { executeQuery };
}

describe('a signed-in page opened by a guest', () => {
  it.each([
    ['/messages', <InboxPage />],
    ['/notifications', <NotificationsPage />],
    ['/interests', <InterestsPage />],
    ['/recommendations', <RecommendationsPage />],
    ['/settings/account', <AccountSettingsPage />],
  ])('%s asks to sign in and sends no query', (path, page) => {
    const { executeQuery } = renderAsGuest(path, page);
    expect(screen.getByText(t('app.signInFirst'))).toBeInTheDocument();
    expect(screen.getByRole('link', { name: t('app.signIn') })).toHaveAttribute('href', '/sign-in');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(executeQuery).not.toHaveBeenCalled();
  });
});
