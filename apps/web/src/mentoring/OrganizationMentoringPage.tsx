import { Button, Group, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useMutation, useQuery } from 'urql';
import { EmptyState, ErrorState, LoadingState } from '../app/page-states';
import type { MentoringBookingFieldsFragment } from '../gql/graphql';
import { zoneName } from '../i18n/event-time';
import { formatDateTime } from '../i18n/format';
import { useWorkspace } from '../workspace/WorkspaceLayout';
import {
  CancelMentoringBookingMutation,
  OrganizationMentoringSessionsQuery,
  SetMentoringFollowUpDoneMutation,
} from './mentoring-documents';
import { CancellationRules } from './SessionTime';
import { SessionCard } from './SessionCard';
import { FormError } from '../app/FormError';

const HOUR = 60 * 60 * 1000;

// /manage/:orgId/mentoring: the organisation's sessions, by initiative (its history across
// sessions), with the mentor's notes and the follow-ups its staff tick done.
export function OrganizationMentoringPage() {
  const { t } = useTranslation();
  const { organization } = useWorkspace();
  const [{ data, error }, reexecute] = useQuery({
    query: OrganizationMentoringSessionsQuery,
    variables: { organizationId: organization.id },
    requestPolicy: 'cache-and-network',
  });
  let content;
  if (error && !data)
    content = (
      <ErrorState error={error} onRetry={() => reexecute({ requestPolicy: 'network-only' })} />
    );
  else if (!data) content = <LoadingState />;
  else if (data.organizationMentoringSessions.length === 0)
    content = (
      <EmptyState title={t('mentoring.sessions.none')} hint={t('mentoring.sessions.noneHint')} />
    );
  else content = <Initiatives sessions={data.organizationMentoringSessions} />;
  return (
    <Stack>
      <Group justify="space-between" align="flex-start">
        <Title order={2}>{t('mentoring.sessions.title')}</Title>
        <Button component={Link} to="/council/mentoring" variant="light">
          {t('mentoring.sessions.bookMore')}
        </Button>
      </Group>
      <Text>{t('mentoring.sessions.intro')}</Text>
      <CancellationRules />
      {content}
    </Stack>
  );
}

// Sessions about the same initiative (by its name, as typed) together, the latest first.
function Initiatives({ sessions }: { sessions: MentoringBookingFieldsFragment[] }) {
  const { t } = useTranslation();
  const groups = new Map<string, MentoringBookingFieldsFragment[]>();
  for (const s of sessions) {
    const key = s.initiativeTitle.trim().toLowerCase();
    groups.set(key, [...(groups.get(key) ?? []), s]);
  }
  return (
    <Stack gap="xl">
      {[...groups.values()].map((group) => (
        <Stack key={group[0].id} component="section" gap="xs">
          <Title order={3} size="h4">
            {t('mentoring.sessions.initiative', { title: group[0].initiativeTitle })}
          </Title>
          <Text size="sm" c="gray.7">
            {t('mentoring.sessions.sessionsCount', { count: group.length })}
          </Text>
          <Stack component="ul" gap="sm" p={0} m={0} style={{ listStyle: 'none' }}>
            {group.map((s) => (
              <MemberSession key={s.id} session={s} />
            ))}
          </Stack>
        </Stack>
      ))}
    </Stack>
  );
}

function MemberSession({ session }: { session: MentoringBookingFieldsFragment }) {
  const { t, i18n } = useTranslation();
  const [, setDone] = useMutation(SetMentoringFollowUpDoneMutation);
  const [{ fetching }, cancel] = useMutation(CancelMentoringBookingMutation);
  const [confirming, setConfirming] = useState(false);
  const [problem, setProblem] = useState(false);
  const upcoming = session.status === 'BOOKED' && new Date(session.startsAt).getTime() > Date.now();
  const freeUntil = new Date(new Date(session.startsAt).getTime() - 24 * HOUR).toISOString();
  const doCancel = async () => {
    const result = await cancel({ input: { bookingId: session.id } });
    setProblem(!!result.error);
    setConfirming(false);
  };
  const actions = upcoming ? (
    <Stack gap="xs">
      <Text size="sm">
        {session.freeCancellation
          ? t('mentoring.sessions.freeUntil', {
              // In the session's zone, named as its times are.
              until: t('mentoring.whenZone', {
                time: formatDateTime(freeUntil, i18n.language, session.timeZone),
                zone: zoneName(new Date(freeUntil), i18n.language, session.timeZone),
              }),
            })
          : t('mentoring.sessions.lateNow')}
      </Text>
      {confirming ? (
        <Group>
          <Button color="red" loading={fetching} onClick={() => void doCancel()}>
            {t('mentoring.sessions.confirmCancel')}
          </Button>
          <Button variant="default" onClick={() => setConfirming(false)}>
            {t('mentoring.sessions.keep')}
          </Button>
        </Group>
      ) : (
        <Button variant="light" color="red" w="fit-content" onClick={() => setConfirming(true)}>
          {t('mentoring.sessions.cancel')}
        </Button>
      )}
      <FormError message={problem ? t('errors.generic') : null} />
    </Stack>
  ) : null;
  return (
    <SessionCard
      session={session}
      heading={t('mentoring.sessions.with', { mentor: session.mentorName })}
      onToggle={(followUpId, done) => void setDone({ input: { followUpId, done } })}
      actions={actions}
    />
  );
}
