import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { initI18n } from './i18n';
import { TimeField } from './TimeField';

vi.setConfig({ testTimeout: 20_000 });

function Form({ initial, onValue }: { initial: string; onValue: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <TimeField
        label="開始時刻"
        value={value}
        onChange={(v) => {
          setValue(v);
          onValue(v);
        }}
      />
      <button type="button" onClick={() => setValue('10:30')}>
        読み込む
      </button>
    </>
  );
}

function renderField(language: 'ja' | 'en', initial = '') {
  initI18n(language);
  const onValue = vi.fn();
  render(
    <MantineProvider>
      <Form initial={initial} onValue={onValue} />
    </MantineProvider>,
  );
  return { onValue, field: screen.getByRole('textbox', { name: '開始時刻' }) };
}

describe('TimeField', () => {
  it('is a text field in 24 hours, not the browser’s time input (which reads in its own language)', () => {
    const { field } = renderField('ja', '09:00');
    expect(field).not.toHaveAttribute('type', 'time');
    expect(field).toHaveValue('09:00');
    expect(field).toHaveAccessibleDescription('24時間制。例：9:00、14:30');
  });

  it('takes 9:00 and full-width digits, and shows them as HH:MM once left', async () => {
    const { onValue, field } = renderField('ja');
    const user = userEvent.setup();
    await user.type(field, '9:00');
    expect(onValue).toHaveBeenLastCalledWith('09:00');
    await user.tab();
    expect(field).toHaveValue('09:00');
    await user.clear(field);
    await user.type(field, '１４：３０');
    await user.tab();
    expect(onValue).toHaveBeenLastCalledWith('14:30');
    expect(field).toHaveValue('14:30');
  });

  it('says 25:00 is not a time once left, keeps it as typed, and drops the complaint when corrected', async () => {
    const { onValue, field } = renderField('en');
    const user = userEvent.setup();
    await user.type(field, '25:00');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent(
      '“25:00” is not a time: type one from 0:00 to 23:59, like 9:00 or 14:30',
    );
    expect(field).toHaveValue('25:00');
    expect(onValue).toHaveBeenLastCalledWith('25:00');
    await user.clear(field);
    await user.type(field, '23:00');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('shows a value set from outside in place of what was typed', async () => {
    const { field } = renderField('ja');
    const user = userEvent.setup();
    await user.type(field, '朝');
    await user.tab();
    await user.click(screen.getByRole('button', { name: '読み込む' }));
    expect(field).toHaveValue('10:30');
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });
});
