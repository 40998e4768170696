import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from '../i18n/i18n';
import { ConfirmWithReason, type ReasonErrors } from './ConfirmWithReason';

vi.setConfig({ testTimeout: 20_000 });

function renderDialog(onConfirm: (reason: string) => Promise<ReasonErrors | undefined>) {
  initI18n('en');
  const onClose = vi.fn();
  render(
    <MantineProvider>
      <ConfirmWithReason
        opened
        onClose={onClose}
        title="Cancel this event?"
        body="Registrants are told."
        reasonLabel="Reason"
        maxLength={10}
        tooLong="At most 10 characters"
        keepLabel="Keep it"
        confirmLabel="Cancel the event"
        onConfirm={onConfirm}
      />
    </MantineProvider>,
  );
  return { onClose, reason: screen.getByRole('textbox', { name: /^Reason/ }) };
}

describe('ConfirmWithReason', () => {
  it('asks for a reason before taking the step', async () => {
    const onConfirm = vi.fn(() => Promise.resolve(undefined));
    const { reason } = renderDialog(onConfirm);
    const user = userEvent.setup();
    await user.type(reason, '   ');
    await user.click(screen.getByRole('button', { name: 'Cancel the event' }));
    expect(onConfirm).not.toHaveBeenCalled();
    expect(reason).toHaveAccessibleDescription('Required');
  });

  it('takes the step with the reason as typed', async () => {
    const onConfirm = vi.fn(() => Promise.resolve(undefined));
    const { reason } = renderDialog(onConfirm);
    const user = userEvent.setup();
    await user.type(reason, 'Rain');
    await user.click(screen.getByRole('button', { name: 'Cancel the event' }));
    expect(onConfirm).toHaveBeenCalledWith('Rain');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows what the action refused on the field and the dialog', async () => {
    const { reason } = renderDialog(() =>
      Promise.resolve({
        reason: 'Too vague',
        form: 'The event has started',
      }),
    );
    const user = userEvent.setup();
    await user.type(reason, 'Rain');
    await user.click(screen.getByRole('button', { name: 'Cancel the event' }));
    expect(reason).toHaveAccessibleDescription('Too vague');
    expect(await screen.findByText('The event has started')).toBeInTheDocument();
  });

  it('closes without the step when kept', async () => {
    const onConfirm = vi.fn(() => Promise.resolve(undefined));
    const { onClose } = renderDialog(onConfirm);
    // The dialog's close button says the same.
    await userEvent.setup().click(screen.getByText('Keep it'));
    expect(onClose).toHaveBeenCalled();
    expect(onConfirm).not.toHaveBeenCalled();
  });
});
