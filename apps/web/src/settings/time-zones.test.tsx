import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { I18nextProvider, initReactI18next } from 'react-i18next';
import { beforeAll, describe, expect, it, vi } from 'vitest';

// The real choices, counted: naming every zone is the slow part of the picker.
vi.mock('./time-zones', async (importOriginal) => {
  const actual = await importOriginal<typeof import('./time-zones')>();
  return { ...actual, timeZoneGroups: vi.fn(actual.timeZoneGroups) };
});
import { en, ja } from '../i18n/catalog';
import * as zones from './time-zones';
import { JAPAN, offsetMinutes, timeZoneGroups, timeZoneLabel } from './time-zones';
import { TimeZoneSelect } from './TimeZoneSelect';

const JANUARY = new Date('2027-01-15T00:00:00Z');
const JULY = new Date('2027-07-15T00:00:00Z');
const names = { japan: '日本', others: 'その他の地域' };

describe('time zone choices', () => {
  it('puts Japan first, then every other zone by UTC offset', () => {
    const [japan, others] = timeZoneGroups('ja', names, JANUARY);
    expect(japan.items.map((i) => i.value)).toEqual([JAPAN]);
    expect(others.items.map((i) => i.value)).not.toContain(JAPAN);
    expect(others.items.length).toBeGreaterThan(300);
    const offsets = others.items.map((i) => offsetMinutes(i.value, JANUARY));
    expect(offsets).toEqual([...offsets].sort((a, b) => a - b));
  });

  it('names a zone in the reader’s language with its offset and its IANA name', () => {
    expect(timeZoneLabel(JAPAN, 'ja', JANUARY)).toBe('UTC+09:00 日本標準時（Asia/Tokyo）');
    expect(timeZoneLabel(JAPAN, 'en', JANUARY)).toBe('UTC+09:00 Japan Standard Time (Asia/Tokyo)');
    expect(timeZoneLabel('America/Los_Angeles', 'en', JANUARY)).toBe(
      'UTC−08:00 Pacific Standard Time (America/Los Angeles)',
    );
  });

  it('follows summer time', () => {
    expect(offsetMinutes('Europe/London', JANUARY)).toBe(0);
    expect(offsetMinutes('Europe/London', JULY)).toBe(60);
    expect(offsetMinutes('Asia/Kolkata', JULY)).toBe(330);
  });
});

// The input (the dropdown's list carries the same label).
const zoneInput = () =>
  screen.getAllByLabelText('Time zone').find((el) => el.tagName === 'INPUT') as HTMLInputElement;

describe('TimeZoneSelect', () => {
  beforeAll(async () => {
    await i18next.use(initReactI18next).init({
      resources: { ja: { translation: ja }, en: { translation: en } },
      lng: 'en',
      interpolation: { escapeValue: false },
    });
  });

  const renderSelect = (value: string, onChange = vi.fn()) => {
    return renderView(value, onChange).onChange;
  };
  const renderView = (value: string, onChange = vi.fn()) => {
    const view = render(
      <MantineProvider>
        <I18nextProvider i18n={i18next}>
          <TimeZoneSelect value={value} onChange={onChange} />
        </I18nextProvider>
      </MantineProvider>,
    );
    const rerender = (next: string) =>
      view.rerender(
        <MantineProvider>
          <I18nextProvider i18n={i18next}>
            <TimeZoneSelect value={next} onChange={onChange} />
          </I18nextProvider>
        </MantineProvider>,
      );
    return { onChange, rerender };
  };

  it('shows the chosen zone, finds others by city, and reports the choice', async () => {
    const onChange = renderSelect(JAPAN);
    const input = zoneInput();
    expect(input.value).toMatch(/Japan Standard Time \(Asia\/Tokyo\)/);
    const user = userEvent.setup();
    await user.click(input);
    await user.clear(input);
    await user.type(input, 'London');
    await user.click(await screen.findByRole('option', { name: /Europe\/London/, hidden: true }));
    expect(onChange).toHaveBeenCalledWith('Europe/London');
  }, 20_000);

  it('keeps a saved zone the browser does not list', () => {
    renderSelect('Etc/GMT+5');
    expect(zoneInput().value).toBe('Etc/GMT+5');
  });

  it('names the zones once per language, not again for every pick', () => {
    const { rerender } = renderView(JAPAN);
    const built = vi.mocked(zones.timeZoneGroups).mock.calls.length;
    rerender('Europe/London');
    rerender('Etc/GMT+5');
    expect(zoneInput().value).toBe('Etc/GMT+5');
    rerender(JAPAN);
    expect(zoneInput().value).toMatch(/Asia\/Tokyo/);
    expect(vi.mocked(zones.timeZoneGroups).mock.calls.length).toBe(built);
  }, 30_000);
});
