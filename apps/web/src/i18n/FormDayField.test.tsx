import { zodResolver } from '@hookform/resolvers/zod';
import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useForm } from 'react-hook-form';
import { describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { dayText } from './day';
import { FormDayField } from './FormDayField';
import { initI18n } from './i18n';

const i18n = initI18n('ja');
vi.setConfig({ testTimeout: 20_000 });

// A form of one required day, no later than a last day, with the rule every form gives its days.
function DueForm({ onSave }: { onSave: (values: { due: string }) => void }) {
  const schema = z.object({
    due: dayText(i18n.t, 'ja', { max: '2027-03-31' }).min(1, '期日を入力してください'),
  });
  const form = useForm<{ due: string }>({
    resolver: zodResolver(schema),
    defaultValues: { due: '' },
  });
  return (
    <form noValidate onSubmit={(event) => void form.handleSubmit(onSave)(event)}>
      <FormDayField control={form.control} name="due" label="期日" required max="2027-03-31" />
      <button type="submit">保存</button>
      <button type="button" onClick={() => form.reset({ due: '2027-01-15' })}>
        読み込む
      </button>
    </form>
  );
}

function renderForm() {
  const onSave = vi.fn();
  render(
    <MantineProvider>
      <DueForm onSave={onSave} />
    </MantineProvider>,
  );
  return { onSave, field: screen.getByRole('textbox', { name: /^期日/ }) };
}

describe('FormDayField', () => {
  it("shows the form's message for its field and takes focus when the form refuses it", async () => {
    const { onSave, field } = renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(field).toHaveAccessibleDescription(expect.stringContaining('期日を入力してください'));
    expect(field).toHaveFocus();
  });

  it('refuses a day after its bound, as the field says it once left', async () => {
    const { onSave, field } = renderForm();
    const user = userEvent.setup();
    await user.type(field, '2027年4月1日');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(onSave).not.toHaveBeenCalled();
    expect(field).toHaveAccessibleDescription(
      expect.stringContaining('2027年3月31日以前の日付を入力してください'),
    );
  });

  it('sends a typed day (full-width digits too) to the form as YYYY-MM-DD', async () => {
    const { onSave, field } = renderForm();
    const user = userEvent.setup();
    await user.type(field, '２０２７年３月１日');
    await user.click(screen.getByRole('button', { name: '保存' }));
    expect(onSave).toHaveBeenCalledWith({ due: '2027-03-01' }, expect.anything());
  });

  it("shows a day the form is reset to, in the page's format", async () => {
    renderForm();
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: '読み込む' }));
    expect(screen.getByRole('textbox', { name: /^期日/ })).toHaveValue('2027年1月15日');
  });
});
