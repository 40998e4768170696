import { Alert, Button, Center, Loader, Stack, Text } from '@mantine/core';
import type { CombinedError } from '@urql/core';
import { useTranslation } from 'react-i18next';

// The three states every screen shows the same way: loading, failed, nothing to show.

// label: what is being waited for, when more than loading (verifying a link…).
export function LoadingState({ label }: { label?: string }) {
  const { t } = useTranslation();
  return (
    <Center py="xl" role="status" aria-live="polite">
      <Loader aria-hidden />
      <Text ml="sm">{label ?? t('projects.loading')}</Text>
    </Center>
  );
}

// Never the error's own text: it may carry internals. A network failure says so.
export function ErrorState({ error, onRetry }: { error: CombinedError; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      color="red"
      role="alert"
      title={t(error.networkError ? 'errors.network' : 'errors.generic')}
    >
      {onRetry && (
        <Button variant="light" color="red" mt="sm" onClick={onRetry}>
          {t('errors.retry')}
        </Button>
      )}
    </Alert>
  );
}

export function EmptyState({ title, hint }: { title: string; hint?: string }) {
  return (
    <Stack align="center" py="xl" gap="xs">
      <Text fw={700}>{title}</Text>
      {hint && <Text c="gray.7">{hint}</Text>}
    </Stack>
  );
}
