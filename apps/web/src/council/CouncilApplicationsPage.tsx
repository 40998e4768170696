import {
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  SegmentedControl,
  Stack,
  Text,
  Textarea,
  Title,
} from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useMutation } from 'urql';
import { EmptyState } from '../app/page-states';
import { PagedQuery } from '../app/PagedQuery';
import type { CouncilMembershipFieldsFragment, CouncilMembershipStatus } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { CouncilApplicationsQuery, DecideCouncilMembershipMutation } from './council-documents';
import { FormError } from '../app/FormError';

const STATUSES: CouncilMembershipStatus[] = ['PENDING', 'APPROVED', 'REJECTED', 'WITHDRAWN'];

// /manage/:orgId/admin/council: the platform admins' queue of council applications.
export function CouncilApplicationsPage() {
  const { t } = useTranslation();
  const [status, setStatus] = useState<CouncilMembershipStatus>('PENDING');
  return (
    <Stack>
      <Title order={2}>{t('council.admin.title')}</Title>
      <Text>{t('council.admin.intro')}</Text>
      <SegmentedControl
        value={status}
        onChange={(v) => setStatus(v)}
        data={STATUSES.map((s) => ({ value: s, label: t(`council.workspace.statuses.${s}`) }))}
        style={{ alignSelf: 'flex-start' }}
      />
      <PagedQuery
        query={CouncilApplicationsQuery}
        variables={{ status }}
        pageSize={20}
        connection={(data) => data.councilMembershipApplications}
        empty={<EmptyState title={t('council.admin.empty')} />}
        moreLabel={t('council.more')}
        keyOf={(m) => m.id}
      >
        {(m) => <Application membership={m} />}
      </PagedQuery>
    </Stack>
  );
}

function Application({ membership }: { membership: CouncilMembershipFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const [{ fetching, error }, decide] = useMutation(DecideCouncilMembershipMutation);
  const [reason, setReason] = useState('');
  const [reasonError, setReasonError] = useState<string>();
  const pending = membership.status === 'PENDING';
  const send = async (approve: boolean) => {
    if (!approve && !reason.trim()) return setReasonError(t('council.admin.reasonRequired'));
    setReasonError(undefined);
    await decide({ id: membership.id, approve, reason: reason.trim() || null });
  };
  const reasonId = `reason-${membership.id}`;
  return (
    <Paper withBorder p="md" component="article">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Title order={3} size="h4">
            {membership.organization.name}
          </Title>
          <Group gap="xs">
            <Badge variant="outline" color="gray.8" tt="none">
              {t(`council.kinds.${membership.organization.kind}`, { defaultValue: '' })}
            </Badge>
            <Badge
              variant={membership.status === 'APPROVED' ? 'light' : 'outline'}
              color={membership.status === 'APPROVED' ? undefined : 'gray.8'}
              tt="none"
            >
              {t(`council.workspace.statuses.${membership.status}`)}
            </Badge>
          </Group>
        </Group>
        <Text size="sm" c="gray.7">
          {t('council.admin.appliedAt', {
            date: formatDate(membership.appliedAt, i18n.language),
          })}
          {membership.decidedAt &&
            ` · ${t('council.admin.decidedAt', { date: formatDate(membership.decidedAt, i18n.language) })}`}
        </Text>
        <Text style={{ whiteSpace: 'pre-wrap' }}>{membership.introductionJa}</Text>
        {membership.introductionEn && (
          <Text style={{ whiteSpace: 'pre-wrap' }} c="gray.8">
            {membership.introductionEn}
          </Text>
        )}
        {membership.website && (
          <Anchor href={membership.website} target="_blank" rel="noopener noreferrer" size="sm">
            {membership.website}
          </Anchor>
        )}
        {membership.decisionReason && (
          <Text size="sm">
            {t('council.workspace.reason', { reason: membership.decisionReason })}
          </Text>
        )}
        {pending && (
          <>
            <Textarea
              id={reasonId}
              label={t('council.admin.reason')}
              description={t('council.admin.reasonHint')}
              autosize
              minRows={2}
              maxLength={1000}
              value={reason}
              onChange={(e) => setReason(e.currentTarget.value)}
              error={reasonError}
            />
            <FormError
              message={error && (error.graphQLErrors[0]?.message ?? t('errors.generic'))}
            />
            <Group>
              <Button loading={fetching} onClick={() => void send(true)}>
                {t('council.admin.approve')}
              </Button>
              <Button
                variant="outline"
                color="red.9"
                loading={fetching}
                onClick={() => void send(false)}
              >
                {t('council.admin.reject')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Paper>
  );
}
