import { MantineProvider, Modal } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { DatesLocale } from './DatesLocale';
import { DayField } from './DayField';
import { initI18n } from './i18n';

vi.setConfig({ testTimeout: 20_000 });

type Options = {
  initial?: string;
  min?: string;
  max?: string;
  description?: string;
  error?: string;
};

function Form({ initial = '', onValue, ...props }: Options & { onValue: (v: string) => void }) {
  const [value, setValue] = useState(initial);
  return (
    <>
      <DayField
        label="Date of birth"
        value={value}
        onChange={(v) => {
          setValue(v);
          onValue(v);
        }}
        {...props}
      />
      <button type="button" onClick={() => setValue('')}>
        Reset
      </button>
    </>
  );
}

function renderField(language: 'ja' | 'en', options: Options = {}) {
  initI18n(language);
  const onValue = vi.fn();
  render(
    <MantineProvider>
      <DatesLocale>
        <Form onValue={onValue} {...options} />
      </DatesLocale>
    </MantineProvider>,
  );
  return { onValue, field: screen.getByRole('textbox', { name: 'Date of birth' }) };
}

describe('DayField', () => {
  it('takes a day typed in Japanese and shows it the way the page writes days', async () => {
    const { onValue, field } = renderField('ja');
    const user = userEvent.setup();
    await user.type(field, '2010年9月14日');
    await user.tab();
    expect(onValue).toHaveBeenLastCalledWith('2010-09-14');
    expect(field).toHaveValue('2010年9月14日');
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('takes a day typed in English, short or long', async () => {
    const { onValue, field } = renderField('en');
    const user = userEvent.setup();
    await user.type(field, 'Sep 14, 2010');
    await user.tab();
    expect(onValue).toHaveBeenLastCalledWith('2010-09-14');
    expect(field).toHaveValue('September 14, 2010');
  });

  it('takes digits in either language', async () => {
    const { onValue, field } = renderField('ja');
    const user = userEvent.setup();
    await user.type(field, '2010/9/14');
    await user.tab();
    expect(onValue).toHaveBeenLastCalledWith('2010-09-14');
    expect(field).toHaveValue('2010年9月14日');
  });

  it('shows a set value in the page language', () => {
    const { field } = renderField('en', { initial: '2032-06-01' });
    expect(field).toHaveValue('June 1, 2032');
  });

  it('keeps a day that does not exist as typed, says so, and does not send it as a day', async () => {
    const { onValue, field } = renderField('ja', { initial: '2010-09-14' });
    const user = userEvent.setup();
    await user.clear(field);
    await user.type(field, '2031年2月29日');
    await user.tab();
    expect(onValue).toHaveBeenLastCalledWith('2031年2月29日');
    expect(field).toHaveValue('2031年2月29日');
    expect(field).toHaveAttribute('aria-invalid', 'true');
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('「2031年2月29日」は日付として読めません'),
    );
  });

  it('drops the complaint once the text is corrected', async () => {
    const { onValue, field } = renderField('en');
    const user = userEvent.setup();
    await user.type(field, '06/01/2032');
    await user.tab();
    expect(screen.getByText(/is not a day/)).toBeInTheDocument();
    await user.clear(field);
    await user.type(field, '2032-06-01');
    expect(screen.queryByText(/is not a day/)).not.toBeInTheDocument();
    expect(onValue).toHaveBeenLastCalledWith('2032-06-01');
  });

  it('says when a typed day is after the last day the form takes', async () => {
    const { onValue, field } = renderField('en', { max: '2026-12-05' });
    const user = userEvent.setup();
    await user.type(field, '2026-12-06');
    await user.tab();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Enter December 5, 2026 or earlier'),
    );
    // The day itself is sent: the form's own rule (dayText) stops the submit with this message.
    expect(onValue).toHaveBeenLastCalledWith('2026-12-06');
    await user.clear(field);
    await user.type(field, '2026-12-05');
    await user.tab();
    expect(screen.queryByText(/or earlier/)).not.toBeInTheDocument();
  });

  it('says when a typed day is before the first day the form takes', async () => {
    const { field } = renderField('ja', { min: '2027-04-01' });
    const user = userEvent.setup();
    await user.type(field, '2027年3月31日');
    await user.tab();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('2027年4月1日以降の日付を入力してください'),
    );
  });

  it('follows a bound another field moves: a complaint the new bound no longer makes goes', async () => {
    initI18n('ja');
    function Period() {
      const [min, setMin] = useState('2027-04-01');
      const [value, setValue] = useState('');
      return (
        <>
          <DayField label="終了日" value={value} onChange={setValue} min={min} />
          <button type="button" onClick={() => setMin('2027-03-01')}>
            開始日を早める
          </button>
        </>
      );
    }
    render(
      <MantineProvider>
        <DatesLocale>
          <Period />
        </DatesLocale>
      </MantineProvider>,
    );
    const user = userEvent.setup();
    const field = screen.getByRole('textbox', { name: '終了日' });
    await user.type(field, '2027年3月31日');
    await user.tab();
    expect(screen.getByRole('alert')).toHaveTextContent('2027年4月1日以降の日付を入力してください');
    await user.click(screen.getByRole('button', { name: '開始日を早める' }));
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    expect(field).not.toHaveAttribute('aria-invalid', 'true');
  });

  it('is described by its description, the format hint and the error', () => {
    const { field } = renderField('en', {
      description: 'Used to check the age.',
      error: 'Required',
    });
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('Used to check the age. e.g. April 1, 2027 or 2027-04-01'),
    );
    expect(field).toHaveAccessibleDescription(expect.stringContaining('Required'));
  });

  it('sends no day when emptied, and clears typed text when the form resets', async () => {
    const { onValue, field } = renderField('en');
    const user = userEvent.setup();
    await user.type(field, 'tomorrow');
    await user.tab();
    expect(onValue).toHaveBeenLastCalledWith('tomorrow');
    await user.click(screen.getByRole('button', { name: 'Reset' }));
    // The input is drawn afresh.
    const fresh = screen.getByRole('textbox', { name: 'Date of birth' });
    expect(fresh).toHaveValue('');
    expect(screen.queryByText(/is not a day/)).not.toBeInTheDocument();
    await user.type(fresh, '2032-06-01');
    expect(onValue).toHaveBeenLastCalledWith('2032-06-01');
    await user.clear(fresh);
    expect(onValue).toHaveBeenLastCalledWith('');
  });

  it('closes its calendar on Escape without closing the dialog around it; the next Escape does', async () => {
    initI18n('en');
    const onClose = vi.fn();
    render(
      <MantineProvider env="test">
        <DatesLocale>
          <Modal opened onClose={onClose} title="Extend">
            <Form onValue={() => undefined} />
          </Modal>
        </DatesLocale>
      </MantineProvider>,
    );
    const user = userEvent.setup();
    await user.click(screen.getByRole('textbox', { name: 'Date of birth' }));
    expect(await screen.findByRole('button', { name: 'Next month' })).toBeInTheDocument();
    await user.keyboard('{Escape}');
    expect(screen.queryByRole('button', { name: 'Next month' })).toBeNull();
    expect(onClose).not.toHaveBeenCalled();
    await user.keyboard('{Escape}');
    expect(onClose).toHaveBeenCalledTimes(1);
  });
});
