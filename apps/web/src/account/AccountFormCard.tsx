import { Button, Paper, Stack, Text, Title } from '@mantine/core';
import type { FormEventHandler, ReactNode } from 'react';
import { FormError } from '../app/FormError';

interface AccountFormCardProps {
  title: string;
  // A line under the title saying what the form does.
  description?: ReactNode;
  // The form's own message (an error not about one field), shown above the fields.
  formError?: string;
  onSubmit: FormEventHandler<HTMLFormElement>;
  submitLabel: string;
  submitting: boolean;
  // Dangerous actions (deleting the account) colour the button dark red (readable white text).
  danger?: boolean;
  // Links under the button (sign in instead, forgot your password…).
  footer?: ReactNode;
  // A heading level inside a page that has its own h1.
  order?: 1 | 2;
  children: ReactNode;
}

// The one card every account form uses (sign in, sign up, forgot and reset password, change
// e-mail and password, delete): title, form-level error, fields, the submit button, footer.
export function AccountFormCard({
  title,
  description,
  formError,
  onSubmit,
  submitLabel,
  submitting,
  danger = false,
  footer,
  order = 1,
  children,
}: AccountFormCardProps) {
  return (
    <Paper withBorder p="lg" maw={order === 1 ? 420 : undefined} mx={order === 1 ? 'auto' : 0}>
      <form noValidate onSubmit={onSubmit}>
        <Stack>
          <Title order={order} size={order === 1 ? 'h2' : 'h3'}>
            {title}
          </Title>
          {description && <Text size="sm">{description}</Text>}
          <FormError message={formError} />
          {children}
          <Button type="submit" loading={submitting} color={danger ? 'red.9' : undefined}>
            {submitLabel}
          </Button>
          {footer}
        </Stack>
      </form>
    </Paper>
  );
}
