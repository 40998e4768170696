import { useController, type Control, type FieldPath, type FieldValues } from 'react-hook-form';

// What a typed field (a day, a time) needs from one field of a react-hook-form form: its value
// ('' while a field array's new row holds none), change and blur, the form's message for it, and
// the input's ref, so that a refused submit moves focus to it. The rules stay in the form's schema.
export function useBoundField<Values extends FieldValues, Name extends FieldPath<Values>>(
  control: Control<Values>,
  name: Name,
) {
  const { field, fieldState } = useController({ control, name });
  return {
    ref: field.ref,
    value: (field.value ?? '') as string,
    onChange: field.onChange as (value: string) => void,
    onBlur: field.onBlur,
    error: fieldState.error?.message,
  };
}

// The props of a bound field: the field's own, less what the binding gives, plus the form and the
// field's name.
export type BoundFieldProps<
  Field,
  Values extends FieldValues,
  Name extends FieldPath<Values>,
> = Omit<Field, 'value' | 'onChange' | 'onBlur' | 'ref' | 'error'> & {
  control: Control<Values>;
  name: Name;
};
