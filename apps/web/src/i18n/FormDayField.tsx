import type { ComponentProps } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { DayField } from './DayField';

type Props<Values extends FieldValues, Name extends FieldPath<Values>> = Omit<
  ComponentProps<typeof DayField>,
  'value' | 'onChange' | 'onBlur' | 'ref' | 'error'
> & {
  control: Control<Values>;
  // A field of the form whose value is a day as DayField keeps it (YYYY-MM-DD, '' or typed text).
  name: Name;
};

// A day field bound to one field of a react-hook-form form: it shows the form's message for that
// field, tells the form when it is left, and gives the form its input so that a refused submit
// moves focus to it. The form's rules (dayText, endNotBefore) stay in its schema; the bounds
// (min, max) are passed on so that the field says the same as soon as it is left.
export function FormDayField<Values extends FieldValues, Name extends FieldPath<Values>>({
  control,
  name,
  ...props
}: Props<Values, Name>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <DayField
          {...props}
          ref={field.ref}
          // A field array's new row may hold no day yet.
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
