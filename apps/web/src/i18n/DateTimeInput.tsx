import { Group, Input } from '@mantine/core';
import { DateInput, TimePicker } from '@mantine/dates';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { dateInputFormat } from './DatesLocale';

const MONTHS = [
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
];

const pad = (n: number) => String(n).padStart(2, '0');

// A typed day, as the input shows it (2027年4月1日 / April 1, 2027) or as digits (2027-04-01,
// 2027/4/1), to YYYY-MM-DD; null for anything else or a day that does not exist.
export function parseDay(text: string): string | null {
  const trimmed = text.trim();
  let y: number, m: number, d: number;
  const digits = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/.exec(trimmed);
  const named = /^([A-Za-z]+)\.?\s+(\d{1,2}),?\s+(\d{4})$/.exec(trimmed);
  if (digits) [y, m, d] = [Number(digits[1]), Number(digits[2]), Number(digits[3])];
  else if (named) {
    const month = MONTHS.findIndex((name) => name.startsWith(named[1].toLowerCase()));
    if (month < 0 || named[1].length < 3) return null;
    [y, m, d] = [Number(named[3]), month + 1, Number(named[2])];
  } else return null;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return null;
  return `${y}-${pad(m)}-${pad(d)}`;
}

type Props = {
  label: string;
  // A wall-clock time as YYYY-MM-DDTHH:mm (what a datetime-local input gave), or '' for none or
  // for a day without its time yet.
  value: string;
  onChange: (value: string) => void;
  // Which zone the time is read in, worded for the reader.
  zoneNote?: ReactNode;
  required?: boolean;
  error?: ReactNode;
  miw?: number;
};

// A day and a time of day in the page's language (2027年4月1日 13:00 / Apr 1, 2027 13:00),
// both typed or picked, instead of the browser's datetime-local, which reads in the browser's
// language (a US format in an English Chromium) whatever the page's language.
export function DateTimeInput({ label, value, onChange, zoneNote, required, error, miw }: Props) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const [day, setDay] = useState(value.slice(0, 10));
  const [time, setTime] = useState(value.slice(11, 16));
  // A value set from outside (a reset, a loaded event) replaces what was typed; the '' sent
  // while only one half is filled in does not.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    if (value !== (day && time ? `${day}T${time}` : '')) {
      setDay(value.slice(0, 10));
      setTime(value.slice(11, 16));
    }
  }
  // The zone note and the error describe the group: Mantine's own wrappers around the day and the
  // time set their inputs' descriptions (to none), which would leave them unread.
  const describedBy =
    [zoneNote && `${id}-description`, error && `${id}-error`].filter(Boolean).join(' ') ||
    undefined;
  const emit = (nextDay: string, nextTime: string) => {
    const next = nextDay && nextTime ? `${nextDay}T${nextTime}` : '';
    setSeen(next);
    onChange(next);
  };
  return (
    <Input.Wrapper
      id={id}
      label={label}
      labelElement="div"
      required={required}
      description={zoneNote}
      error={error}
      miw={miw}
    >
      <Group
        role="group"
        aria-labelledby={`${id}-label`}
        aria-describedby={describedBy}
        gap="xs"
        wrap="wrap"
        align="flex-start"
        mt={4}
      >
        <DateInput
          aria-label={t('dates.day', { label })}
          title={t('dates.dayHint')}
          // Sep 15, 2032 in English: the month in full does not fit beside the time on a phone.
          valueFormat={i18n.language === 'en' ? 'MMM D, YYYY' : dateInputFormat(i18n.language)}
          dateParser={parseDay}
          previousLabel={t('dates.previousMonth')}
          nextLabel={t('dates.nextMonth')}
          required={required}
          error={!!error}
          flex="1 1 130px"
          value={day || null}
          onChange={(next) => {
            const picked = next ? String(next).slice(0, 10) : '';
            setDay(picked);
            emit(picked, time);
          }}
        />
        <TimePicker
          aria-label={t('dates.time', { label })}
          hoursInputLabel={t('dates.hours', { label })}
          minutesInputLabel={t('dates.minutes', { label })}
          required={required}
          error={!!error}
          flex="0 0 96px"
          value={time}
          onChange={(next) => {
            const picked = next.slice(0, 5);
            setTime(picked);
            emit(day, picked);
          }}
        />
      </Group>
    </Input.Wrapper>
  );
}
