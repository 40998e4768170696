import type { ReactNode } from 'react';

// What the day and time fields share: how typed text becomes their value, and where their typing
// hint goes.

// The text of a field as a value: what `parse` reads it as, '' when empty, the text otherwise
// (so that a form cannot take half-typed text for none).
export function typedValue(text: string, parse: (text: string) => string | null): string {
  const trimmed = text.trim();
  return trimmed === '' ? '' : (parse(trimmed) ?? trimmed);
}

// The field's description followed by its typing hint, either alone when the other is absent.
export function describedWithHint(description: ReactNode, hint: string | null): ReactNode {
  return description && hint ? (
    <>
      {description} {hint}
    </>
  ) : (
    (description ?? hint)
  );
}
