import { MantineProvider } from '@mantine/core';
import { act, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { CombinedError, type Client } from '@urql/core';
import { Suspense, use } from 'react';
import { createBrowserRouter, RouterProvider, useNavigate } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { initI18n } from '../i18n/i18n';
import { AppLayout } from './AppLayout';

initI18n('ja');
// Rendering the whole shell may take seconds on a loaded machine.
const SLOW = { timeout: 10_000 };

function Redirecting() {
  const navigate = useNavigate();
  return (
    <button type="button" onClick={() => void navigate('/landed', { replace: true })}>
      go
    </button>
  );
}

// A page that takes its time to render, as every page does on a loaded phone: the router's
// transition keeps the previous page on screen until it is ready.
function SlowPage({ ready }: { ready: Promise<void> }) {
  use(ready);
  return <h1>landed</h1>;
}

function renderApp(ready: Promise<void>) {
  window.history.replaceState(null, '', '/sign-in');
  const refused = { error: new CombinedError({ networkError: new Error('401') }) };
  const client = {
    executeQuery: vi.fn(() => fromValue(refused)),
    executeMutation: vi.fn(() => fromValue(refused)),
    executeSubscription: vi.fn(() => fromValue(refused)),
  } as unknown as Client;
  const router = createBrowserRouter([
    {
      element: <AppLayout />,
      children: [
        { path: 'sign-in', element: <Redirecting /> },
        { path: 'landed', element: <SlowPage ready={ready} /> },
        { path: 'elsewhere', element: <h1>elsewhere</h1> },
      ],
    },
  ]);
  render(
    <MantineProvider>
      <SessionProvider session={new Session({ renew: vi.fn(), end: vi.fn() })}>
        <Provider value={client}>
          <Suspense fallback="loading">
            <RouterProvider router={router} />
          </Suspense>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  return router;
}

// The first link of the menu the burger opens (the header's own navigation is not it).
const menuLink = () => document.querySelector('.mantine-AppShell-navbar a[href]');

describe('the folded header menu', () => {
  it(
    'stays open, with the same links, when a navigation begun before it opened lands',
    { timeout: 30_000 },
    async () => {
      let land!: () => void;
      const ready = new Promise<void>((resolve) => (land = resolve));
      const router = renderApp(ready);
      const go = await screen.findByRole('button', { name: 'go' }, SLOW);
      await act(async () => {
        fireEvent.click(go);
        await Promise.resolve();
      });
      // The address has changed; the new page is still being rendered.
      await waitFor(() => expect(window.location.pathname).toBe('/landed'), SLOW);
      expect(screen.getByRole('button', { name: 'go' })).toBeInTheDocument();

      await act(async () => {
        fireEvent.click(screen.getByRole('button', { name: 'メニュー' }));
        await Promise.resolve();
      });
      const link = menuLink();
      expect(link).not.toBeNull();
      await act(async () => {
        land();
        await ready;
      });
      expect(await screen.findByRole('heading', { name: 'landed' }, SLOW)).toBeInTheDocument();
      expect(menuLink()).toBe(link);
      expect(link?.isConnected).toBe(true);

      // Going somewhere else from there closes it.
      await act(() => router.navigate('/elsewhere'));
      expect(await screen.findByRole('heading', { name: 'elsewhere' }, SLOW)).toBeInTheDocument();
      expect(link?.isConnected).toBe(false);
      expect(screen.getByRole('button', { name: 'メニュー' })).toHaveAttribute(
        'aria-expanded',
        'false',
      );
    },
  );
});
