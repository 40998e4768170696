import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError, type Client } from '@urql/core';
import { GraphQLError } from 'graphql';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { initI18n } from '../i18n/i18n';
import { MotivationForm } from './ApplyPanel';

initI18n('ja');

// jsdom has no document.fonts, which Mantine's autosizing textarea listens to.
if (!('fonts' in document)) {
  Object.defineProperty(document, 'fonts', {
    value: { addEventListener: () => undefined, removeEventListener: () => undefined },
  });
}

const PROJECT_ID = '6f1c2a9e-4b7d-4c3e-9a1f-2d8e7b6c5a40';

function renderWith(result: object) {
  const executeMutation = vi.fn(() => fromValue(result));
  const onApplied = vi.fn();
  const client = { executeMutation } as unknown as Client;
  render(
    <MantineProvider>
      <Provider value={client}>
        <MotivationForm projectId={PROJECT_ID} onApplied={onApplied} />
      </Provider>
    </MantineProvider>,
  );
  return { executeMutation, onApplied };
}

function refusal(message: string, extensions: Record<string, unknown>) {
  return {
    error: new CombinedError({ graphQLErrors: [new GraphQLError(message, { extensions })] }),
  };
}

async function apply(motivation: string) {
  const user = userEvent.setup();
  // Pasted rather than typed key by key: the same for the form, far quicker on a busy machine.
  await user.click(screen.getByLabelText(/応募の動機/));
  await user.paste(motivation);
  await user.click(screen.getByRole('button', { name: '応募する' }));
}

describe('the application form', { timeout: 15_000 }, () => {
  it("checks the motivation's length as the API does before sending anything", async () => {
    const { executeMutation } = renderWith({});
    await apply('短すぎる');
    expect(screen.getByLabelText(/応募の動機/)).toHaveAccessibleDescription(
      /10文字以上4,000文字以内で入力してください/,
    );
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('sends the project and the motivation, and says when it has applied', async () => {
    const { executeMutation, onApplied } = renderWith({ data: { applyToProject: null } });
    await apply('週末に棚田の作業を手伝いたいです。');
    expect(executeMutation).toHaveBeenCalledTimes(1);
    const [operation] = executeMutation.mock.calls[0] as unknown as [{ variables: unknown }];
    expect(operation.variables).toEqual({
      input: { projectId: PROJECT_ID, motivation: '週末に棚田の作業を手伝いたいです。' },
    });
    expect(onApplied).toHaveBeenCalled();
  });

  it("puts the API's refusal of the motivation under that field", async () => {
    renderWith(
      refusal('Invalid input', {
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['input', 'motivation'], message: 'must be 10 to 4,000 characters' }],
      }),
    );
    await apply('週末に棚田の作業を手伝いたいです。');
    expect(await screen.findByText('must be 10 to 4,000 characters')).toBeInTheDocument();
    expect(screen.getByLabelText(/応募の動機/)).toHaveAttribute('aria-invalid', 'true');
  });

  it('says in its own words that the project is not open to them, or that a profile is needed', async () => {
    renderWith(
      refusal('Invalid input', {
        code: 'BAD_USER_INPUT',
        fields: [{ path: ['input', 'projectId'], message: 'is not open to PRO_BONO participants' }],
      }),
    );
    await apply('週末に棚田の作業を手伝いたいです。');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'このプロジェクトは、あなたの参加区分では応募できません。',
    );
    expect(screen.queryByText(/PRO_BONO/)).not.toBeInTheDocument();
  });

  it('asks for a profile first when the API refuses someone without one', async () => {
    renderWith(
      refusal('Only participants apply: create your participant profile first', {
        code: 'FORBIDDEN',
      }),
    );
    await apply('週末に棚田の作業を手伝いたいです。');
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '応募するには、先にプロフィールを作成してください。',
    );
  });

  it('asks an unverified account to verify its e-mail first, with a resend button', async () => {
    renderWith(
      refusal('Verify your e-mail address before applying', {
        code: 'CONFLICT',
        reason: 'EMAIL_NOT_VERIFIED',
      }),
    );
    await apply('週末に棚田の作業を手伝いたいです。');
    expect(await screen.findByRole('alert')).toHaveTextContent(/メールアドレスの確認/);
    expect(screen.getByRole('button', { name: /再送/ })).toBeInTheDocument();
  });
});
