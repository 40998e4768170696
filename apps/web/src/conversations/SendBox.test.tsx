import { MantineProvider } from '@mantine/core';
import { fireEvent, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from '@urql/core';
import { GraphQLError } from 'graphql';
import { Provider } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fromValue } from 'wonka';
import { initI18n } from '../i18n/i18n';
import { SendBox } from './ConversationThread';

initI18n('ja');

function renderWith(result: object) {
  const executeMutation = vi.fn(() => fromValue(result));
  const onSent = vi.fn();
  render(
    <MantineProvider>
      <Provider value={{ executeMutation }}>
        <SendBox conversationId="c1" onSent={onSent} />
      </Provider>
    </MantineProvider>,
  );
  return { executeMutation, onSent, box: screen.getByLabelText('メッセージ') };
}

// Generous: the machines running these are often busy.
describe('the send box', { timeout: 20_000 }, () => {
  it('counts characters as stored (trimmed, emoji as one) and refuses empty or too long text', async () => {
    const { executeMutation, box } = renderWith({});
    const user = userEvent.setup();
    fireEvent.change(box, { target: { value: '  こんにちは🌾  ' } });
    expect(box).toHaveAccessibleDescription('6 / 2000 文字');

    fireEvent.change(box, { target: { value: '   ' } });
    await user.click(screen.getByRole('button', { name: '送信' }));
    expect(await screen.findByText('メッセージを入力してください')).toBeInTheDocument();

    fireEvent.change(box, { target: { value: 'あ'.repeat(2001) } });
    await user.click(screen.getByRole('button', { name: '送信' }));
    expect(await screen.findByText('2000 文字以内で入力してください')).toBeInTheDocument();
    expect(executeMutation).not.toHaveBeenCalled();
  });

  it('sends the text, hands the message over and clears the box', async () => {
    const message = { id: 'm1', seq: 1, body: '質問です', mine: true };
    const { executeMutation, onSent, box } = renderWith({ data: { sendMessage: message } });
    const user = userEvent.setup();
    fireEvent.change(box, { target: { value: '質問です' } });
    await user.click(screen.getByRole('button', { name: '送信' }));
    await vi.waitFor(() => expect(onSent).toHaveBeenCalledWith(message));
    const [operation] = executeMutation.mock.calls[0] as unknown as [{ variables: unknown }];
    expect(operation.variables).toEqual({ input: { conversationId: 'c1', body: '質問です' } });
    expect(box).toHaveValue('');
  });

  it('asks to wait when the API says messages come too fast', async () => {
    const { box } = renderWith({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('You are sending messages too quickly; wait a moment', {
            extensions: { code: 'TOO_MANY_REQUESTS' },
          }),
        ],
      }),
    });
    const user = userEvent.setup();
    fireEvent.change(box, { target: { value: 'もう一度' } });
    await user.click(screen.getByRole('button', { name: '送信' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      '送信が続いています。少し待ってから送ってください。',
    );
    expect(box).toHaveValue('もう一度');
  });

  it('says so in words when the thread closed while the page was open', async () => {
    const { box } = renderWith({
      error: new CombinedError({
        graphQLErrors: [
          new GraphQLError('This thread is closed', {
            extensions: { code: 'CONFLICT', reason: 'CONVERSATION_CLOSED' },
          }),
        ],
      }),
    });
    const user = userEvent.setup();
    fireEvent.change(box, { target: { value: 'まだ届きますか？' } });
    await user.click(screen.getByRole('button', { name: '送信' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'この応募はたった今終了したため、メッセージを送れませんでした。',
    );
  });
});
