import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, type Client } from '@urql/core';
import { GraphQLError } from 'graphql';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { initI18n } from '../i18n/i18n';
import { SignUpPage } from './SignUpPage';

initI18n('ja');

function renderWith(result: object, session = new Session({ renew: vi.fn(), end: vi.fn() })) {
  const executeMutation = vi.fn(() => fromValue(result));
  const client = { executeMutation } as unknown as Client;
  render(
    <MantineProvider>
      <SessionProvider session={session}>
        <Provider value={client}>
          <MemoryRouter initialEntries={['/sign-up']}>
            <Routes>
              <Route path="/sign-up" element={<SignUpPage />} />
              <Route path="/projects" element={<p>projects</p>} />
            </Routes>
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  return { executeMutation };
}

async function fillAndSubmit() {
  const user = userEvent.setup();
  await user.type(screen.getByLabelText(/表示名/), '山田 花子');
  await user.type(screen.getByLabelText(/メールアドレス/), 'hanako@example.jp');
  await user.type(screen.getByLabelText(/パスワード/), 'long-enough-pw');
  await user.click(screen.getByRole('button', { name: '登録する' }));
}

describe('sign-up form', () => {
  it('checks its fields before sending anything', async () => {
    const { executeMutation } = renderWith({});
    await userEvent.setup().click(screen.getByRole('button', { name: '登録する' }));
    expect(await screen.findAllByText('入力してください')).toHaveLength(2);
    expect(screen.getByText('10 文字以上で入力してください')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it("shows the API's field errors under the fields they name", async () => {
    renderWith({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('Invalid input', {
            extensions: {
              code: 'BAD_USER_INPUT',
              fields: [{ path: ['input', 'password'], message: 'is too common' }],
            },
          }),
        ],
      }),
    });
    await fillAndSubmit();
    const password = screen.getByLabelText(/パスワード/);
    expect(await screen.findByText('is too common')).toBeInTheDocument();
    expect(password).toHaveAccessibleDescription(/is too common/);
    expect(screen.getByLabelText(/メールアドレス/)).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('says in its own words that the e-mail address is taken, on that field', async () => {
    renderWith({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('An account with this e-mail address already exists', {
            extensions: { code: 'CONFLICT', reason: 'ALREADY_EXISTS' },
          }),
        ],
      }),
    });
    await fillAndSubmit();
    expect(await screen.findByText('このメールアドレスは登録済みです')).toBeInTheDocument();
    expect(screen.getByLabelText(/メールアドレス/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('hides an internal error behind the generic message', async () => {
    renderWith({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('duplicate key value violates unique constraint "user_pkey"', {
            extensions: { code: 'INTERNAL_SERVER_ERROR' },
          }),
        ],
      }),
    });
    await fillAndSubmit();
    expect(await screen.findByRole('alert')).toHaveTextContent('問題が発生しました');
    expect(screen.queryByText(/duplicate key/)).not.toBeInTheDocument();
  });

  it('starts the session with the new refresh token and goes on', async () => {
    const renew = vi.fn(() =>
      Promise.resolve({
        accessToken: 'a',
        expiresAt: Date.now() + 900_000,
        user: { id: 'u', displayName: '山田 花子', locale: 'ja' },
      }),
    );
    renderWith(
      { data: { signUp: { refreshToken: 'fresh' } } },
      new Session({ renew, end: vi.fn() }),
    );
    await fillAndSubmit();
    expect(await screen.findByText('projects')).toBeInTheDocument();
    expect(renew).toHaveBeenCalledWith('fresh');
  });
});
