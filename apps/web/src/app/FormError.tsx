import { Alert } from '@mantine/core';

// A form's problem that belongs to no one field (the API's message), announced as it appears.
export function FormError({ message }: { message: string | null | undefined }) {
  if (!message) return null;
  return (
    <Alert color="red" role="alert">
      {message}
    </Alert>
  );
}
