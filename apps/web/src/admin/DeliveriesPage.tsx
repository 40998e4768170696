import { Alert, Anchor, Button, Card, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import { formatDateTime } from '../i18n/format';
import {
  DeadLettersQuery,
  RetryNotificationMutation,
  RetryWebhookMutation,
} from './admin-documents';

// The queue dashboard is served by the API beside the web app; it asks the browser for the
// admin's e-mail and password itself (Basic), as the app's session token is not sent there.
const QUEUE_DASHBOARD = '/admin/queues';

// /manage/:orgId/admin/deliveries: webhook calls and notifications that went DEAD, each with a
// retry, and the way to the job queues.
export function DeliveriesPage() {
  const { t } = useTranslation();
  const [{ data, fetching, error }, reexecute] = useQuery({
    query: DeadLettersQuery,
    requestPolicy: 'cache-and-network',
  });
  const refresh = () => reexecute({ requestPolicy: 'network-only' });
  return (
    <Stack>
      <Title order={2}>{t('admin.deliveries.title')}</Title>
      <Text>{t('admin.deliveries.intro')}</Text>
      {!data && fetching ? (
        <LoadingState />
      ) : !data ? (
        <ErrorState error={error!} onRetry={() => reexecute()} />
      ) : (
        <>
          <Section title={t('admin.deliveries.webhooks')}>
            {data.webhookDeadLetters.edges.map(({ node }) => (
              <DeadLetter
                key={node.id}
                id={node.id}
                kind="webhook"
                eventType={node.eventType}
                attempts={node.attempts}
                createdAt={node.createdAt}
                detail={
                  node.lastStatusCode != null
                    ? t('admin.deliveries.status', { code: node.lastStatusCode })
                    : undefined
                }
                onRetried={refresh}
              />
            ))}
          </Section>
          <Section title={t('admin.deliveries.notifications')}>
            {data.notificationDeliveries.edges.map(({ node }) => (
              <DeadLetter
                key={node.id}
                id={node.id}
                kind="notification"
                eventType={node.eventType}
                attempts={node.attempts}
                createdAt={node.createdAt}
                detail={t(node.channel === 'EMAIL' ? 'preferences.email' : 'preferences.inApp')}
                onRetried={refresh}
              />
            ))}
          </Section>
        </>
      )}
      <Card withBorder>
        <Stack gap="xs">
          <Title order={3} size="h4">
            {t('admin.deliveries.queues')}
          </Title>
          <Text size="sm">{t('admin.deliveries.queuesHint')}</Text>
          <Anchor href={QUEUE_DASHBOARD} target="_blank" rel="noopener">
            {t('admin.deliveries.openQueues')}
          </Anchor>
        </Stack>
      </Card>
    </Stack>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode[] }) {
  const { t } = useTranslation();
  return (
    <Stack gap="xs">
      <Title order={3} size="h4">
        {title}
      </Title>
      {children.length === 0 ? (
        <EmptyState title={t('admin.deliveries.none')} />
      ) : (
        <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
          {children}
        </Stack>
      )}
    </Stack>
  );
}

function DeadLetter({
  id,
  kind,
  eventType,
  attempts,
  createdAt,
  detail,
  onRetried,
}: {
  id: string;
  kind: 'webhook' | 'notification';
  eventType: string;
  attempts: number;
  createdAt: string;
  detail?: string;
  onRetried: () => void;
}) {
  const { t, i18n } = useTranslation();
  const [{ fetching: webhookBusy }, retryWebhook] = useMutation(RetryWebhookMutation);
  const [{ fetching: notificationBusy }, retryNotification] =
    useMutation(RetryNotificationMutation);
  const [outcome, setOutcome] = useState<'retried' | 'failed'>();
  const retry = async () => {
    const result = await (kind === 'webhook' ? retryWebhook({ id }) : retryNotification({ id }));
    setOutcome(result.error ? 'failed' : 'retried');
    if (!result.error) onRetried();
  };
  return (
    <Card component="li" withBorder padding="sm">
      <Group justify="space-between" wrap="wrap" gap="xs">
        <Stack gap={0}>
          <Text fw={700}>{t(`preferences.event.${eventType}.label`)}</Text>
          <Text size="sm" c="gray.7">
            {formatDateTime(createdAt, i18n.language)} ·{' '}
            {t('admin.deliveries.attempts', { count: attempts })}
            {detail ? ` · ${detail}` : ''}
          </Text>
        </Stack>
        <Button
          variant="light"
          loading={webhookBusy || notificationBusy}
          onClick={() => void retry()}
        >
          {t('admin.deliveries.retry')}
        </Button>
      </Group>
      {outcome && (
        <Alert mt="xs" color={outcome === 'failed' ? 'red' : 'green'} role="status">
          {outcome === 'failed' ? t('errors.generic') : t('admin.deliveries.retried')}
        </Alert>
      )}
    </Card>
  );
}
