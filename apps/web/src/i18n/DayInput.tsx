import { DatePickerInput, type DatePickerInputProps } from '@mantine/dates';
import { useTranslation } from 'react-i18next';
import { dateInputFormat } from './DatesLocale';

type Props = Omit<DatePickerInputProps<'default'>, 'value' | 'onChange' | 'type'> & {
  // A day as YYYY-MM-DD, or '' for none.
  value: string;
  onChange: (day: string) => void;
};

// One calendar day picked from a calendar that reads in the chosen language (2027年4月1日 /
// April 1, 2027), with named month buttons for screen readers. Browsers' own date inputs show
// the browser's language and format instead, whatever the page's language.
export function DayInput({ value, onChange, ...props }: Props) {
  const { t, i18n } = useTranslation();
  return (
    <DatePickerInput
      valueFormat={dateInputFormat(i18n.language)}
      previousLabel={t('dates.previousMonth')}
      nextLabel={t('dates.nextMonth')}
      {...props}
      value={value || null}
      onChange={(day) => onChange(day ?? '')}
    />
  );
}
