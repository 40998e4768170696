import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import type { Client } from '@urql/core';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { initI18n } from '../i18n/i18n';
import { ConsentPage } from './ConsentPage';

vi.setConfig({ testTimeout: 20_000 });

const REQUEST = {
  __typename: 'GuardianConsentRequest',
  subjectKind: 'ENGAGEMENT',
  status: 'PENDING',
  childName: 'Hana',
  title: 'Rice harvest in Mukawa',
  regionName: 'Mukawa',
  startsOn: '2027-09-01',
  endsOn: '2027-09-05',
  supervisorNames: ['Hokkaido Hub'],
  contactName: 'Hokkaido Hub',
  expired: false,
  statement: 'I agree.',
  statementVersion: '1',
  decidedByName: null,
  decidedAt: null,
};

function renderPage(request: Partial<typeof REQUEST> = {}) {
  const data = { data: { guardianConsentRequest: { ...REQUEST, ...request } } };
  const client = {
    executeQuery: vi.fn(() => fromValue(data)),
    executeMutation: vi.fn(() => fromValue(data)),
    executeSubscription: vi.fn(() => fromValue(data)),
  } as unknown as Client;
  render(
    <MantineProvider>
      <Provider value={client}>
        <MemoryRouter initialEntries={['/consent/t1']}>
          <Routes>
            <Route path="/consent/:token" element={<ConsentPage />} />
          </Routes>
        </MemoryRouter>
      </Provider>
    </MantineProvider>,
  );
}

describe('the guardian page', () => {
  beforeAll(() => initI18n('en'));

  it('labels the activity by its kind, once', async () => {
    renderPage();
    const title = await screen.findByText('Rice harvest in Mukawa');
    expect(title.tagName).toBe('DD');
    expect(title.previousElementSibling).toHaveTextContent(/^Project$/);
    expect(screen.queryByText(/Activity/)).not.toBeInTheDocument();
  });

  it('sends questions through the child, not to messages the guardian cannot reach', async () => {
    renderPage();
    const coordinator = await screen.findByText('Coordinator');
    const body = coordinator.nextElementSibling;
    expect(body).toHaveTextContent('Hokkaido Hub');
    expect(body).toHaveTextContent(/please ask Hana/);
    expect(body).not.toHaveTextContent(/they reply through Tsunagu messages/);
  });

  // Only an engagement has a thread the child can write in: an event names its organiser alone.
  it('names the organiser of an event without promising messages that do not exist', async () => {
    renderPage({ subjectKind: 'EVENT_REGISTRATION', contactName: 'Mukawa Town' });
    const organiser = await screen.findByText('Organised by');
    expect(organiser.nextElementSibling).toHaveTextContent(/^Mukawa Town$/);
    expect(screen.queryByText(/Tsunagu messages/)).not.toBeInTheDocument();
  });
});
