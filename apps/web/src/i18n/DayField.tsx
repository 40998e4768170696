import { DateInput, type DateInputProps } from '@mantine/dates';
import {
  useState,
  type FocusEvent,
  type FormEvent,
  type KeyboardEvent,
  type MouseEvent,
  type Ref,
} from 'react';
import { useTranslation } from 'react-i18next';
import { dateInputFormat } from './DatesLocale';
import { dayProblem, dayProblemMessage, isDay, parseDay } from './day';
import { describedWithHint, typedValue } from './typed-field';

type Props = Omit<
  DateInputProps,
  'value' | 'defaultValue' | 'onChange' | 'minDate' | 'maxDate' | 'dateParser' | 'fixOnBlur'
> & {
  // A day as YYYY-MM-DD, '' for none, or the text typed when it is not a day (so that a form
  // cannot take a half-typed day for none).
  value: string;
  onChange: (value: string) => void;
  // The first and last day the form takes (YYYY-MM-DD).
  min?: string;
  max?: string;
  // The input, for a form to move focus to it (react-hook-form's field.ref) when it refuses it.
  ref?: Ref<HTMLInputElement>;
  // Shows how a day can be typed (例：2027年4月1日、2027-04-01) with the field's description.
  withHint?: boolean;
};

// One calendar day, typed in the page's language (2027年4月1日 / April 1, 2027, or digits:
// 2027-04-01) or picked from a calendar beside it. Browsers' own date inputs read in the
// browser's language whatever the page's, and a calendar alone is slow for a date of birth.
// Text that is not a day, or a day out of bounds, is said so when the field is left, and kept as
// typed so that it can be corrected.
export function DayField({
  value,
  onChange,
  min,
  max,
  error,
  description,
  withHint = true,
  valueFormat,
  onBlur,
  onFocus,
  onClick,
  onKeyDown,
  ...props
}: Props) {
  const { t, i18n } = useTranslation();
  // Only days bound it: another field's text that is not a day yet bounds nothing.
  if (min !== undefined && !isDay(min)) min = undefined;
  if (max !== undefined && !isDay(max)) max = undefined;
  const bounds = { min, max };
  // Whether the field was left since its value was last set from outside: from then on it says
  // what is wrong with its value, worked out on each render so that a bound changed by another
  // field or a change of language is followed at once.
  const [left, setLeft] = useState(false);
  const problem = left ? dayProblem(value, bounds) : null;
  const complaint = problem ? dayProblemMessage(problem, t, i18n.language) : null;
  // A value set from outside (a reset, loaded data) replaces what was typed: the calendar input is
  // drawn afresh, since it keeps its own text.
  const [seen, setSeen] = useState(value);
  const [generation, setGeneration] = useState(0);
  if (value !== seen) {
    setSeen(value);
    setLeft(false);
    setGeneration((g) => g + 1);
  }
  const send = (next: string) => {
    setSeen(next);
    onChange(next);
  };
  const hint = withHint ? t('dates.dayHint') : null;
  // Whether the calendar is open, as the input opens and closes it (on focus or a click; on
  // leaving, Escape or a pick). While it is, the input carries Mantine's mark for dialogs to leave
  // an Escape to it: the Escape that closes the calendar would otherwise close the dialog too.
  const [calendarOpen, setCalendarOpen] = useState(false);
  return (
    <DateInput
      key={generation}
      {...props}
      valueFormat={valueFormat ?? dateInputFormat(i18n.language)}
      previousLabel={t('dates.previousMonth')}
      nextLabel={t('dates.nextMonth')}
      description={describedWithHint(description, hint)}
      error={complaint ?? error}
      // Said as it appears: focus has already moved on when the field is left.
      errorProps={complaint ? { role: 'alert' } : undefined}
      minDate={min}
      maxDate={max}
      value={isDay(value) ? value : null}
      // Typing is read below, by the one parser, so that text that is not a day is kept and
      // reported; the calendar input itself only takes picks.
      dateParser={() => null}
      onInput={(event: FormEvent<HTMLInputElement>) =>
        send(typedValue(event.currentTarget.value, parseDay))
      }
      // A day that reads is shown the way the page writes days once the field is left; anything
      // else stays as typed, with the complaint.
      fixOnBlur={!dayProblem(value, bounds)}
      onFocus={(event: FocusEvent<HTMLInputElement>) => {
        setCalendarOpen(true);
        onFocus?.(event);
      }}
      onClick={(event: MouseEvent<HTMLInputElement>) => {
        setCalendarOpen(true);
        onClick?.(event);
      }}
      data-mantine-stop-propagation={calendarOpen || undefined}
      onKeyDown={(event: KeyboardEvent<HTMLInputElement>) => {
        if (event.key === 'Escape') setCalendarOpen(false);
        onKeyDown?.(event);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setLeft(true);
        setCalendarOpen(false);
        onBlur?.(event);
      }}
      onChange={(picked) => {
        setCalendarOpen(false);
        send(picked ? String(picked).slice(0, 10) : '');
      }}
    />
  );
}
