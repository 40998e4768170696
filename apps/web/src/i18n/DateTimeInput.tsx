import { Group, Input } from '@mantine/core';
import { TimePicker } from '@mantine/dates';
import { useId, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { DayField } from './DayField';
import { isDay } from './day';

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
    if (value !== (isDay(day) && time ? `${day}T${time}` : '')) {
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
    // Text typed that is not a day yet leaves the value empty: the day field says what is wrong.
    const next = isDay(nextDay) && nextTime ? `${nextDay}T${nextTime}` : '';
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
        <DayField
          aria-label={t('dates.day', { label })}
          title={t('dates.dayHint')}
          withHint={false}
          // Sep 15, 2032 in English: the month in full does not fit beside the time on a phone.
          valueFormat={i18n.language === 'en' ? 'MMM D, YYYY' : undefined}
          required={required}
          error={!!error}
          flex="1 1 130px"
          value={day}
          onChange={(next) => {
            setDay(next);
            emit(next, time);
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
