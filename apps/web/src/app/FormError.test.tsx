import { MantineProvider } from '@mantine/core';
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { FormError } from './FormError';

describe('FormError', () => {
  it('announces a message and shows nothing without one', () => {
    const { rerender } = render(
      <MantineProvider>
        <FormError message={null} />
      </MantineProvider>,
    );
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
    rerender(
      <MantineProvider>
        <FormError message="The project is closed" />
      </MantineProvider>,
    );
    expect(screen.getByRole('alert')).toHaveTextContent('The project is closed');
  });

  // One look for a form's error: a screen writing its own red alert with nothing but the
  // message drifts from the others (the reason FormError exists).
  it('is the only plain red alert for a message in the screens', () => {
    const sources = import.meta.glob<string>(['../**/*.tsx', '!../**/*.test.tsx'], {
      query: '?raw',
      import: 'default',
      eager: true,
    });
    const plain = /<Alert color="red" role="alert">\s*\{[^{}]+\}\s*<\/Alert>/;
    const copies = Object.entries(sources)
      .filter(([path, text]) => !path.endsWith('/FormError.tsx') && plain.test(text))
      .map(([path]) => path);
    expect(copies).toEqual([]);
  });
});
