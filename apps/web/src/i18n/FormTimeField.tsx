import type { ComponentProps } from 'react';
import { Controller, type Control, type FieldPath, type FieldValues } from 'react-hook-form';
import { TimeField } from './TimeField';

type Props<Values extends FieldValues, Name extends FieldPath<Values>> = Omit<
  ComponentProps<typeof TimeField>,
  'value' | 'onChange' | 'onBlur' | 'ref' | 'error'
> & {
  control: Control<Values>;
  // A field of the form whose value is a time as TimeField keeps it (HH:MM, '' or typed text).
  name: Name;
};

// A time field bound to one field of a react-hook-form form, as FormDayField is for days: the
// form's message for the field, its blur, and its input for focus on a refused submit. The rule
// (timeText) stays in the form's schema.
export function FormTimeField<Values extends FieldValues, Name extends FieldPath<Values>>({
  control,
  name,
  ...props
}: Props<Values, Name>) {
  return (
    <Controller
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <TimeField
          {...props}
          ref={field.ref}
          value={field.value ?? ''}
          onChange={field.onChange}
          onBlur={field.onBlur}
          error={fieldState.error?.message}
        />
      )}
    />
  );
}
