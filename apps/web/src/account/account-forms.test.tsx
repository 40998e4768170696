import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, type Client } from '@urql/core';
import { GraphQLError } from 'graphql';
import i18next from 'i18next';
import { MemoryRouter, Route, Routes } from 'react-router';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { Session } from '../auth/session';
import { SessionProvider } from '../auth/session-context';
import { initI18n } from '../i18n/i18n';
import {
  changeEmailSchema,
  downloadName,
  isEmailNotVerified,
  linkProblemOf,
  resetPasswordSchema,
} from './account-rules';
import { ForgotPasswordPage, ResetPasswordPage } from './PasswordPages';

initI18n('ja');
const t = i18next.t.bind(i18next);

function refusal(extensions: Record<string, unknown>, message = 'refused') {
  return new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] });
}

function renderAt(path: string, element: React.ReactNode, result: object) {
  const executeMutation = vi.fn(() => fromValue(result));
  const client = { executeMutation } as unknown as Client;
  render(
    <MantineProvider>
      <SessionProvider session={new Session({ renew: vi.fn(), end: vi.fn() })}>
        <Provider value={client}>
          <MemoryRouter initialEntries={[path]}>
            <Routes>
              <Route path={path.split('?')[0]} element={element} />
            </Routes>
          </MemoryRouter>
        </Provider>
      </SessionProvider>
    </MantineProvider>,
  );
  return { executeMutation };
}

describe('account form rules', () => {
  it('wants the new password twice, and says so on the second field', () => {
    const schema = resetPasswordSchema(t);
    expect(
      schema.safeParse({ newPassword: 'long-enough-1', repeat: 'long-enough-1' }).success,
    ).toBe(true);
    const mismatch = schema.safeParse({ newPassword: 'long-enough-1', repeat: 'long-enough-2' });
    expect(mismatch.error?.issues.map((i) => [i.path.join('.'), i.message])).toEqual([
      ['repeat', '同じパスワードを入力してください'],
    ]);
    const short = schema.safeParse({ newPassword: 'short', repeat: 'short' });
    expect(short.error?.issues[0].message).toBe('10 文字以上で入力してください');
  });

  it('checks the new e-mail address and asks for the password', () => {
    const result = changeEmailSchema(t).safeParse({ newEmail: 'not an address', password: '' });
    expect(result.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'newEmail',
      'password',
    ]);
  });

  it("tells a link's refusals apart", () => {
    expect(linkProblemOf(refusal({ code: 'CONFLICT', reason: 'EXPIRED' }))).toBe('expired');
    expect(linkProblemOf(refusal({ code: 'CONFLICT', reason: 'ALREADY_DONE' }))).toBe('used');
    expect(linkProblemOf(refusal({ code: 'BAD_USER_INPUT' }))).toBe('invalid');
    expect(linkProblemOf(refusal({ code: 'INTERNAL_SERVER_ERROR' }))).toBe('other');
  });

  it('recognises the refusal that asks for a verified e-mail address first', () => {
    expect(isEmailNotVerified(refusal({ code: 'CONFLICT', reason: 'EMAIL_NOT_VERIFIED' }))).toBe(
      true,
    );
    expect(isEmailNotVerified(refusal({ code: 'CONFLICT', reason: 'PROJECT_FULL' }))).toBe(false);
    expect(isEmailNotVerified(undefined)).toBe(false);
  });

  it('saves the export under the name the API gives it', () => {
    expect(downloadName('attachment; filename="tsunagu-my-data-2027-04-01.json"', 'x')).toBe(
      'tsunagu-my-data-2027-04-01.json',
    );
    expect(downloadName(null, '2027-04-01')).toBe('tsunagu-my-data-2027-04-01.json');
  });
});

describe('password reset screens', () => {
  it('says the same after any address is sent', async () => {
    const { executeMutation } = renderAt('/forgot-password', <ForgotPasswordPage />, {
      data: { requestPasswordReset: true },
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/メールアドレス/), 'someone@example.jp');
    await user.click(screen.getByRole('button', { name: '再設定メールを送る' }));
    expect(await screen.findByTestId('reset-sent')).toHaveTextContent(
      '再設定用のメールを送りました',
    );
    expect(executeMutation).toHaveBeenCalledTimes(1);
  });

  it('explains an expired link above the form instead of on a field', async () => {
    renderAt('/reset-password?token=abc', <ResetPasswordPage />, {
      error: refusal({ code: 'CONFLICT', reason: 'EXPIRED' }, 'This link has expired'),
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^新しいパスワード \*/), 'long-enough-pw');
    await user.type(screen.getByLabelText(/新しいパスワード（確認）/), 'long-enough-pw');
    await user.click(screen.getByRole('button', { name: 'パスワードを設定する' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('リンクの有効期限が切れています');
    expect(screen.queryByText('This link has expired')).not.toBeInTheDocument();
  });

  it('confirms the new password, then points to sign-in', async () => {
    const { executeMutation } = renderAt('/reset-password?token=abc', <ResetPasswordPage />, {
      data: { resetPassword: true },
    });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText(/^新しいパスワード \*/), 'long-enough-pw');
    await user.type(screen.getByLabelText(/新しいパスワード（確認）/), 'long-enough-pw');
    await user.click(screen.getByRole('button', { name: 'パスワードを設定する' }));
    expect(await screen.findByText(/パスワードを再設定しました/)).toBeInTheDocument();
    expect((executeMutation.mock.calls as unknown[][])[0][0]).toMatchObject({
      variables: { input: { token: 'abc', newPassword: 'long-enough-pw' } },
    });
  });
});
