import { TextInput, type TextInputProps } from '@mantine/core';
import { useState, type ChangeEvent, type FocusEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { parseTime, timeProblemMessage } from './time';
import { describedWithHint, typedValue } from './typed-field';

type Props = Omit<TextInputProps, 'value' | 'defaultValue' | 'onChange' | 'type'> & {
  // A time as HH:MM, '' for none, or the text typed when it is not a time (so that a form cannot
  // take a half-typed time for none).
  value: string;
  onChange: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
  // Shows how a time can be typed (24時間制。例：9:00、14:30) with the field's description.
  withHint?: boolean;
};

// One time of day, typed: 24-hour, in the page's language whatever the browser's (a browser's
// own time input shows "09:00 AM" on a Japanese page). Text that is not a time is said so when
// the field is left, and kept as typed so that it can be corrected; a time is shown as HH:MM.
export function TimeField({
  value,
  onChange,
  error,
  description,
  withHint = true,
  onBlur,
  ...props
}: Props) {
  const { t } = useTranslation();
  // What is in the input: typed text, or the value as HH:MM once the field is left.
  const [text, setText] = useState(value);
  // Whether the field was left since its value was last set from outside: from then on it says
  // what is wrong with its value (worked out on each render, so a change of language follows).
  const [left, setLeft] = useState(false);
  // A value set from outside (a reset, loaded data) replaces what was typed.
  const [seen, setSeen] = useState(value);
  if (value !== seen) {
    setSeen(value);
    setText(value);
    setLeft(false);
  }
  const complaint = left ? timeProblemMessage(value, t) : null;
  const hint = withHint ? t('dates.timeHint') : null;
  return (
    <TextInput
      {...props}
      autoComplete="off"
      description={describedWithHint(description, hint)}
      error={complaint ?? error}
      // Said as it appears: focus has already moved on when the field is left.
      errorProps={complaint ? { role: 'alert' } : undefined}
      value={text}
      onChange={(event: ChangeEvent<HTMLInputElement>) => {
        const next = event.currentTarget.value;
        const typed = typedValue(next, parseTime);
        setText(next);
        setSeen(typed);
        onChange(typed);
      }}
      onBlur={(event: FocusEvent<HTMLInputElement>) => {
        setLeft(true);
        // A time that reads is shown as the page writes times; anything else stays as typed.
        const time = parseTime(text.trim());
        if (time) setText(time);
        onBlur?.(event);
      }}
    />
  );
}
