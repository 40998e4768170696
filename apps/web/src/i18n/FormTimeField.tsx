import type { ComponentProps } from 'react';
import type { FieldPath, FieldValues } from 'react-hook-form';
import { useBoundField, type BoundFieldProps } from './bound-field';
import { TimeField } from './TimeField';

// A time field bound to one field of a react-hook-form form, whose value is a time as TimeField
// keeps it (HH:MM, '' or typed text). The rule (timeText) stays in the form's schema.
export function FormTimeField<Values extends FieldValues, Name extends FieldPath<Values>>({
  control,
  name,
  ...props
}: BoundFieldProps<ComponentProps<typeof TimeField>, Values, Name>) {
  return <TimeField {...props} {...useBoundField(control, name)} />;
}
