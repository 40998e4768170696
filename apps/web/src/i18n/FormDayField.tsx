import type { ComponentProps } from 'react';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { useBoundField, type BoundFieldProps } from './bound-field';
import { DayField } from './DayField';

// A day field bound to one field of a react-hook-form form, whose value is a day as DayField keeps
// it (YYYY-MM-DD, '' or typed text). The form's rules (dayText, endNotBefore) stay in its schema;
// the bounds (min, max) are passed on so that the field says the same as soon as it is left.
export function FormDayField<Values extends FieldValues, Name extends FieldPath<Values>>({
  control,
  name,
  ...props
}: BoundFieldProps<ComponentProps<typeof DayField>, Values, Name>) {
  return <DayField {...props} {...useBoundField(control, name)} />;
}
