import { Badge, Button, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useMutation, useQuery } from 'urql';
import { ErrorState, LoadingState } from '../app/page-states';
import { formatDate } from '../i18n/format';
import { CompleteMilestoneMutation, MilestonesQuery } from './engagement-documents';

// The engagement's milestones by due date; while it is active the participant marks one done.
export function Milestones({
  engagementId,
  canComplete,
}: {
  engagementId: string;
  canComplete: boolean;
}) {
  const { t, i18n } = useTranslation();
  const [{ data, error }, reexecute] = useQuery({
    query: MilestonesQuery,
    variables: { id: engagementId },
    requestPolicy: 'cache-and-network',
  });
  const [{ fetching }, complete] = useMutation(CompleteMilestoneMutation);
  const language = i18n.language;
  let body;
  if (error && !data)
    body = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) body = <LoadingState />;
  else if (data.engagementMilestones.length === 0)
    body = <Text c="gray.7">{t('engagements.milestones.empty')}</Text>;
  else
    body = (
      <Stack component="ul" gap="xs" p={0} m={0} style={{ listStyle: 'none' }}>
        {data.engagementMilestones.map((m) => (
          <Group component="li" key={m.id} justify="space-between" gap="xs" wrap="wrap">
            <Stack gap={0}>
              <Text fw={500}>{m.title}</Text>
              <Text size="sm" c="gray.7">
                {m.doneAt
                  ? t('engagements.milestones.done', { date: formatDate(m.doneAt, language) })
                  : t('engagements.milestones.due', { date: formatDate(m.dueDate, language) })}
              </Text>
            </Stack>
            {m.doneAt ? (
              <Badge color="teal.9">{t('engagements.status.COMPLETED')}</Badge>
            ) : (
              canComplete && (
                <Button
                  size="xs"
                  variant="light"
                  loading={fetching}
                  onClick={() => void complete({ id: m.id })}
                >
                  {t('engagements.milestones.complete')}
                </Button>
              )
            )}
          </Group>
        ))}
      </Stack>
    );
  return (
    <Paper withBorder p="md" component="section" aria-labelledby="milestones-title">
      <Title order={2} size="h4" id="milestones-title" mb="sm">
        {t('engagements.milestones.title')}
      </Title>
      {body}
    </Paper>
  );
}
