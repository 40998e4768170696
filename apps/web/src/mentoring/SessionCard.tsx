import { Alert, Anchor, Badge, Card, Checkbox, Group, Stack, Text, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { MentoringBookingFieldsFragment } from '../gql/graphql';
import { formatDate } from '../i18n/format';
import { SessionTime } from './SessionTime';

// One session as both sides see it: when, how, what the member wants to polish, how it was
// cancelled, the mentor's notes and the follow-ups (ticked by whoever may: onToggle).
export function SessionCard({
  session,
  heading,
  onToggle,
  actions,
}: {
  session: MentoringBookingFieldsFragment;
  heading: string;
  onToggle?: (followUpId: string, done: boolean) => void;
  actions?: ReactNode;
}) {
  const { t, i18n } = useTranslation();
  const booked = session.status === 'BOOKED';
  return (
    <Card component="li" withBorder padding="md" data-testid="mentoring-session">
      <Stack gap="xs">
        <Group justify="space-between" wrap="wrap" gap="xs">
          <Title order={4} size="h5">
            {heading}
          </Title>
          <Badge color={booked ? 'teal.9' : 'gray.7'}>
            {t(`mentoring.sessions.status.${session.status}`)}
          </Badge>
        </Group>
        <SessionTime
          startsAt={session.startsAt}
          endsAt={session.endsAt}
          timeZone={session.timeZone}
          fw={700}
        />
        <Text size="sm">
          {t(`mentoring.format.${session.format}`)}
          {session.place ? ` · ${t('mentoring.sessions.place', { place: session.place })}` : ''}
        </Text>
        {booked && session.meetingUrl && (
          <Anchor href={session.meetingUrl} target="_blank" rel="noopener noreferrer">
            {t('mentoring.sessions.join')}
          </Anchor>
        )}
        {session.bookedByName && (
          <Text size="sm" c="gray.7">
            {t('mentoring.sessions.bookedBy', { name: session.bookedByName })}
          </Text>
        )}
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('mentoring.sessions.polish')}
          </Text>
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {session.polish}
          </Text>
        </Stack>
        {session.status === 'CANCELLED' && (
          <Alert color="gray" role="note">
            {session.cancelledBy === 'MENTOR'
              ? t('mentoring.sessions.cancelledByMentor', { reason: session.cancelReason ?? '' })
              : t(
                  session.lateCancellation
                    ? 'mentoring.sessions.cancelledByMemberLate'
                    : 'mentoring.sessions.cancelledByMember',
                )}
          </Alert>
        )}
        <Stack gap={2}>
          <Text size="sm" fw={700}>
            {t('mentoring.sessions.notes')}
          </Text>
          <Text
            size="sm"
            c={session.notes ? undefined : 'gray.7'}
            style={{ whiteSpace: 'pre-wrap' }}
          >
            {session.notes ?? t('mentoring.sessions.noNotes')}
          </Text>
        </Stack>
        <Stack gap={4}>
          <Text size="sm" fw={700}>
            {t('mentoring.sessions.followUps')}
          </Text>
          {session.followUps.length === 0 ? (
            <Text size="sm" c="gray.7">
              {t('mentoring.sessions.noFollowUps')}
            </Text>
          ) : (
            <Stack component="ul" gap={4} p={0} m={0} style={{ listStyle: 'none' }}>
              {session.followUps.map((f) => {
                const label = f.dueOn
                  ? t('app.noted', {
                      text: f.text,
                      note: t('mentoring.sessions.due', {
                        date: formatDate(f.dueOn, i18n.language),
                      }),
                    })
                  : f.text;
                return (
                  <li key={f.id}>
                    {onToggle ? (
                      <Checkbox
                        label={label}
                        checked={!!f.doneAt}
                        onChange={(e) => onToggle(f.id, e.currentTarget.checked)}
                      />
                    ) : (
                      <Text size="sm">
                        {f.doneAt
                          ? `✓ ${t('app.label', { label: t('mentoring.sessions.done') })}`
                          : '・'}
                        {label}
                      </Text>
                    )}
                  </li>
                );
              })}
            </Stack>
          )}
        </Stack>
        {actions}
      </Stack>
    </Card>
  );
}
