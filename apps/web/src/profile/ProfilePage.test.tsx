import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { Client } from '@urql/core';
import { MemoryRouter } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { initI18n } from '../i18n/i18n';
import { ProfilePage } from './ProfilePage';

initI18n('ja');
vi.setConfig({ testTimeout: 20_000 });
const SAVED_PROFILE = {
  userId: 'u1',
  kind: 'PRO_BONO',
  company: null,
  guardianName: null,
  guardianConsentAt: null,
  skills: [],
  themes: [],
  goals: [],
  availability: { weeklyHours: null, days: 'ANY', periods: [] },
  homeMunicipality: null,
  travelRangeKm: 100,
  remoteOnly: false,
  languages: ['ja'],
  bio: 'はじめまして',
  visibility: 'INTERMEDIARIES',
  phone: null,
  updatedAt: '2027-04-01T00:00:00Z',
};

// A participant without a profile yet; the cached query keeps saying so after the save (the
// new profile is not linked to it), as Graphcache does.
async function renderNewcomer() {
  const session = new Session({
    renew: () =>
      Promise.resolve({
        accessToken: 'token',
        expiresAt: Date.now() + 3_600_000,
        user: { id: 'u1', displayName: '山田', locale: 'ja' },
      }),
    end: vi.fn(),
  });
  await session.start('refresh');
  const executeMutation = vi.fn(() =>
    fromValue({ data: { saveMyParticipantProfile: SAVED_PROFILE } }),
  );
  const client = {
    executeQuery: vi.fn(() =>
      fromValue({
        data: { myParticipantProfile: null, me: { id: 'u1', memberships: [] }, themes: [] },
      }),
    ),
    executeMutation,
  } as unknown as Client;
  render(
    <MantineProvider>
      <SessionProvider session={session}>
        <Provider value={client}>
          <MemoryRouter>
            <ProfilePage />
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  return { executeMutation };
}

describe('ProfilePage', () => {
  it('stops calling the profile missing once it is saved, and says saved until the next edit', async () => {
    const { executeMutation } = await renderNewcomer();
    expect(screen.getByText(/まだプロフィールがありません/)).toBeTruthy();
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('自己紹介'), 'はじめまして');
    await user.click(screen.getByRole('button', { name: '保存する' }));
    expect(await screen.findByText(/プロフィールを保存しました/)).toBeTruthy();
    expect(executeMutation).toHaveBeenCalledTimes(1);
    expect(screen.queryByText(/まだプロフィールがありません/)).toBeNull();

    await user.type(screen.getByLabelText('自己紹介'), '。');
    expect(screen.queryByText(/プロフィールを保存しました/)).toBeNull();
  });
});
