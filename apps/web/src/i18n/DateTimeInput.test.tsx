import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DatesLocale } from './DatesLocale';
import { DateTimeInput } from './DateTimeInput';
import { initI18n } from './i18n';

vi.setConfig({ testTimeout: 20_000 });

function Form({
  initial,
  onValue,
  error,
}: {
  initial: string;
  onValue: (v: string) => void;
  error?: string;
}) {
  const [value, setValue] = useState(initial);
  return (
    <DateTimeInput
      label="Starts"
      zoneNote="Times in Japan Standard Time"
      error={error}
      value={value}
      onChange={(v) => {
        setValue(v);
        onValue(v);
      }}
    />
  );
}

function renderForm(language: 'ja' | 'en', initial = '', error?: string) {
  initI18n(language);
  const onValue = vi.fn();
  render(
    <MantineProvider>
      <DatesLocale>
        <Form initial={initial} onValue={onValue} error={error} />
      </DatesLocale>
    </MantineProvider>,
  );
  return onValue;
}

describe('DateTimeInput', () => {
  it('shows a set value in the page language, not the browser format', () => {
    renderForm('en', '2032-06-01T13:00');
    expect(screen.getByRole('textbox', { name: 'Starts (date)' })).toHaveValue('Jun 1, 2032');
    expect(screen.getByLabelText('Starts (hours)')).toHaveValue('13');
    expect(screen.getByLabelText('Starts (minutes)')).toHaveValue('00');
    expect(screen.getByRole('group', { name: 'Starts' })).toBeInTheDocument();
    expect(screen.getByText('Times in Japan Standard Time')).toBeInTheDocument();
  });

  it('gives the same wall-clock value a datetime-local gave, once both halves are typed', async () => {
    const onValue = renderForm('ja');
    const user = userEvent.setup();
    const day = screen.getByRole('textbox', { name: 'Starts（日付）' });
    await user.type(day, '2032-06-01');
    await user.tab();
    expect(day).toHaveValue('2032年6月1日');
    expect(onValue).toHaveBeenLastCalledWith('');
    await user.type(screen.getByLabelText('Starts（時）'), '13');
    await user.type(screen.getByLabelText('Starts（分）'), '05');
    expect(onValue).toHaveBeenLastCalledWith('2032-06-01T13:05');
  });

  it('reads the zone and the error with its group of fields', () => {
    renderForm('en', '', 'Required');
    expect(screen.getByRole('group', { name: 'Starts' })).toHaveAccessibleDescription(
      'Times in Japan Standard Time Required',
    );
  });
});
